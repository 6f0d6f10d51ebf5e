/**
 * `notice-promises`: a notice that tells customers a fix is already in place ("we now test…",
 * "ab sofort…", "désormais…") while the action item behind it is still open. Pure functions
 * `(pm, settings, types) => findings`, as the other notice checks.
 */
import type { ActionItemRow, Finding, Postmortem } from '../model/types.js';
import type { NoticeSettings } from './settings.js';
import { languagesOf, noticeBlock, noticeText, textPosition } from './wording-checks.js';

/** The fields whose sentences may present a fix as done (the headline states what happened); `status` is optional. */
export const PROMISE_FIELDS = ['what_happened', 'customer_impact', 'next_steps', 'apology', 'status'] as const;

/** The action-item types whose status backs a claim when the rule has no `types` option. */
export const DEFAULT_PROMISE_TYPES: readonly string[] = ['prevent', 'mitigate'];

// JavaScript's \b knows only ASCII letters, so "à partir" or "für" need boundaries of their own.
const W = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');

/** How one language presents a fix as done, and how it says that service is back (not a claim). */
interface ClaimWords {
  /** Phrases that claim a fix wherever they stand ("from now on", "we have added"). */
  strong: readonly RegExp[];
  /** "Now" and its kin: a claim unless the clause is about work under way. */
  weak: RegExp;
  /** Work under way, said honestly: "we are adding", "will", "werden". */
  pending: RegExp;
  /** A clause with one of these describes recovery: "the service is now available again". */
  recovery: RegExp;
  /** Words that carry no meaning for matching a sentence with an action item. */
  stop: ReadonlySet<string>;
  suffixes: readonly string[];
}

const CLAIM_WORDS: Record<string, ClaimWords> = {
  en: {
    strong: [
      W('from now on'),
      W(
        "(?:we|we['’]ve|we have)(?: now| already| since)? (?:added|introduced|installed|implemented|deployed|built|set up|put in place|enabled|rolled out)",
      ),
    ],
    // "now" alone, but not "until now", "by now", "for now", "right now", "just now" or "now that";
    // "going forward" ("Going forward, every update is tested") unless the clause says "will".
    weak: /(?<!\b(?:until|till|by|for|right|just|from) )\bnow\b(?! that\b| on\b)|\bgoing forward\b/i,
    pending: W("we are|we['’]re|is being|are being|will|plan(?:s|ning)? to|working on"),
    recovery: W(
      'again|available|restored|recovered|reachable|online|operational|resolved|back to normal|back up and running|working normally|running normally',
    ),
    stop: new Set(
      (
        'the and for our you your all not any are was were has have had with from into onto that this these those than then when what which ' +
        'who will would can could may might must should now each every more most less only also just very much many some such its their them ' +
        'they how why where there here before after again about over under per via does did done make made sure new use used using way one two ' +
        'first once without within able still even next last long longer like too off out data going'
      ).split(' '),
    ),
    suffixes: ['ing', 'ed', 'es', 's'],
  },
  de: {
    strong: [
      W('ab sofort|ab jetzt|von nun an'),
      W(
        '(?:wir haben|haben wir)(?: [\\p{L}\\p{N}-]+){0,8} ' +
          '(?:eingeführt|eingebaut|hinzugefügt|eingerichtet|umgesetzt|installiert|ergänzt|aktiviert|umgestellt)',
      ),
    ],
    // "jetzt" / "nun", but not "bis jetzt" or "jetzt, da …".
    weak: /(?<![\p{L}\p{N}])(?<!bis )(?:jetzt|nun|nunmehr)(?![\p{L}\p{N}])(?!,? (?:da|wo)\b)/iu,
    pending: W('werden|wird|arbeiten|planen|sind dabei|bis spätestens|bis ende'),
    recovery: W('wieder|erreichbar|verfügbar|wiederhergestellt|behoben|funktioniert normal|läuft normal|laufen normal'),
    stop: new Set(
      (
        'der die das den dem des ein eine einer eines einem einen und oder wir sie ihr ihre ihren ihrem ihrer unser unsere unseren unserem ' +
        'unserer jetzt nun sofort mit von vor nach bei für auf aus zu zur zum ist sind war waren wird werden haben hat nicht kein keine auch ' +
        'noch nur mehr jede jedes jeden jedem jeder alle allen dass damit wenn als wie über unter durch sich es so dies diese dieser dieses ' +
        'daten künftig immer'
      ).split(' '),
    ),
    suffixes: ['ungen', 'ung', 'en', 'er', 'es', 'e', 'n', 's'],
  },
  fr: {
    strong: [
      W('désormais|dorénavant|à partir de maintenant|dès à présent|dès maintenant'),
      W('nous avons(?: [\\p{L}\\p{N}-]+){0,3} (?:ajouté|mis en place|introduit|installé|déployé|renforcé|activé)'),
    ],
    weak: W('maintenant'),
    pending: W("allons|travaillons|prévoyons|sommes en train|mettons en place|d['’]ici"),
    recovery: W(
      'de nouveau|à nouveau|disponibles?|rétablie?s?|restaurée?s?|récupérée?s?|résolue?s?|normalement|accessibles?|' +
        'joignables?|en ligne|opérationnel(?:le)?s?',
    ),
    stop: new Set(
      (
        'les une des du de et ou nous vous votre vos notre nos est sont avons avez pour par dans sur avec sans plus chaque tous toutes tout ' +
        'que qui ne pas au aux ce cette ces son sa ses leur leurs désormais dorénavant maintenant données'
      ).split(' '),
    ),
    suffixes: ['ements', 'ement', 'es', 'e', 's'],
  },
};

/** Sentences: a full stop, ! or ? and a space before a capital letter (not "am 12. März": a digit precedes). */
function sentences(text: string): string[] {
  return text.split(/(?<=[^\d\s][.!?]["“”»)]?)\s+(?=["„“«(]?\p{Lu})/u);
}

/** The clauses of a sentence that could each be their own claim: "we now test X, and we check Y". */
function clauses(sentence: string): string[] {
  // Each alternative starts at one character (no run of white space tried from every position).
  return sentence.split(/;|,\s*(?:and|und|et)\s+|\s(?:and|und|et)\s+(?=(?:we|wir|nous)\b)/iu).map((c) => c.trim());
}

function stem(word: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

function contentWords(text: string, words: ClaimWords): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(tokens.filter((t) => t.length >= 3 && !words.stop.has(t)).map((t) => stem(t, words.suffixes)))];
}

/** Two stems name the same thing when equal or when one begins the other ("back" up, "backup"). */
function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 4 && long.startsWith(short));
}

/** How many content words of a clause an action item shares. */
function overlap(clause: readonly string[], item: readonly string[]): number {
  return clause.filter((w) => item.some((v) => sameWord(w, v))).length;
}

/** A clause matches an action item when they share at least this many content words. */
const MATCH_WORDS = 2;

interface Item {
  action: string;
  status: string;
  words: string[];
}

/** What a claim lacks: what was expected and what was found; null when the claim is backed. */
interface Gap {
  expected: string;
  found: string;
}

/** How the claimed clauses of a sentence stand: the first gap, and whether any clause named an item. */
interface Judgement {
  gap: Gap | null;
  named: boolean;
}

/**
 * Judges clauses against the items: a clause sharing at least MATCH_WORDS words with some items is
 * backed when one of those it shares the most with is done; a clause naming no item is backed only
 * when every item is done or dropped (it may speak of any of them: a summary, or a translation).
 */
function judge(claimed: readonly string[], items: readonly Item[], words: ClaimWords, kinds: string): Judgement {
  let named = false;
  let gap: Gap | null = null;
  for (const clause of claimed) {
    const own = contentWords(clause, words);
    const scored = items
      .map((item) => ({ item, score: overlap(own, item.words) }))
      .filter((s) => s.score >= MATCH_WORDS);
    if (scored.length > 0) {
      named = true;
      const best = Math.max(...scored.map((s) => s.score));
      const top = scored.filter((s) => s.score === best).map((s) => s.item);
      if (top.some((i) => i.status === 'done')) continue;
      const item = top[0] as Item;
      gap ??= { expected: `the action item "${item.action}" done`, found: `it ${item.status || 'without a status'}` };
    } else {
      gap ??= unnamed(items, kinds);
    }
  }
  return { gap, named };
}

/** The gap of a clause that names no item, or null when every item is in place. */
function unnamed(items: readonly Item[], kinds: string): Gap | null {
  if (items.length === 0) return { expected: 'a done action item behind it', found: `no ${kinds} item in the table` };
  const pending = items.filter((i) => i.status !== 'done' && i.status !== 'wontfix');
  if (pending.length === 0 && items.some((i) => i.status === 'done')) return null;
  const first = pending[0] ?? items[0];
  if (!first) return null;
  return {
    expected: `every ${kinds} action item done (none shares ${MATCH_WORDS} words with the sentence)`,
    found: `"${first.action}" ${first.status || 'without a status'}`,
  };
}

function itemsOf(rows: readonly ActionItemRow[], types: readonly string[], words: ClaimWords): Item[] {
  return rows
    .filter((row) => types.includes(row.cells.type?.text.trim().toLowerCase() ?? ''))
    .map((row) => {
      const action = row.cells.action?.text.trim() ?? '';
      return { action, status: row.cells.status?.text.trim().toLowerCase() ?? '', words: contentWords(action, words) };
    });
}

/** The claim phrase a clause makes; null for none, for recovery, and for a plain "now" in a clause about work under way. */
function claimIn(clause: string, words: ClaimWords): string | null {
  if (words.recovery.test(clause)) return null;
  for (const pattern of words.strong) {
    const found = pattern.exec(clause);
    if (found) return found[0];
  }
  if (words.pending.test(clause)) return null;
  return words.weak.exec(clause)?.[0] ?? null;
}

/**
 * The clauses of a sentence that claim a fix, and the phrase that starts the claim; null when the
 * sentence claims none. A claim carries on to the later clauses ("we now test X, and we check Y"),
 * except those about recovery or work under way.
 */
function claimsOf(sentence: string, words: ClaimWords): { phrase: string; clauses: string[] } | null {
  let phrase: string | null = null;
  const claimed: string[] = [];
  for (const clause of clauses(sentence)) {
    const own = claimIn(clause, words);
    if (own === null && (phrase === null || words.recovery.test(clause) || words.pending.test(clause))) continue;
    phrase ??= own;
    claimed.push(clause);
  }
  return phrase === null ? null : { phrase, clauses: claimed };
}

/**
 * True when a text may claim a fix: a clause claims one only with a strong or weak phrase, which then
 * stands in the whole text too (a clause is cut at white space or punctuation), so most texts are not split.
 */
function mayClaim(text: string, words: ClaimWords): boolean {
  if (text === '') return false;
  for (const pattern of words.strong) if (pattern.test(text)) return true;
  return words.weak.test(text);
}

/** What judging the claims of one file needs: made at its first text that may claim a fix. */
interface Judging {
  pm: Postmortem;
  rows: readonly ActionItemRow[];
  types: readonly string[];
  kinds: string;
  /** The action items' words per language, computed on first use. */
  itemsBy: Map<ClaimWords, Item[]>;
}

function itemsFor(judging: Judging, words: ClaimWords): Item[] {
  let items = judging.itemsBy.get(words);
  if (items === undefined) {
    items = itemsOf(judging.rows, judging.types, words);
    judging.itemsBy.set(words, items);
  }
  return items;
}

/** The findings of one text that may claim a fix: each sentence that claims one without a done action item. */
function judgeText(
  judging: Judging,
  field: string,
  lang: string,
  text: string,
  words: ClaimWords,
  out: Finding[],
): void {
  const { pm, kinds } = judging;
  const english = CLAIM_WORDS.en as ClaimWords;
  const own = sentences(text);
  // The English sentences of the field, split once for all the claims of this text.
  let en: string[] | null = null;
  own.forEach((sentence, i) => {
    const claim = claimsOf(sentence, words);
    if (!claim) return;
    let judged = judge(claim.clauses, itemsFor(judging, words), words, kinds);
    // A translation with as many sentences as the English text says what the English sentence at
    // its place says: those words are the ones an English action-items table shares.
    en ??= lang === 'en' ? [] : sentences(noticeText(pm, field, 'en'));
    const aligned = en.length === own.length ? en[i] : undefined;
    if (!judged.named && aligned) {
      const alignedClauses = clauses(aligned).filter((c) => !english.recovery.test(c) && !english.pending.test(c));
      const translated = judge(alignedClauses, itemsFor(judging, english), english, kinds);
      if (translated.named) judged = translated;
    }
    if (!judged.gap) return;
    out.push({
      message: `Expected ${judged.gap.expected} where \`notice.${field}.${lang}\` says "${claim.phrase}", found ${judged.gap.found}.`,
      ...textPosition(pm, `notice.${field}.${lang}`, claim.phrase),
    });
  });
}

/**
 * `notice-promises`: every sentence of the notice that presents a fix as already in place is
 * backed by a done action item of the given types (default `prevent` and `mitigate`).
 */
export function checkNoticePromises(
  pm: Postmortem,
  settings: Pick<NoticeSettings, 'languages'> = {},
  types: readonly string[] = DEFAULT_PROMISE_TYPES,
): Finding[] {
  const table = pm.actionItems;
  if (!noticeBlock(pm) || !table) return [];
  const out: Finding[] = [];
  // Most notices claim nothing: the loop only tests each text, and the claims are judged elsewhere.
  let judging: Judging | null = null;
  for (const lang of languagesOf(pm, settings)) {
    const words = CLAIM_WORDS[lang];
    if (!words) continue;
    for (const field of PROMISE_FIELDS) {
      const text = noticeText(pm, field, lang);
      if (!mayClaim(text, words)) continue;
      judging ??= { pm, rows: table.rows, types, kinds: types.join(' or '), itemsBy: new Map() };
      judgeText(judging, field, lang, text, words, out);
    }
  }
  return out;
}
