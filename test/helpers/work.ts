/**
 * Work that grows with the input, counted instead of timed, so that a loaded machine gives the same
 * answer as an idle one: the characters of the strings `String.prototype.split` was called on while
 * `fn` ran. Code that splits a whole section again for each of its items does n times the work.
 */
export async function charactersSplit<T>(fn: () => T | Promise<T>): Promise<{ value: T; characters: number }> {
  const split = String.prototype.split;
  let characters = 0;
  // Tests of a file run one after another, so nothing else splits while this one is patched.
  String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
    characters += String(this).length;
    return split.apply(this, args);
  } as typeof split;
  try {
    return { value: await fn(), characters };
  } finally {
    String.prototype.split = split;
  }
}
