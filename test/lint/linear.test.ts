import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../src/model/leak-detectors.js';
import { checkUniqueIds, LISTED_DUPLICATES } from '../../src/lint/unique-ids.js';
import type { LintResult } from '../../src/lint/types.js';
import { onlyRule } from './fixtures.js';

const SIZE = 300_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('notice-leak is linear in the text', () => {
  // Each of these took 1.6–4.3 s at 40 KB and grew with the square of the length (minutes at 300 KB).
  it.each([
    ['a run of letters', 'a'.repeat(SIZE)],
    ['dotted labels', 'a.'.repeat(SIZE / 2)],
    ['dashed labels', 'a-'.repeat(SIZE / 2)],
    ['at signs', 'a@'.repeat(SIZE / 2)],
    ['37,500 ticket ids', Array.from({ length: SIZE / 8 }, (_, i) => `ABC-${i}`).join(' ')],
  ])('%s (300 KB) takes well under a few seconds', (_name, text) => {
    const { ms } = timed(() => findLeaks(text, { authors: ['Jane Doe'] }));
    // Generous for a loaded machine; the quadratic version needed over a minute.
    expect(ms).toBeLessThan(5_000);
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
  it('4,000 files with one id get one bounded message each', () => {
    const entries = Array.from({ length: 4000 }, (_, i) => ({
      result: result(`/p/${String(i).padStart(4, '0')}.md`),
      id: { value: '2020-01-01-same', line: 2, column: 5 },
    }));
    // Generous for a loaded machine (about 30 ms unloaded); the quadratic version built 16 million paths.
    const { ms } = timed(() => checkUniqueIds(entries, onlyRule('id-filename')));
    expect(ms).toBeLessThan(5_000);
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
});
