/**
 * Work that grows with the input, counted instead of timed, so that a loaded machine gives the same
 * answer as an idle one: the characters of the strings `String.prototype.split` was called on while
 * `fn` ran. Code that splits a whole section again for each of its items does n times the work.
 */
export async function charactersSplit<T>(fn: () => T | Promise<T>): Promise<{ value: T; characters: number }> {
  const original = Object.getOwnPropertyDescriptor(String.prototype, 'split') as PropertyDescriptor;
  const split = original.value as (this: string, ...args: unknown[]) => string[];
  let characters = 0;
  // Tests of a file run one after another, so nothing else splits while this one is patched.
  Object.defineProperty(String.prototype, 'split', {
    ...original,
    value: function (this: string, ...args: unknown[]) {
      characters += String(this).length;
      return split.apply(this, args);
    },
  });
  try {
    return { value: await fn(), characters };
  } finally {
    Object.defineProperty(String.prototype, 'split', original);
  }
}
