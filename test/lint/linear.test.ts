import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../src/model/leak-detectors.js';
import { checkUniqueIds, LISTED_DUPLICATES } from '../../src/lint/unique-ids.js';
import type { LintResult } from '../../src/lint/types.js';
import { onlyRule } from './fixtures.js';
import { linearWork } from '../helpers/scan-work.js';

const SIZE = 300_000;

describe('notice-leak is linear in the text', () => {
  // Each of these took 1.6–4.3 s at 40 KB and grew with the square of the length (minutes at 300 KB).
  // Counted, not timed, at 3, 30 and 300 KB: work that goes over the text again for each match (the
  // overlap check once did) grows a hundredfold. Backtracking inside one search is not counted;
  // test/lint/builtin-patterns.test.ts holds the detectors' patterns linear.
  it.each([
    ['a run of letters', (n: number) => 'a'.repeat(n), 0],
    ['dotted labels', (n: number) => 'a.'.repeat(n / 2), 0],
    ['dashed labels', (n: number) => 'a-'.repeat(n / 2), 0],
    ['at signs', (n: number) => 'a@'.repeat(n / 2), 0],
    ['37,500 ticket ids', (n: number) => Array.from({ length: n / 8 }, (_, i) => `ABC-${i}`).join(' '), SIZE / 8],
  ])('%s (300 KB) in work that grows linearly with the text', async (_name, textOf, leaksFound) => {
    const { value: leaks } = await linearWork([SIZE / 100, SIZE / 10, SIZE], (size) => {
      const text = textOf(size);
      return () => findLeaks(text, { authors: ['Jane Doe'] });
    });
    expect(leaks).toHaveLength(leaksFound);
  });

  it('still finds what it found before', () => {
    const text =
      'Mail ops@corp.example.com, see db-03 and foo..bar.internal, a.b.c.corp, INC-42, 10.1.2.3 and Jane Doe (Doe).';
    expect(findLeaks(text, { authors: ['Jane Doe'] }).map((l) => l.text)).toEqual([
      'ops@corp.example.com',
      'bar.internal',
      'a.b.c.corp',
      'db-03',
      '10.1.2.3',
      'INC-42',
      'Jane Doe',
      'Doe',
    ]);
  });
});

function result(filePath: string): LintResult {
  return { filePath, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
}

describe('duplicate ids are linear in the files', () => {
  it('4,000 files with one id get one bounded message each, in work that grows linearly with the files', async () => {
    // Counted, not timed, at 40, 400 and 4,000 files: the quadratic version built 16 million paths.
    const { value: entries } = await linearWork([40, 400, 4000], (count) => {
      const entries = Array.from({ length: count }, (_, i) => ({
        result: result(`/p/${String(i).padStart(4, '0')}.md`),
        id: { value: '2020-01-01-same', line: 2, column: 5 },
      }));
      return () => {
        checkUniqueIds(entries, onlyRule('id-filename'));
        return entries;
      };
    });
    for (const e of entries) {
      expect(e.result.messages).toHaveLength(1);
      expect(e.result.messages[0]!.message.length).toBeLessThan(200);
      expect(e.result.errorCount).toBe(1);
    }
    expect(entries[0]!.result.messages[0]!.message).toBe(
      'Expected a unique `id`, found "2020-01-01-same" also in /p/0001.md, /p/0002.md, /p/0003.md and 3996 other files.',
    );
    expect(entries[2]!.result.messages[0]!.message).toContain('also in /p/0000.md, /p/0001.md, /p/0003.md and 3996');
  });

  it('names every other file when there are few', () => {
    const entries = ['/p/b.md', '/p/a.md'].map((p) => ({ result: result(p), id: { value: 'x', line: 1, column: 1 } }));
    checkUniqueIds(entries, onlyRule('id-filename'));
    expect(entries.map((e) => e.result.messages[0]!.message)).toEqual([
      'Expected a unique `id`, found "x" also in /p/a.md.',
      'Expected a unique `id`, found "x" also in /p/b.md.',
    ]);
    expect(LISTED_DUPLICATES).toBe(3);
  });

  it('marks only the files that share an id, among unique ids and files without one', () => {
    const ids = ['a', 'x', null, 'b', 'x', 'c', 'x'];
    const entries = ids.map((value, i) => ({
      result: result(`/p/${i}.md`),
      id: value === null ? null : { value, line: 2, column: 5 },
    }));
    checkUniqueIds(entries, onlyRule('id-filename'));
    expect(entries.map((e) => e.result.errorCount)).toEqual([0, 1, 0, 0, 1, 0, 1]);
    expect(entries[4]!.result.messages[0]!.message).toBe('Expected a unique `id`, found "x" also in /p/1.md, /p/6.md.');
  });
});
