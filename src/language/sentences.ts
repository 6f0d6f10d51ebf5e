/** Sentence splitting and lists, shared by the language modules; each module gives its own words. */

/** What a language tells the splitter: words with a full stop that end no sentence, and ordinals. */
export interface SentenceRules {
  /** Abbreviations as written, with their full stops ("z. B." is "z." and "B."); compared case-insensitively. */
  abbreviations: readonly string[];
  /** True when a day number with a full stop is an ordinal ("am 12. März"), as in German. */
  dottedOrdinals: boolean;
}

/**
 * The word before a position: what precedes the full stop, back to white space, an opening bracket
 * or an elided article's apostrophe (French "l’art.", "d’env.").
 */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/[\s(„“"«’']/.test(text[start - 1] as string)) start--;
  return text.slice(start, end + 1);
}

/**
 * Splits text into sentences at ".", "!" or "?" (and closing quotes) followed by white space and a
 * capital letter, a digit or an opening quote. A full stop after a known abbreviation ("e.g.",
 * "z. B.", "a.m.") never ends a sentence, nor, where the language writes them so, one after a day
 * number ("12."): German capitalises the noun that follows ("am 12. März"). Returns whole
 * sentences, trimmed, white space inside kept as one space; joined with spaces they are the text.
 */
export function splitSentences(text: string, rules: SentenceRules): string[] {
  // No-break spaces stay: French writes one before a colon and inside "14 h 02".
  const flat = text.replace(/[^\S\u00a0\u202f]+/gu, ' ').trim();
  if (flat === '') return [];
  // "z. B." is two words: "z." and "z. b." both mark an abbreviation, whichever full stop is looked at.
  const abbreviations = new Set(
    rules.abbreviations.flatMap((a) => {
      const words = a.toLowerCase().split(' ');
      return words.map((_w, i) => words.slice(0, i + 1).join(' '));
    }),
  );
  const out: string[] = [];
  let from = 0;
  const boundary = /([.!?]+)(["”»’)]*) (?=["„“«(]?[\p{Lu}\d])/gu;
  for (const m of flat.matchAll(boundary)) {
    const stop = (m.index ?? 0) + (m[1] as string).length - 1;
    if (m[1] === '.' && m[2] === '') {
      const word = wordBefore(flat, stop).toLowerCase();
      if (abbreviations.has(word)) continue;
      const two = wordBefore(flat, stop - word.length - 1).toLowerCase();
      if (abbreviations.has(`${two} ${word}`)) continue;
      if (rules.dottedOrdinals && /^\d{1,2}\.$/.test(word)) continue;
    }
    const end = (m.index ?? 0) + m[0].length;
    out.push(flat.slice(from, end).trim());
    from = end;
  }
  const rest = flat.slice(from).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/**
 * Joins names as a list: "A", "A and B", "A, B and C". Each name is one item, whatever it contains
 * ("Novaline Sync and backups" stays one item), which Intl.ListFormat cannot know once names are joined.
 */
export function joinList(items: readonly string[], and: string, comma = ', '): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(comma)}${and}${items[items.length - 1] as string}`;
}
