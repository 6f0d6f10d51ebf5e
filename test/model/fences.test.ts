import { describe, expect, it } from 'vitest';
import { closesFence, openingFence, parseTimeline, readTimelineLines, scanSections } from '../../src/model/body.js';

describe('fenced code: one definition for every line scanner', () => {
  it.each([
    ['```', '```'],
    ['   ~~~~ yaml', '~~~~'],
    ['```js', '```'],
    ['    ```', null],
    ['``', null],
    ['text ```', null],
  ])('%j opens %j', (line, fence) => {
    expect(openingFence(line)).toBe(fence);
  });

  it.each([
    ['```', '```', true],
    ['````', '```', true],
    ['  ```  ', '```', true],
    ['```\r', '```', true],
    ['``', '```', false],
    ['```~~~', '```', false],
    ['~~~', '```', false],
    ['``` js', '```', false],
    ['~~~~~', '~~~~', true],
  ])('%j closes %j: %s', (line, fence, closes) => {
    expect(closesFence(line, fence)).toBe(closes);
  });

  it('sections and timelines skip the same code block', () => {
    const body =
      '## Timeline\n\n```\n## Not a heading\n```~~~\n- 2020-01-01 10:00 Z — in code\n```\n\n- 2020-01-01 11:00 Z — real\n   \n> quote\n';
    const sections = scanSections(body, 1);
    expect(sections.map((s) => s.title)).toEqual(['Timeline']);
    // The Markdown parser and the line reader for large timelines agree.
    expect(parseTimeline(sections[0]!).map((i) => i.event)).toEqual(['real']);
    expect(readTimelineLines(sections[0]!).map((i) => i.event)).toEqual(['real']);
  });
});
