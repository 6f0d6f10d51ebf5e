import { describe, expect, it } from 'vitest';
import { parseTimeline } from '../../src/model/body.js';
import type { Section, TimelineItem } from '../../src/model/index.js';

const section = (content: string): Section => ({
  title: 'Timeline',
  depth: 2,
  line: 10,
  column: 1,
  contentStartLine: 11,
  endLine: 11 + content.split('\n').length,
  content,
});

/** The Markdown parser's items: a paragraph before the list keeps the line scan out; lines shifted back. */
function parsed(content: string): TimelineItem[] {
  return parseTimeline(section(`Intro.\n\n${content}`)).map((i) => ({
    ...i,
    line: i.line - 2,
    endLine: i.endLine - 2,
  }));
}

describe('timelines with sub-lists take the line scan and agree with the Markdown parser', () => {
  it.each([
    [
      'details under some items',
      '- 2020-01-01 10:00 Z — One\n  - detail a\n  - detail b\n- 2020-01-01 10:05 Z — Two\n- 2020-01-01 10:09 Z — Three\n    * deeper detail',
    ],
    [
      'mixed markers and indents',
      '* 2020-01-01 10:00 +02:00 — One\n   + x\n     - y\n* 2020-01-01 10:05 +02:00 — Two\n  - last',
    ],
  ])('%s', (_name, content) => {
    const fast = parseTimeline(section(content));
    expect(fast.length).toBeGreaterThan(1);
    expect(fast).toEqual(parsed(content));
  });

  it.each([
    ['a thematic break', '- 2020-01-01 10:00 Z — One\n  - - -'],
    ['indented code', '- 2020-01-01 10:00 Z — One\n      - code'],
    ['a continuation line', '- 2020-01-01 10:00 Z — One\n  continued'],
  ])('leaves %s to the parser (same items either way)', (_name, content) => {
    expect(parseTimeline(section(content))).toEqual(parsed(content));
  });
});
