import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/**
 * `expect(actual, message).toEqual(expected)` for the loops of property tests, which compare
 * thousands of times: vitest's `expect` costs about 25 µs a call in bookkeeping (its state is copied
 * property by property at each call), more than most of the comparisons it guards. Node's strict deep
 * equality says yes only where `toEqual` would too (it is the stricter of the two), so `expect` runs
 * only for values that may differ, and decides and reports those as before.
 */
export function expectEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

/** `expect(actual, message).toBe(expected)` for the same loops: `toBe` is `Object.is`. */
export function expectIs(actual: unknown, expected: unknown, message?: string): void {
  if (!Object.is(actual, expected)) expect(actual, message).toBe(expected);
}
