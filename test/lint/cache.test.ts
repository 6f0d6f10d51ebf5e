import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LintCache } from '../../src/lint/cache.js';
import type { FileOutcome } from '../../src/lint/engine.js';
import type { LintSettings } from '../../src/lint/types.js';
import { tempDir } from '../helpers/cli.js';

const settings: LintSettings = { rules: {}, format: {}, internalPatterns: [], now: '2026-01-01T00:00:00Z' };
const outcome = (path: string): FileOutcome => ({
  result: {
    filePath: path,
    messages: [],
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  },
  id: null,
});

describe('LintCache: skipping untouched files by size and modification time', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(() => cleanup());

  it('trusts a stamp recorded with the content hash, but not a changed or racy one', async () => {
    const location = join(dir, 'cache.json');
    const old = { size: 100, mtimeMs: Date.now() - 60_000 };
    const racy = { size: 100, mtimeMs: Date.now() + 1_000 };
    const first = await LintCache.open(location, '1.0.0', settings);
    first.set('a.md', 'hash-a', outcome('a.md'), old);
    first.set('b.md', 'hash-b', outcome('b.md'), racy);
    await first.save();

    const second = await LintCache.open(location, '1.0.0', settings);
    expect(second.getByStamp('a.md', old)?.result.filePath).toBe('a.md');
    expect(second.getByStamp('a.md', { ...old, size: 101 })).toBeUndefined();
    expect(second.getByStamp('a.md', { ...old, mtimeMs: old.mtimeMs + 1 })).toBeUndefined();
    // Written within the clock's resolution of the save: the content hash must decide.
    expect(second.getByStamp('b.md', racy)).toBeUndefined();
    expect(second.get('b.md', 'hash-b', racy)?.result.filePath).toBe('b.md');
    expect(second.get('b.md', 'other-hash', racy)).toBeUndefined();
  });

  it('starts empty for another tool version', async () => {
    const location = join(dir, 'versioned.json');
    const stamp = { size: 1, mtimeMs: 1 };
    const first = await LintCache.open(location, '1.0.0', settings);
    first.set('a.md', 'h', outcome('a.md'), stamp);
    await first.save();
    expect((await LintCache.open(location, '1.0.0', settings)).get('a.md', 'h')).toBeDefined();
    expect((await LintCache.open(location, '2.0.0', settings)).get('a.md', 'h')).toBeUndefined();
  });

  it('gives back what was stored: messages, counts and the declared id', async () => {
    const location = join(dir, 'round-trip.json');
    const stored: FileOutcome = {
      result: {
        ...outcome('a.md').result,
        messages: [
          { ruleId: 'x', severity: 2, message: 'Expected a, found b.', line: 3, column: 1, fixable: true },
          { ruleId: 'y', severity: 1, message: 'Expected c.', line: 4, column: 2, endLine: 4, endColumn: 9 },
        ],
        errorCount: 1,
        warningCount: 1,
        fixableErrorCount: 1,
      },
      id: { value: '2020-01-01-a', line: 2, column: 5 },
    };
    const first = await LintCache.open(location, '1.0.0', settings);
    first.set('a.md', 'h', stored, { size: 1, mtimeMs: 1 });
    await first.save();
    const hit = (await LintCache.open(location, '1.0.0', settings)).getByStamp('a.md', { size: 1, mtimeMs: 1 });
    expect(hit).toEqual(stored);
    // Each hit is a copy: the cross-file check adds messages to it, never to the stored entry.
    hit?.result.messages.push(stored.result.messages[0]!);
    expect((await LintCache.open(location, '1.0.0', settings)).get('a.md', 'h')).toEqual(stored);
  });

  // An entry is [hash, size, mtimeMs, id, messages]; any other shape is a miss, never a crash.
  const at = (i: number, value: unknown) => (e: unknown[]) => e.map((v, j) => (j === i ? value : v));
  it.each([
    ['an entry that is not a list', () => 'oops'],
    [
      'an entry in the older shape',
      (e: unknown[]) => ({ hash: e[0], outcome: { result: { messages: [] }, id: null } }),
    ],
    ['an entry cut short', (e: unknown[]) => e.slice(0, 4)],
    ['a size that is text', at(1, '1')],
    ['a modification time that is text', at(2, '1')],
    ['an id that is a number', at(3, 7)],
    ['an id without its column', at(3, ['2020-01-01-a', 2])],
    ['messages that are not a list', at(4, 'none')],
    ['a message without a line', at(4, [{ ruleId: 'x', severity: 2, message: 'm', column: 1 }])],
    ['a message of severity 3', at(4, [{ ruleId: 'x', severity: 3, message: 'm', line: 1, column: 1 }])],
  ])('%s is a miss', async (name, corrupt) => {
    const location = join(dir, `corrupt-${name.replace(/\W+/g, '-')}.json`);
    const first = await LintCache.open(location, '1.0.0', settings);
    first.set(
      'a.md',
      'h',
      { ...outcome('a.md'), id: { value: '2020-01-01-a', line: 2, column: 5 } },
      { size: 1, mtimeMs: 1 },
    );
    await first.save();
    const data = JSON.parse(await readFile(location, 'utf8')) as { files: Record<string, unknown[]> };
    data.files['a.md'] = corrupt(data.files['a.md']!) as unknown[];
    await writeFile(location, JSON.stringify(data));
    const second = await LintCache.open(location, '1.0.0', settings);
    expect(second.getByStamp('a.md', { size: 1, mtimeMs: 1 })).toBeUndefined();
    expect(second.get('a.md', 'h')).toBeUndefined();
  });
});
