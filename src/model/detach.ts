/**
 * A copy of `text` that does not keep the string it was cut from alive. V8 keeps a substring as a
 * view into its parent, so a short value kept past its file (a cache key, a stats record) held the
 * whole file's text, two bytes a character once the file has a letter beyond Latin-1.
 */
export function detach(text: string): string {
  // V8 flattens the concatenation into a new string before slicing, so the slice points into that
  // copy; a third of the cost of a JSON round trip. test/model/detach.test.ts checks the effect.
  return ` ${text}`.slice(1);
}

/**
 * Detached copies shared by equal strings: a value that repeats from file to file (a front-matter
 * key, an action item's owner or due day) is kept once, not once a file. Bounded, as files may hold
 * any number of distinct values; past the bound each value gets a copy of its own.
 */
export class SharedStrings {
  private readonly seen = new Map<string, string>();
  constructor(private readonly max: number) {}

  /** The copy kept of `text`, made (detached) on first use. */
  get(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    const copy = detach(text);
    if (this.seen.size < this.max) this.seen.set(copy, copy);
    return copy;
  }
}
