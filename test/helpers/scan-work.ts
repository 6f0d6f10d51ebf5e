import { expect } from 'vitest';
import { charactersSplit } from './work.js';

type Method = (this: unknown, ...args: unknown[]) => unknown;
/** The work of one call, from the receiver, the arguments, the result and the receiver's `lastIndex` before. */
type Counter = (self: unknown, args: unknown[], result: unknown, lastIndex: number) => number;

/** Runs `fn` with methods of a prototype replaced by counting wrappers, and puts the originals back. */
async function withCounted<T>(
  proto: object,
  counters: Record<string, Counter>,
  fn: () => T | Promise<T>,
): Promise<{ value: T; count: number }> {
  const originals = Object.keys(counters).map(
    (name) => [name, Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor] as const,
  );
  let count = 0;
  // Tests of a file run one after another, so no other test uses these methods while they are patched.
  for (const [name, original] of originals) {
    const method = original.value as Method;
    const counter = counters[name] as Counter;
    Object.defineProperty(proto, name, {
      ...original,
      value: function (this: unknown, ...args: unknown[]) {
        const before = this instanceof RegExp ? this.lastIndex : 0;
        const result = method.apply(this, args);
        count += counter(this, args, result, before);
        return result;
      },
    });
  }
  try {
    return { value: await fn(), count };
  } finally {
    for (const [name, original] of originals) Object.defineProperty(proto, name, original);
  }
}

/**
 * Characters a regular expression advanced over in one `exec`: from `lastIndex` (global) or the start
 * up to the end of its match, or to the end when none; one for a sticky attempt. `test`, `match`,
 * `replace`, `split` and `matchAll` with a pattern all call `exec`. Backtracking inside one search is
 * not counted: test/lint/builtin-patterns.test.ts holds the built-in patterns linear.
 */
function advanced(self: unknown, args: unknown[], found: unknown, before: number): number {
  const re = self as RegExp;
  const text = String(args[0]);
  const result = found as RegExpExecArray | null;
  if (re.sticky) return result ? Math.max(result[0].length, 1) : 1;
  const from = re.global ? Math.min(before, text.length) : 0;
  return result ? result.index + result[0].length - from : text.length - from;
}

const length = (self: unknown) => (self as unknown[]).length;

/** Array methods and what one call costs: elements appended, or elements of the array looked at. */
const ARRAY_WORK = {
  push: (_self: unknown, args: unknown[]) => args.length,
  ...Object.fromEntries(
    ['some', 'every', 'find', 'findIndex', 'filter', 'map', 'forEach', 'includes', 'indexOf', 'join', 'reduce'].map(
      (name) => [name, length],
    ),
  ),
};

/** Where a string search starts: its second argument, as the method clamps it. */
function searchFrom(text: string, args: unknown[]): number {
  return Math.min(Math.max(Math.trunc(Number(args[1] ?? 0)) || 0, 0), text.length);
}

/**
 * String searches and what one call costs: the characters from where it starts to the end of what
 * it found, or to the end of the text (`includes` to the end: it does not say where it found). A
 * search of the whole text for one character is work as a regex's is, and code that replaced one
 * by the other must not look cheaper or dearer for it.
 */
const STRING_WORK = {
  includes: (self: unknown, args: unknown[]) => {
    const text = String(self);
    return text.length - searchFrom(text, args);
  },
  indexOf: (self: unknown, args: unknown[], found: unknown) => {
    const text = String(self);
    const from = searchFrom(text, args);
    return (found as number) === -1 ? text.length - from : (found as number) + String(args[0]).length - from;
  },
};

/**
 * The work of `fn`, counted instead of timed so that a loaded machine gives the same answer as an
 * idle one: characters regular expressions advanced over, characters of the strings split or searched,
 * array elements appended and array elements searched, mapped or joined. Linear code does about ten times
 * the work on ten times the input; code that goes over the rest of the input again for each line or
 * item does about a hundred times. The Markdown parser's work counts too (it scans character codes
 * but pushes its events: 85,000 pushes for 100 nested list markers, 8 million for 1,000).
 */
export async function countWork<T>(fn: () => T | Promise<T>): Promise<{ value: T; work: number }> {
  const split = await charactersSplit(() =>
    withCounted(RegExp.prototype, { exec: advanced }, () =>
      withCounted(Array.prototype, ARRAY_WORK, () => withCounted(String.prototype, STRING_WORK, fn)),
    ),
  );
  const regex = split.value;
  const array = regex.value;
  const string = array.value;
  return { value: string.value, work: split.characters + regex.count + array.count + string.count };
}

/** Ten times the input may cost ten times the work plus what every run costs; quadratic code costs about a hundred. */
export const LINEAR_GROWTH = 15;

/**
 * Counts the work of `prepare(size)()` at each size (ascending, each ten times the last) and expects
 * it to grow at most LINEAR_GROWTH times from one size to the next; returns the value and work at the last.
 * The sizes are checked in turn, so quadratic code fails at the small ones before the large one hangs.
 */
export async function linearWork<T>(
  sizes: number[],
  prepare: (size: number) => () => T | Promise<T>,
): Promise<{ value: T; work: number }> {
  let last: { size: number; work: number; value: T } | undefined;
  for (const size of sizes) {
    const run = prepare(size);
    const { value, work } = await countWork(run);
    expect(work, `work counted at size ${size}`).toBeGreaterThan(0);
    if (last)
      expect(work / last.work, `work at size ${size} over work at size ${last.size}`).toBeLessThan(LINEAR_GROWTH);
    last = { size, work, value };
  }
  if (!last) throw new Error('linearWork needs at least one size');
  return { value: last.value, work: last.work };
}
