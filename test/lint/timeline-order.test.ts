import { describe, expect, it } from 'vitest';
import { longestRun } from '../../src/lint/rules/timeline-order.js';

const outside = (values: number[]) => longestRun(values).flatMap((kept, i) => (kept ? [] : [values[i]]));

describe('timeline-order: the items outside the longest chronological run are the ones out of place', () => {
  it.each([
    [[], []],
    [[1, 2, 3], []],
    [[1, 1, 2, 2], []],
    [[5, 1, 2, 3, 4], [5]],
    [[1, 2, 3, 4, 0], [0]],
    [[1, 3, 2, 4], [2]],
    [
      [1, 5, 2, 0, 3, 6],
      [5, 0],
    ],
    [
      [3, 2, 1],
      [2, 1],
    ],
  ])('%j: out of place %j', (values, expected) => {
    expect(outside(values)).toEqual(expected);
  });

  // Counted, not timed (a loaded machine must not fail it): the times read from the input, for a
  // zig-zag timeline ten times as long; a pairwise (quadratic) search would read a hundred times as often.
  it('reads a long zig-zag timeline about ten times as often for ten times the items (n log n)', () => {
    const run = (n: number) => {
      let reads = 0;
      const values = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -i : i));
      const counted = new Proxy(values, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return { kept: longestRun(counted), reads };
    };
    const small = run(1_000);
    const large = run(10_000);
    expect(small.reads).toBeGreaterThan(0);
    expect(large.reads / small.reads).toBeLessThan(15);
    expect(large.kept.filter(Boolean).length).toBe(5_001);
  });
});
