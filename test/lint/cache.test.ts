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
});
