import { describe, expect, it } from 'vitest';
import { parseActionItems, parseActionItemsMarkdown } from '../../src/model/body.js';
import type { Section } from '../../src/model/index.js';

const section = (content: string): Section => ({
  title: 'Action items',
  depth: 2,
  line: 40,
  column: 1,
  contentStartLine: 41,
  endLine: 41 + content.split('\n').length,
  content,
});
const HEADER = '| Action | Type | Owner | Due | Status |\n|---|---|---|---|---|';

describe('action items: the line reader agrees with the Markdown parser', () => {
  it.each([
    ['even rows', `${HEADER}\n| A | prevent | sre | 2018-06-01 | open |`],
    ['a row with fewer cells', `${HEADER}\n| A | prevent | sre | 2018-06-01 |`],
    ['a row with only the action', `${HEADER}\n| A |`],
    ['a row with more cells', `${HEADER}\n| A | prevent | sre | 2018-06-01 | open | X-1 | extra |`],
    ['escaped pipes', `${HEADER}\n| a \\| b \\|\\| c | prevent | sre | 2018-06-01 | open |`],
    [
      'mixed rows and text after',
      `${HEADER}\n| A | prevent |\n| B | detect | ops | 2018-06-02 | done | more |\n\nAfter the table.`,
    ],
  ])('%s', (_name, content) => {
    const s = section(content);
    const fast = parseActionItems(s);
    expect(fast).toEqual(parseActionItemsMarkdown(s));
    expect(fast?.rows.length).toBeGreaterThan(0);
  });

  it('reads a 1 MB table of uneven rows in well under a second per run', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      i % 2
        ? `| Do ${i} | prevent | team | 2018-06-01 |`
        : `| Do ${i} | prevent | team | 2018-06-01 | open | X-${i} | extra |`,
    );
    const s = section(`${HEADER}\n${rows.join('\n')}`);
    expect(s.content.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const table = parseActionItems(s);
    // A hang guard, not a benchmark: the Markdown parser needs about 7 s here.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(table?.rows).toHaveLength(20_000);
    expect(table?.rows[1]?.cells.status).toBeUndefined();
    expect(table?.rows[0]?.cells.status?.text).toBe('open');
  });
});
