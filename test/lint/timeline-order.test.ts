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

  it('is fast on a long zig-zag timeline (n log n)', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? -i : i));
    const start = performance.now();
    const kept = longestRun(values);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(kept.filter(Boolean).length).toBe(100_001);
  });
});
