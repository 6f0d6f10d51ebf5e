import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LintCache } from '../../src/lint/cache.js';
import { looksLikeCache } from '../../src/lint/ownership.js';
import type { FileOutcome } from '../../src/lint/engine.js';
import type { LintSettings } from '../../src/lint/types.js';
import { tempDir } from '../helpers/cli.js';

/** Sizes and modification times as the cache stores them: little-endian doubles, in base64. */
const stamps = (values: number[]) => {
  const bytes = Buffer.alloc(8 * values.length);
  values.forEach((v, i) => bytes.writeDoubleLE(v, 8 * i));
  return bytes.toString('base64');
};

/** A content hash as the cache stores it (28 characters, as a SHA-1 in base64 has). */
const h = (c: string) => c.repeat(28);
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
/** An outcome whose file declares the id `value` (at line 2, column 5). */
const withId = (path: string, value: string): FileOutcome => ({ ...outcome(path), id: { value, line: 2, column: 5 } });

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
    const first = LintCache.open(location, '1.0.0', settings);
    first.set('a.md', h('a'), outcome('a.md'), old);
    first.set('b.md', h('b'), outcome('b.md'), racy);
    await first.save();

    const second = LintCache.open(location, '1.0.0', settings);
    expect(second.getByStamp('a.md', old)?.result.filePath).toBe('a.md');
    expect(second.getByStamp('a.md', { ...old, size: 101 })).toBeUndefined();
    expect(second.getByStamp('a.md', { ...old, mtimeMs: old.mtimeMs + 1 })).toBeUndefined();
    // Written within the clock's resolution of the save: the content hash must decide.
    expect(second.getByStamp('b.md', racy)).toBeUndefined();
    expect(second.get('b.md', h('b'), racy)?.result.filePath).toBe('b.md');
    expect(second.get('b.md', h('c'), racy)).toBeUndefined();
  });

  it('saves files sorted by path and finds them in any order, each with its own hash', async () => {
    const location = join(dir, 'order.json');
    const stamp = { size: 1, mtimeMs: 1 };
    const names = ['/p/c.md', '/p/a.md', '/q/d.md', '/p/b.md'];
    const first = LintCache.open(location, '1.0.0', settings);
    for (const name of names) first.set(name, h(name[3]!), outcome(name), stamp);
    await first.save();
    const text = await readFile(location, 'utf8');
    expect(looksLikeCache(text)).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ base: '/', paths: ['p/a.md', 'p/b.md', 'p/c.md', 'q/d.md'].join('\0') });
    for (const order of [[...names].sort(), names, ['/p/c.md'], [...names].reverse()]) {
      const cache = LintCache.open(location, '1.0.0', settings);
      for (const name of order) {
        expect(cache.getByStamp(name, stamp)?.result.filePath).toBe(name);
        expect(cache.get(name, h(name[3]!))?.result.filePath).toBe(name);
        expect(cache.get(name, h('x'))).toBeUndefined();
      }
      expect(cache.getByStamp('/p/e.md', stamp)).toBeUndefined();
    }
  });

  it('knows whether its ids are distinct: as saved, and unknown once an outcome is stored', async () => {
    const location = join(dir, 'ids.json');
    const stamp = { size: 1, mtimeMs: 1 };
    const first = LintCache.open(location, '1.0.0', settings);
    first.set('/p/a.md', h('a'), withId('/p/a.md', 'x'), stamp);
    first.set('/p/b.md', h('b'), withId('/p/b.md', 'y'), stamp);
    first.set('/p/c.md', h('c'), outcome('/p/c.md'), stamp);
    first.set('/p/d.md', h('d'), outcome('/p/d.md'), stamp);
    await first.save();
    const second = LintCache.open(location, '1.0.0', settings);
    expect(second.idsDistinct).toBe(true);
    second.set('/p/c.md', h('e'), withId('/p/c.md', 'x'), stamp);
    expect(second.idsDistinct).toBe(false);
    await second.save();
    expect(LintCache.open(location, '1.0.0', settings).idsDistinct).toBe(false);
  });

  it('stores an id that is the file name as 0, and gives it back; two such ids in two folders are not distinct', async () => {
    const location = join(dir, 'stems.json');
    const stamp = { size: 1, mtimeMs: 1 };
    const first = LintCache.open(location, '1.0.0', settings);
    first.set('/p/2020-01-01-a.md', h('a'), withId('/p/2020-01-01-a.md', '2020-01-01-a'), stamp);
    first.set('/p/b.md', h('b'), withId('/p/b.md', 'other'), stamp);
    await first.save();
    expect(JSON.parse(await readFile(location, 'utf8'))).toMatchObject({ ids: [0, 'other'], distinctIds: true });
    const second = LintCache.open(location, '1.0.0', settings);
    expect(second.getByStamp('/p/2020-01-01-a.md', stamp)?.id).toEqual({ value: '2020-01-01-a', line: 2, column: 5 });
    expect(second.getByStamp('/p/b.md', stamp)?.id).toEqual({ value: 'other', line: 2, column: 5 });
    // Added after the loaded entries (the stamps grow), and its id, like the first one's, is its file's name.
    second.set('/q/2020-01-01-a.md', h('c'), withId('/q/2020-01-01-a.md', '2020-01-01-a'), { size: 3, mtimeMs: 3 });
    await second.save();
    const third = LintCache.open(location, '1.0.0', settings);
    expect(third.idsDistinct).toBe(false);
    expect(third.getByStamp('/p/b.md', stamp)?.id?.value).toBe('other');
    expect(third.getByStamp('/q/2020-01-01-a.md', { size: 3, mtimeMs: 3 })?.id?.value).toBe('2020-01-01-a');
  });

  it('starts empty on a cache of the format before (one string per path, numbers for stamps)', async () => {
    const location = join(dir, 'format-4.json');
    const first = LintCache.open(location, '1.0.0', settings);
    first.set('/p/a.md', h('a'), outcome('/p/a.md'), { size: 1, mtimeMs: 1 });
    await first.save();
    const data = JSON.parse(await readFile(location, 'utf8')) as Record<string, unknown>;
    const older = { ...data, key: '4'.padStart(40, '0'), paths: ['a.md'], sizes: [1], mtimes: [1], stamps: undefined };
    await writeFile(location, JSON.stringify(older));
    expect(LintCache.open(location, '1.0.0', settings).getByStamp('/p/a.md', { size: 1, mtimeMs: 1 })).toBeUndefined();
    // The same file with this format's key is read: what made the miss is the format.
    await writeFile(location, JSON.stringify(data));
    expect(LintCache.open(location, '1.0.0', settings).getByStamp('/p/a.md', { size: 1, mtimeMs: 1 })).toBeDefined();
  });

  it('starts empty for another tool version', async () => {
    const location = join(dir, 'versioned.json');
    const stamp = { size: 1, mtimeMs: 1 };
    const first = LintCache.open(location, '1.0.0', settings);
    first.set('a.md', h('h'), outcome('a.md'), stamp);
    await first.save();
    expect(LintCache.open(location, '1.0.0', settings).get('a.md', h('h'))).toBeDefined();
    expect(LintCache.open(location, '2.0.0', settings).get('a.md', h('h'))).toBeUndefined();
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
    const first = LintCache.open(location, '1.0.0', settings);
    first.set('a.md', h('h'), stored, { size: 1, mtimeMs: 1 });
    await first.save();
    // What a caller reads of an outcome (a hit makes its id when asked for).
    const read = (o: FileOutcome | undefined) => o && { result: o.result, id: o.id };
    const hit = LintCache.open(location, '1.0.0', settings).getByStamp('a.md', { size: 1, mtimeMs: 1 });
    expect(read(hit)).toEqual(stored);
    // Each hit is a copy: the cross-file check adds messages to it, never to the stored entry.
    hit?.result.messages.push(stored.result.messages[0]!);
    expect(read(LintCache.open(location, '1.0.0', settings).get('a.md', h('h')))).toEqual(stored);
  });

  // The file holds one list per field (src/lint/cache.ts); any other shape is a miss, never a crash.
  type Data = Record<string, unknown> & { paths: string; stamps: string; messages: Record<string, unknown> };
  const message = { ruleId: 'x', severity: 2, message: 'm', line: 1, column: 1 };
  it.each([
    ['a cache that is a list', (d: Data) => [d]],
    [
      'a cache in the older shape (an entry per file)',
      (d: Data) => ({ key: d.key, files: { 'a.md': ['h', 1, 1, ['2020-01-01-a', 2, 5], []] } }),
    ],
    ['a list cut short', (d: Data) => ({ ...d, ids: [] })],
    ['hashes cut short', (d: Data) => ({ ...d, hashes: h('h').slice(1) })],
    ['stamps cut short', (d: Data) => ({ ...d, stamps: d.stamps.slice(0, 12) })],
    ['stamps missing', (d: Data) => ({ ...d, stamps: undefined })],
    ['stamps that are a list', (d: Data) => ({ ...d, stamps: [1, 1] })],
    ['a size that is not a count', (d: Data) => ({ ...d, stamps: stamps([1.5, 1]) })],
    ['a size of NaN', (d: Data) => ({ ...d, stamps: stamps([NaN, 1]) })],
    ['a time of NaN', (d: Data) => ({ ...d, stamps: stamps([1, NaN]) })],
    ['paths that are a list', (d: Data) => ({ ...d, paths: ['a.md'] })],
    ['more paths than hashes', (d: Data) => ({ ...d, paths: 'a.md\0b.md' })],
    ['an empty path', (d: Data) => ({ ...d, paths: '' })],
    ['an id that is a number', (d: Data) => ({ ...d, ids: [7] })],
    ['an id without its column', (d: Data) => ({ ...d, idAt: [2] })],
    ['an id line that is not a count', (d: Data) => ({ ...d, idAt: [-2, 5] })],
    ['an id column that is text', (d: Data) => ({ ...d, idAt: [2, '5'] })],
    ['no word on whether ids are distinct', (d: Data) => ({ ...d, distinctIds: undefined })],
    [
      'a path twice',
      (d: Data) => ({
        ...d,
        paths: 'a.md\0a.md',
        hashes: h('h') + h('h'),
        stamps: stamps([1, 1, 1, 1]),
        ids: [null, null],
        idAt: [0, 0, 0, 0],
      }),
    ],
    [
      'paths out of order',
      (d: Data) => ({
        ...d,
        paths: 'b.md\0a.md',
        hashes: h('h') + h('h'),
        stamps: stamps([1, 1, 1, 1]),
        ids: [null, null],
        idAt: [0, 0, 0, 0],
      }),
    ],
    ['messages that are not a list', (d: Data) => ({ ...d, messages: { 0: 'none' } })],
    ['messages of a file not listed', (d: Data) => ({ ...d, messages: { 1: [message] } })],
    ['a message without a line', (d: Data) => ({ ...d, messages: { 0: [{ ...message, line: undefined }] } })],
    ['a message of severity 3', (d: Data) => ({ ...d, messages: { 0: [{ ...message, severity: 3 }] } })],
  ])('%s is a miss', async (name, corrupt) => {
    const location = join(dir, `corrupt-${name.replace(/\W+/g, '-')}.json`);
    const first = LintCache.open(location, '1.0.0', settings);
    first.set(
      'a.md',
      h('h'),
      { ...outcome('a.md'), id: { value: '2020-01-01-a', line: 2, column: 5 } },
      { size: 1, mtimeMs: 1 },
    );
    await first.save();
    const data = JSON.parse(await readFile(location, 'utf8')) as Data;
    expect(data.paths).toBe('a.md');
    expect(data.stamps).toBe(stamps([1, 1]));
    await writeFile(location, JSON.stringify(corrupt(data)));
    const second = LintCache.open(location, '1.0.0', settings);
    expect(second.getByStamp('a.md', { size: 1, mtimeMs: 1 })).toBeUndefined();
    expect(second.get('a.md', h('h'))).toBeUndefined();
  });
});
