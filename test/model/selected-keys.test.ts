import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostmortemBytes } from '../../src/model/index.js';
import { readSelectedKeys } from '../../src/model/selected-keys.js';
import { ROOT } from '../helpers/cli.js';
import { expectEqual } from '../helpers/equal.js';

const KEYS = new Set(['id', 'title', 'status', 'services', 'started', 'impact', 'root_causes']);

/** What the full parser gives for the selected keys, or the problem that stops it. */
function reference(bytes: Uint8Array) {
  const { postmortem: pm, problems } = parsePostmortemBytes(bytes, 'x.md');
  if (problems.length > 0) return { problem: problems[0]?.message };
  const keyLines = new Map<string, number>();
  for (const [key, at] of pm.keys) if (KEYS.has(key)) keyLines.set(key, at.key.line);
  const data = Object.fromEntries(Object.entries(pm.data).filter(([key]) => KEYS.has(key)));
  return { data, keyLines, actionItems: pm.actionItems };
}

/** The fast reader agrees with the full parser wherever it answers (null hands the file to the full parser). */
function expectSame(text: string | Uint8Array): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const fast = readSelectedKeys(bytes, KEYS);
  if (fast === null) return false;
  expectEqual(fast, reference(bytes));
  return true;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const FRONT = [
  'id: 2024-01-01-x',
  'id: 2024-01-02-y',
  'title: "A: b"',
  "title: 'it''s'",
  'title: plain # comment',
  'title: &a anchored',
  'status: *a',
  'status: final',
  'services: [a, b]',
  'services:',
  '  - a',
  '- b',
  'started: "2024-01-01T10:00:00Z"',
  'started: 2024-01-01T10:00:00Z',
  'impact:',
  '  customers_affected: 10',
  '  data_loss: false',
  'root_causes:',
  '  - category: network',
  '    summary: x',
  'notice:',
  '  headline: { en: "x" }',
  '  what_happened: |',
  '    text: with colon',
  'notice: [unclosed',
  '  bad: : :',
  'tags: {a: 1',
  '"quoted": 1',
  '{a: 1}',
  '? complex',
  '\tx: 1',
  '# comment',
  '',
  'title:',
  '  continued',
  '...',
  '--- ',
  '---\t',
];

const BODY = [
  '## Action items',
  '## Action Items ##',
  '  ## action items',
  '    ## Action items',
  '> ## Action items',
  'Action items',
  '---',
  '===',
  '## Timeline',
  '# Title',
  '### Sub',
  '| Action | Type | Owner | Due | Status |',
  '|---|---|---|---|---|',
  '| Fix | prevent | a | 2024-01-01 | open |',
  '| Other | detect | b | 2024-02-01 | done |',
  '## Action items\n\n| Action | Type | Owner | Due | Status |\n|---|---|---|---|---|\n| Fix | prevent | a | 2024-01-01 | open |',
  '```',
  '~~~',
  '<!-- x -->',
  'text',
  '',
  '## ACTION ITEMS',
  '## Action items #',
  '##Action items',
  '#',
  '## ',
  '# Title \u2028 with a line separator',
  '## Next\rwith a carriage return',
  'Some #hashtag and ## marks',
  // White space `trim` drops before a title, and runs of `#` of other lengths (the reader does not
  // decode a line that cannot be the heading it looks for).
  '## \u00a0Action items',
  '##\tAction items',
  '## \u000bAction items',
  '#### Action items',
  '##',
  '    # indented code',
  'None this time.',
  'a | b',
  '| a |',
  '| - |',
  '| Action | Type | Owner | Due | Status |\n|---|---|---|---|---|',
  '### Sub\n| Action | Type | Owner | Due | Status |\n|---|---|---|---|---|\n| Fix | prevent | a | 2024-01-01 | open |',
];

describe('readSelectedKeys (the fast reader stats uses) against parsePostmortem', () => {
  it('agrees on every example and fixture it reads', () => {
    const files = [...markdownFiles(join(ROOT, 'examples')), ...markdownFiles(join(ROOT, 'test/fixtures'))];
    const read = files.filter((file) => expectSame(readFileSync(file, 'utf8')));
    // The fast path must actually serve the usual files, or stats loses its speed.
    expect(read.length).toBeGreaterThan(files.length / 2);
  });

  it('agrees on a table whose rows have an escaped pipe, more cells than the header, and fewer', () => {
    const text =
      '---\nid: x\n---\n## Action items\n\n| Action | Type | Owner | Due | Status |\n|---|---|---|---|---|\n' +
      '| Fix \\| now | prevent | a\\|b | 2024-01-01 | open | extra |\n| Short | detect |\n';
    expect(expectSame(text)).toBe(true);
    const rows = readSelectedKeys(Buffer.from(text), KEYS)?.actionItems?.rows ?? [];
    expect(rows.map((row) => Object.values(row.cells).map((cell) => cell.text))).toEqual([
      ['Fix | now', 'prevent', 'a|b', '2024-01-01', 'open'],
      ['Short', 'detect'],
    ]);
  });

  it('agrees on generated files', () => {
    let answered = 0;
    let withItems = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRONT), { maxLength: 10 }),
        // The heading and the rows twice as often as the rest, so that many files have a table to read.
        fc.array(fc.constantFrom(...BODY, ...BODY.filter((line) => /^## Action items|^\|/.test(line))), {
          maxLength: 10,
        }),
        fc.boolean(),
        fc.boolean(),
        (front, body, crlf, bom) => {
          const lines = ['---', ...front, '---', ...body].join('\n').replace(/\n/g, crlf ? '\r\n' : '\n');
          const text = bom ? `\uFEFF${lines}` : lines;
          if (!expectSame(text)) return;
          answered++;
          if (readSelectedKeys(Buffer.from(text), KEYS)?.actionItems?.rows.length) withItems++;
        },
      ),
      { numRuns: 8000, seed: 21 },
    );
    // Generated files must reach the fast path's own work, not only its refusals.
    expect(answered).toBeGreaterThan(500);
    expect(withItems).toBeGreaterThan(50);
  });
});
