import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detach, SharedStrings } from '../../src/model/detach.js';
import { parseInstant } from '../../src/model/timestamp.js';

// The garbage collector on demand, so that the heap measured holds only what is still reachable.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes still reachable after `keep` ran on pieces of 20 texts of 2 MB each (40 MB; the engine may hold on to the last). */
function keptBy(keep: (cut: string) => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    // A character beyond Latin-1 (the dash) makes V8 store the text with two bytes a character.
    const file = `started: "2018-05-15T14:${String(i).padStart(2, '0')}:00+02:00"\n${'Störung — '.repeat(100_000)}`;
    kept.push(keep(file.slice(10, 35)));
  }
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  expect(kept).toHaveLength(20);
  return bytes;
}

describe('detach', () => {
  it('copies the text', () => {
    expect(detach('2018-05-15T14:02:00+02:00')).toBe('2018-05-15T14:02:00+02:00');
    expect(detach('')).toBe('');
  });

  it('keeps a piece of a text without the text', () => {
    expect(keptBy((cut) => cut)).toBeGreaterThan(30 * 1024 * 1024);
    expect(keptBy((cut) => detach(cut))).toBeLessThan(6 * 1024 * 1024);
  });

  it('lets parseInstant cache a timestamp without the file it was cut from', () => {
    expect(keptBy((cut) => parseInstant(cut))).toBeLessThan(6 * 1024 * 1024);
  });
});

/** Heap bytes still reachable after `keep` ran on 100,000 equal values, each cut from a text of its own. */
function keptOfEqual(keep: (cut: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 100_000; i++)
    kept.push(keep(`${i} owner: Ines Okafor, platform team`.slice(String(i).length + 8)));
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  expect(new Set(kept)).toEqual(new Set(['Ines Okafor, platform team']));
  return bytes;
}

describe('SharedStrings', () => {
  it('keeps one copy of a value that repeats, where detach keeps one a use', () => {
    const pool = new SharedStrings(10);
    // 100,000 references are 0.8 MB; a copy each is several times that.
    expect(keptOfEqual((cut) => detach(cut))).toBeGreaterThan(4 * 1024 * 1024);
    expect(keptOfEqual((cut) => pool.get(cut))).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('gives equal text past its bound, without keeping more', () => {
    const pool = new SharedStrings(2);
    expect(['a', 'b', 'c', 'c', 'a'].map((v) => pool.get(` ${v}`.slice(1)))).toEqual(['a', 'b', 'c', 'c', 'a']);
  });
});
