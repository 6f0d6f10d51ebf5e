/** What `nonEmptyMatches` gives for a text without a match: one shared empty list, nothing allocated. */
const NONE: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * The non-empty matches of a global pattern in a text, in order, as `text.matchAll(pattern)` gives
 * them (an empty match moves the search on by one character, or one code point with the `u` flag),
 * without the iterator and the copy of the pattern `matchAll` makes for every text: most texts the
 * notice checks run over have no match at all. The pattern's `lastIndex` is 0 again afterwards.
 */
export function nonEmptyMatches(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  let out: RegExpExecArray[] | null = null;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] !== '') {
      (out ??= []).push(match);
      continue;
    }
    const at = pattern.lastIndex;
    const wide = pattern.unicode && at + 1 < text.length && (text.codePointAt(at) as number) > 0xffff;
    pattern.lastIndex = at + (wide ? 2 : 1);
  }
  return out ?? NONE;
}
