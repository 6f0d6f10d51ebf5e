/** Unfinished text: the markers people leave to fill in later. Shared by lint and the interview. */

const PLACEHOLDER =
  /(?<![\p{L}\p{N}_])(?:TODO|TBD|TBA|FIXME|XXX)(?![\p{L}\p{N}_])|\?{3,}|\{\{[^{}\n]*\}\}|lorem ipsum|<([^<>\n]{1,80})>/giu;

const HTML_TAGS = new Set(
  (
    'a abbr b br code del details div em h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong ' +
    'sub summary sup table tbody td th thead tr u ul var'
  ).split(' '),
);

/** True when `<inner>` is an HTML tag, an autolink or a comment rather than a placeholder. */
function isMarkup(inner: string): boolean {
  if (/^[!/?]/.test(inner) || /^(?:https?|mailto|ftp):/i.test(inner) || /^[^\s@]+@[^\s@]+$/.test(inner)) return true;
  const tag = /^([a-z][a-z0-9]*)(?:\s+[a-z-]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?$/i.exec(inner);
  return tag !== null && HTML_TAGS.has((tag[1] as string).toLowerCase());
}

/**
 * Every match of PLACEHOLDER contains a match of this (the same letters in any case, no look-arounds),
 * so a line without one has no placeholder; most prose lines have none, and the look-behind scan of
 * PLACEHOLDER was several times slower than this one. Without the `u` flag, which made the scan of
 * every file a fifth slower, `i` matches these letters in ASCII only; of the other characters, `iu`
 * takes only ſ (U+017F) for one of them (s), so the class adds it (checked over every code point).
 */
const MAYBE = /[<?{]|todo|tb[ad]|fixme|xxx|lorem ip[sſ]um/i;

/**
 * What a text that holds a placeholder holds, for a first look over a whole file: one of these
 * (exact text; only upper-case TODO, TBD, TBA, FIXME and XXX are placeholders), or a match of
 * MAY_HOLD_LOREM. Blanking code (three characters at least) out of a line never makes a placeholder
 * where the line as written has none of them: only "lorem ipsum" holds white space.
 */
export const PLACEHOLDER_NEEDLES: readonly string[] = ['<', '???', '{{', 'TODO', 'TBD', 'TBA', 'FIXME', 'XXX'];
/** "lorem ipsum" in any case, as PLACEHOLDER finds it (see MAYBE for ſ). */
export const MAY_HOLD_LOREM = /lorem ip[sſ]um/gi;

/** A placeholder found in a text. */
export interface Placeholder {
  text: string;
  /** Where it starts (0-based). */
  index: number;
}

/**
 * Finds placeholders in one line of prose: `TODO`, `TBD`, `TBA`, `FIXME`, `XXX` (upper case: the
 * lower-case words are words), `???`, `{{ template }}`, "lorem ipsum" and `<...>` that is not
 * HTML, an autolink or a comment.
 */
export function findPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  if (!MAYBE.test(text)) return out;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const found = m[0];
    if (/^[a-z]+$/i.test(found) && found !== found.toUpperCase()) continue;
    if (m[1] !== undefined && isMarkup(m[1])) continue;
    out.push({ text: found, index: m.index ?? 0 });
  }
  return out;
}
