/** Proposes an id from the start date and the title: `YYYY-MM-DD-slug`, the slug cut where it reads well. */

/** Words a clause starts with: a long title is best cut just before one of them. */
const CONNECTORS = new Set([
  'and',
  'or',
  'but',
  'after',
  'before',
  'during',
  'while',
  'when',
  'because',
  'with',
  'without',
  'in',
  'on',
  'for',
  'of',
  'to',
  'from',
  'via',
  'due',
  'at',
  'by',
  'then',
]);

/** Words a slug should not end on. */
const DANGLING = new Set([...CONNECTORS, 'a', 'an', 'the', 'its', 'their', 'our', 'no', 'not']);

const MAX = 60;

function trimDangling(words: string[]): string[] {
  const out = [...words];
  while (out.length > 1 && DANGLING.has(out.at(-1) as string)) out.pop();
  return out;
}

/** The slug of a title, at most 60 characters, ending at a word boundary that reads well. */
function proposeSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return 'incident';
  if (words.join('-').length <= MAX) return words.join('-');
  let fit = 0;
  while (fit < words.length && words.slice(0, fit + 1).join('-').length <= MAX) fit++;
  if (fit === 0) return (words[0] as string).slice(0, MAX);
  // Cut before the last clause that starts inside the limit, unless that leaves too little.
  for (let i = fit; i > 0; i--) {
    if (CONNECTORS.has(words[i] as string)) {
      const kept = trimDangling(words.slice(0, i));
      if (kept.join('-').length >= MAX / 2) return kept.join('-');
      break;
    }
  }
  return trimDangling(words.slice(0, fit)).join('-');
}

/** Proposes an id from the start date and the title. */
export function proposeId(started: string, title: string): string {
  return `${started.slice(0, 10)}-${proposeSlug(title)}`;
}
