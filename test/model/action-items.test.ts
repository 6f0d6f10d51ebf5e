import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActionItems, parseActionItemsMarkdown } from '../../src/model/body.js';
import { cellText } from '../../src/model/action-items-lines.js';
import type { Section } from '../../src/model/index.js';
import { linearWork } from '../helpers/scan-work.js';

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

  // Counted, not timed: the line reader's work grows with the rows and stays about 3 units a
  // character; the Markdown parser (about 7 s here), which the reader once left uneven rows to, does 16.
  it('reads a 1 MB table of uneven rows by the line reader, in linear work', async () => {
    const sectionOf = (count: number) => {
      const rows = Array.from({ length: count }, (_, i) =>
        i % 2
          ? `| Do ${i} | prevent | team | 2018-06-01 |`
          : `| Do ${i} | prevent | team | 2018-06-01 | open | X-${i} | extra |`,
      );
      return section(`${HEADER}\n${rows.join('\n')}`);
    };
    const { value: table, work } = await linearWork([200, 2_000, 20_000], (count) => {
      const s = sectionOf(count);
      return () => parseActionItems(s);
    });
    expect(table?.rows).toHaveLength(20_000);
    expect(table?.rows[1]?.cells.status).toBeUndefined();
    expect(table?.rows[0]?.cells.status?.text).toBe('open');
    const content = sectionOf(20_000).content.length;
    expect(content).toBeGreaterThan(1_000_000);
    expect(work / content).toBeLessThan(6);
  });
});

describe('cellText', () => {
  // The text as slices and trims gave it before the bounds were moved by character codes.
  const sliced = (content: string, start: number, end: number): string => {
    let text = content.slice(start, end).trim();
    if (text.startsWith('|')) text = text.slice(1);
    if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
    text = text.trim();
    return text.replace(/\\\|/g, '|');
  };

  it('gives what trimming the slice gives, with every kind of white space at either end', () => {
    // Trimmed and not: U+200B and U+180E are not white space for trim, the others are.
    const char = fc.constantFrom(
      ' ',
      '\t',
      '\r',
      '\v',
      '|',
      '\\',
      'a',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u200b',
      '\u180e',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u0085',
    );
    const input = fc.tuple(
      fc.array(char, { maxLength: 12 }).map((a) => a.join('')),
      fc.nat(),
      fc.nat(),
    );
    fc.assert(
      fc.property(input, ([content, a, b]) => {
        const start = a % (content.length + 1);
        const end = start + (b % (content.length - start + 1));
        expect(cellText(content, start, end)).toBe(sliced(content, start, end));
      }),
      { numRuns: 20000 },
    );
  });
});
