import { describe, expect, it } from 'vitest';
import { parseTimeline, readTimelineLines } from '../../src/model/body.js';
import { findSection, parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import type { Section } from '../../src/model/index.js';
import { examples } from '../helpers/examples.js';
import { linearWork } from '../helpers/scan-work.js';

const example = examples().find((e) => e.name.startsWith('2018-05-15')) ?? examples()[0]!;
const withTimeline = (block: string) => example.text.replace('## Timeline\n\n', `## Timeline\n\n${block}\n\n`);
const section = (content: string): Section => ({
  title: 'Timeline',
  depth: 2,
  line: 10,
  column: 1,
  contentStartLine: 11,
  endLine: 11 + content.split('\n').length,
  content,
});

describe('pathological nesting in the timeline', () => {
  // Work is counted, not timed (a loaded machine must not fail these): a tenth of the input costs
  // about a tenth of the work. Code that goes over the rest of the section again for each line, or
  // gives the deep lines to the Markdown parser, costs about a hundred times as much at ten times the size.
  it('reads 16,000 nested list markers on one line (40 KB) in linear work and reports the nesting', async () => {
    const {
      value: { text, postmortem, problems, found },
    } = await linearWork([160, 1_600, 16_000], (markers) => {
      const text = withTimeline(`${'- '.repeat(markers)}a`);
      return () => {
        const { postmortem, problems } = parsePostmortem(text, example.name);
        const found = checkPostmortem(postmortem, {}, 'warning').filter((p) => p.ruleId === 'timeline-format');
        return { text, postmortem, problems, found };
      };
    });
    expect(problems).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.startsWith('- - - ')) + 1;
    expect(
      found.map((p) => [p.line, p.message.startsWith('Expected timeline items nested at most 32 levels')]),
    ).toContainEqual([line, true]);
    expect(postmortem.timeline.length).toBeGreaterThan(10);
  });

  it('reads a 1 MB timeline item with deeply nested sub-lists in linear work', async () => {
    const {
      value: { text, postmortem, found },
    } = await linearWork([50, 500, 5_000], (count) => {
      const lines = ['- 2018-05-15 10:00 +02:00 — Deep item'];
      for (let i = 0; lines.length < count; i++) lines.push(`${'  '.repeat(1 + (i % 400))}- sub item ${i}`);
      const text = withTimeline(lines.join('\n'));
      return () => {
        const { postmortem } = parsePostmortem(text, example.name);
        const found = checkPostmortem(postmortem, {}, 'warning').filter((p) => p.ruleId === 'timeline-format');
        return { text, postmortem, found };
      };
    });
    expect(text.length).toBeGreaterThan(1_000_000);
    const first = text.split('\n').findIndex((l) => l.startsWith('- 2018-05-15 10:00 +02:00 — Deep item')) + 1;
    expect(postmortem.timeline[0]).toMatchObject({ line: first, endLine: first + 4999, event: 'Deep item' });
    expect(found.map((p) => p.line)).toEqual([first + 64]);
  });

  it('reads a 1 MB single paragraph item in linear work', async () => {
    const { value: postmortem } = await linearWork([400, 4_000, 40_000], (count) => {
      const lines = ['- 2018-05-15 10:00 +02:00 — Long item'];
      while (lines.length < count) lines.push(`continued line ${lines.length}`);
      const text = withTimeline(lines.join('\n'));
      return () => parsePostmortem(text, example.name).postmortem;
    });
    expect(postmortem.timeline[0]?.event).toMatch(/^Long item continued line 1 continued line 2 /);
  });

  it.each([
    [
      'items with continuation lines',
      '- 2018-05-15 10:00 +02:00 — One\n  more text\nlazy text\n- 2018-05-15 10:05 +02:00 — Two',
    ],
    [
      'items with sub-lists and blank lines',
      '- 2018-05-15 10:00 +02:00 — One\n\n  - sub\n    - subsub\n\n  para in item\n\n' +
        '- 2018-05-15 10:05 +02:00 — Two\n\nAfter the list\n\n* 2018-05-15 11:00 Z - Other list',
    ],
    [
      'an ordered list',
      '1. 2018-05-15 10:00 +02:00 — One\n2. 2018-05-15 10:05 +02:00 — Two\n   continued\n10. 2018-05-15 10:09 Z: Three',
    ],
    [
      'a fence and a heading',
      'Intro text.\n\n```\n- 2018-05-15 09:00 Z — not an item\n```\n\n' +
        '- 2018-05-15 10:00 Z — One\n- Two without a time\n- \n\n### Later\n\n- 2018-05-15 12:00 Z — Three',
    ],
    [
      'an item followed by a quote and a break',
      '- 2018-05-15 10:00 Z — One\n> quoted\n\n---\n\n+ 2018-05-15 10:00 Z — Two\n      code in item',
    ],
  ])("the line reader gives the Markdown parser's items for %s", (_name, content) => {
    expect(readTimelineLines(section(content))).toEqual(parseTimeline(section(content)));
  });

  it("the line reader gives the Markdown parser's items for every example timeline", () => {
    for (const e of examples()) {
      const timeline = findSection(parsePostmortem(e.text, e.path).postmortem.sections, 'Timeline')!;
      expect(readTimelineLines(timeline)).toEqual(parseTimeline(timeline));
    }
  });
});
