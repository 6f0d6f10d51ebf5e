import { escapeRegExp } from '../../model/leak-detectors.js';
import type { Postmortem } from '../../model/types.js';
import { defineRule, type RuleReport } from '../types.js';
import { linesMatching, proseLines, proseLinesAt, type ProseLine } from '../prose.js';
import { FIRST_NAMES, NOT_NAMES, TECH_TERMS } from '../blameless-words.js';

const NOT_LETTER = '(?<![\\p{L}\\p{N}_])';
const END = '(?![\\p{L}\\p{N}_])';

/** Built-in blaming words and phrases (regex sources, matched case-insensitively as whole words). */
const BUILT_IN: readonly string[] = [
  // English
  // "Fault" blames only when it is someone's: "his fault", "the operator's fault", "the fault of the
  // on-call engineer". On 282 real postmortems (about 92,000 words) every bare "fault" was the
  // machine's: "a critical fault", "a fault at a local substation", "a Byzantine fault".
  "(?:(?<=(?:my|your|his|her|their|[\\p{L}\\p{N}]['’]s) )fault|fault(?= of (?:the |an? )?[\\p{L}-]+))",
  'at fault',
  'careless(?:ly|ness)?',
  "should(?: have|'ve) known",
  "should(?: have|'ve) noticed",
  'human error',
  'negligen(?:t|tly|ce)',
  'to blame',
  'blamed?',
  'incompeten(?:t|ce)',
  'slopp(?:y|ily|iness)',
  'reckless(?:ly|ness)?',
  'lazy|lazily|laziness',
  'stupid(?:ity|ly)?',
  'fat[- ]finger(?:ed)?',
  'screwed up',
  'messed up',
  // German
  'schuld(?:ig)?',
  'verschuldet',
  'fahrlässig(?:e[nmrs]?|keit)?',
  'grob fahrlässig',
  'nachlässig(?:e[nmrs]?|keit)?',
  'unachtsam(?:keit)?',
  'leichtsinn(?:ig(?:e[nmrs]?)?)?',
  'menschliches versagen',
  'menschlicher fehler',
  'hätte (?:es )?wissen müssen',
  'hätte (?:es )?merken müssen',
  'inkompeten(?:t|z)',
  'schlampig(?:e[nmrs]?|keit)?',
  'geschlampt',
  'schlamperei',
];

const FAILURE_VERBS =
  'forgot|forget|overlooked|neglected|ignored|messed up|screwed up|botched|fumbled|failed to (?:check|notice|follow|test|read)|' +
  'vergaß|vergass|übersah|ignorierte|vernachlässigte|hat (?:es )?(?:vergessen|übersehen|verbockt)';
/** Stems of the built-in list, lower case: a cheap first look before the exact whole-word pattern. */
const WORD_STEMS = [
  ...['fault', 'careless', 'should have', "should've", 'human error', 'negligen', 'blame', 'incompeten', 'sloppy'],
  ...[
    'reckless',
    'lazy',
    'stupid',
    'finger',
    'screwed',
    'messed',
    'schuld',
    'fahrl',
    'nachl',
    'unachtsam',
    'leichtsinn',
  ],
  ...['menschliche', 'hätte', 'inkompeten', 'schlamp', 'lazi', 'sloppi'],
];
const QUICK = new RegExp(WORD_STEMS.map(escapeRegExp).join('|'), 'i');
/**
 * QUICK's stems at the start of a word only, as every built-in finding holds one ("verschuldet" and
 * "geschlampt" hold theirs inside, so they are stems of their own): on real prose most lines QUICK
 * passes hold a stem inside a word ("default"), and the costly word pattern found nothing there
 * (QUICK passed 5,886 of the 413,149 lines of 3,000 real postmortems, this 1,608). A line holding
 * "ſ" or the Kelvin sign, which the word pattern (flag u) matches as "s" and "k" and this one does
 * not, is looked at as before.
 */
const QUICK_WORD_START = new RegExp(
  `(?:^|[^a-z])(?:${[...WORD_STEMS, 'verschuld', 'geschlamp'].map(escapeRegExp).join('|')})`,
  'i',
);
const FOLDS_TO_ASCII = /[\u017f\u212a]/;
/** The most characters a built-in finding holds before its stem ("grob " before "fahrl"). */
const BEFORE_STEM = 5;

/**
 * Where on the line the built-in word pattern may find its first match, or -1 when it finds none:
 * a few characters before the first stem at a word start. The pattern then need not try every
 * position of a long line up to there (a try there costs a look-behind).
 */
function wordsFrom(text: string): number {
  if (FOLDS_TO_ASCII.test(text)) return QUICK.test(text) ? 0 : -1;
  const m = QUICK_WORD_START.exec(text);
  return m ? Math.max(0, m.index - BEFORE_STEM) : -1;
}

/** Stems of the failure verbs, lower case (and German "hat " as a word), a first look for the name-before-verb pattern. */
const FAILURE_STEMS = [
  ...['forg', 'overlook', 'neglect', 'ignor', 'messed', 'screwed', 'botch', 'fumbl', 'failed to', 'verga', 'übersah'],
  ...['vernachl', 'missed', 'broke'],
];
const HAT = '\\bhat ';
/** A cheap first look, so the costly name-before-verb pattern runs only on lines that may need it. */
const MAYBE_FAILURE = new RegExp(`${FAILURE_STEMS.map(escapeRegExp).join('|')}|${HAT}`, 'i');

/**
 * Failure verbs that are as often said of systems ("the deploy failed to roll back", "the upgrade
 * broke TLS", "Die Pipeline hat den Fehler übersehen"): their subject is taken for a person only
 * when it is an author, a mention or a common first name (FIRST_NAMES), never any capitalised word.
 */
const NAMED_FAILURE_VERBS =
  'missed|broke|failed to \\p{Ll}+|' +
  'hat\\s+(?:[\\p{L}-]+\\s+){1,4}?(?:vergessen|übersehen|verbockt|ignoriert|verpasst|kaputt gemacht)';

const BUILT_IN_WORDS = wordPattern(BUILT_IN);
// Extended word lists compiled once per run, not once per file.
const compiled = new Map<string, RegExp>();

function wordPattern(sources: readonly string[]): RegExp {
  return new RegExp(`${NOT_LETTER}(?:${sources.join('|')})${END}`, 'giu');
}

function wordsFor(extra: readonly string[]): RegExp {
  if (extra.length === 0) return BUILT_IN_WORDS;
  const key = extra.join('\u0000');
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = wordPattern([...BUILT_IN, ...extra.map((w) => escapeRegExp(w.trim()).replace(/\s+/g, '\\s+'))]);
    compiled.set(key, pattern);
  }
  return pattern;
}

/** People the postmortem names: each author, their name parts of three letters or more, and handles (`jdoe`). */
function namesOf(authors: unknown): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(authors)) return out;
  for (const a of authors) {
    if (typeof a !== 'string' || a.trim() === '') continue;
    out.add(a.trim().replace(/^@/, ''));
    for (const part of a.trim().split(/\s+/)) if (part.length >= 3) out.add(part);
  }
  return out;
}

/**
 * Acting without asking or telling anyone, the way blame is often phrased without a blaming word:
 * "without telling …" or "ohne … zu informieren", at the start of a word.
 */
const WITHOUT_PHRASE = new RegExp(
  '(?<![\\p{L}])(?:' +
    'without\\s+(?:telling|asking|informing|notifying|checking|testing|reviewing|review|approval|a review|announcing|warning|consulting|waiting)|' +
    'ohne\\s+(?:zu\\s+)?(?:\\p{L}+\\s+)?(?:informieren|fragen|prüfen|testen|Bescheid|Rücksprache|Freigabe|Review))',
  'uy',
);
/** How far after its verb (in characters) a "without …" phrase may start, within the same clause. */
const WITHOUT_REACH = 100;
/** What ends a clause: no "without …" phrase belongs to a verb before one of these. */
const CLAUSE_END = /[.;!?]/g;

/** A mention of someone by handle (`@jdoe`), not an e-mail address. */
const MENTION = '(?<![\\w.@])@[A-Za-z0-9][\\w.-]*[A-Za-z0-9_]';

/**
 * One cheap pass over the file finds the lines that may need a closer look: those holding a stem of
 * the built-in words, of the failure verbs, or "without"/"ohne", at the start of a word. Everything
 * costly runs only on those lines (a person-as-subject regex over every line was 30 % of a lint run).
 * Every finding starts a word there: the words and "without" come after no letter, the failure verbs
 * and "hat" after white space; only "verschuldet" and "geschlampt" hold their stem inside, so they
 * get stems of their own.
 */
const SUSPECT_STEMS = [...WORD_STEMS, ...FAILURE_STEMS, 'without', 'ohne', 'verschuld', 'geschlamp'];
// The pass reads the source as written, not the prose: no joined copy of the lines and no lower-cased
// one (a case-insensitive scan of the source cost less than lower-casing the prose). The prose is
// the source with code and comments blanked, so every stem in it is in the source at the same place;
// only the space after "hat" may be the blanked start of a code span or a comment (` or <).
// Alternatives grouped by their first letters (f(?:ault|orgl|…)|…) are tried in one branch per
// position instead of one try each. Only at word starts: stems inside words ("default", "unforgiving")
// sent 80 % more lines (31,120 against 17,289 on 10,000 real postmortems) to the per-line checks for
// nothing. The character before is ASCII-only: a word start of the rule (no \p{L} before) has no
// ASCII letter before, so no line with a finding is skipped. It is matched, not looked behind at
// (a look-behind tried at every position made the scan about a quarter slower); linesMatching
// counts a match for the line of its last character, so a line end taken before a stem is no harm.
const SUSPECT = new RegExp(`(?:^|[^a-z])(?:${stemTree(SUSPECT_STEMS)}|hat[ \`<])`, 'gi');

/** The stems as one alternation, factored by common first letters; it matches what `stems.join('|')` matches. */
function stemTree(stems: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const stem of stems) {
    const first = stem.slice(0, 1);
    byFirst.set(first, [...(byFirst.get(first) ?? []), stem.slice(1)]);
  }
  return [...byFirst]
    .map(([first, rests]) => {
      // A stem that ends here matches whatever a longer stem with this start would: the shorter is enough.
      if (rests.includes('')) return escapeRegExp(first);
      const unique = [...new Set(rests)];
      return `${escapeRegExp(first)}${unique.length === 1 ? escapeRegExp(unique[0] as string) : `(?:${stemTree(unique)})`}`;
    })
    .join('|');
}

/** The prose lines that may hold a finding (see SUSPECT); most files have a few. */
function suspectLines(pm: Postmortem): ProseLine[] {
  return proseLinesAt(pm, linesMatching(pm.source, SUSPECT));
}

const WITHOUT_WORD = /without|ohne/i;

function report(message: string, line: number, index: number, length: number): RuleReport {
  return { message, line, column: index + 1, endLine: line, endColumn: index + 1 + length };
}

/** The `blameless-language` rule. */
export default defineRule({
  id: 'blameless-language',
  defaultLevel: 'warn',
  description: 'No blaming wording (English and German); word list extendable.',
  fixable: false,
  docs: {
    what:
      'Wording that blames people, in the front matter and the body (code spans, fenced and indented code and HTML ' +
      'comments are skipped): English "fault" when it is someone\'s ("his fault", "the operator\'s fault", "the fault of ' +
      'the engineer"; a bare "fault" is the machine\'s), "at fault", "careless", "should ' +
      'have known", "human error", "negligent", "to blame", "blame", "incompetent", "sloppy", "reckless", "lazy", ' +
      '"stupid", "stupidly", "carelessly", "sloppily", "lazily", "fat-finger", "screwed up", "messed up"; German ' +
      '"schuld", "verschuldet", "fahrlässig(e)", "nachlässig", "unachtsam", "leichtsinnig", "menschliches Versagen", ' +
      '"menschlicher Fehler", "hätte wissen müssen", "inkompetent", "schlampig(e)", "geschlampt", "Schlamperei"; and a ' +
      'person as the subject of a failure: an author\'s name or a capitalised name before "forgot", "overlooked", ' +
      '"neglected", "ignored", "messed up", "failed to check", "vergaß", "übersah", "hat vergessen", …, and a common ' +
      'first name (or an author) before "missed", "broke", "failed to …" or "hat … vergessen" ("Jan missed the page", ' +
      'not "the canary missed the regression"). Technical terms are not blame, and a ' +
      'capitalised word that is a well-known product (Kubernetes, Postgres, Redis, Kafka, …) or one of the ' +
      "postmortem's own `services` or `tags` is not taken for a person (an author's name always is). " +
      'People are also named by handle (an `authors` entry such as `jdoe`, a mention such as `@jdoe`), and a ' +
      'named person acting "without telling support" (asking, checking, testing, approval; German "ohne … zu ' +
      'informieren") is reported too.',
    why:
      'A postmortem that names a culprit teaches people to hide mistakes; a blameless one asks what made the ' +
      'mistake possible and how the system can catch it next time.',
    fix:
      'Describe what happened and what the system allowed ("the deploy script did not ask for confirmation"), not ' +
      'who is at fault.',
    options: '`{"words": ["clumsy", "Dummheit"]}` adds words or phrases (matched whole, in any case).',
    examples: {
      notOk: 'The outage was caused by human error.',
      ok: 'The runbook let a single command drop the production database.',
    },
  },
  options: (z) => z.strictObject({ words: z.array(z.string()).optional() }),
  check: ({ pm, options }) => {
    const extra = (options.words ?? []).filter((w) => w.trim() !== '');
    const words = wordsFor(extra);
    const lines = extra.length > 0 ? proseLines(pm) : suspectLines(pm);
    const out: RuleReport[] = [];
    let subjects: Subjects | null = null;
    // The postmortem's own names, read only when a capitalised subject must be told from software.
    let software: Set<string> | null = null;
    for (const { line, text, frontMatter } of lines) {
      // The authors list names people by design; it is not wording about them.
      if (frontMatter && /^\s*-\s/.test(text) && isAuthorsEntry(pm, line)) continue;
      const from = extra.length > 0 ? 0 : wordsFrom(text);
      if (from >= 0) {
        // exec, not matchAll: matchAll copies the (long) pattern for every line it scans.
        words.lastIndex = from;
        for (let m = words.exec(text); m; m = words.exec(text)) {
          const found = `Expected blameless wording (what the system allowed, not who is at fault), found "${m[0]}".`;
          out.push(report(found, line, m.index, m[0].length));
        }
      }
      const failure = MAYBE_FAILURE.test(text);
      const without = WITHOUT_WORD.test(text);
      if (!failure && !without) continue;
      subjects ??= subjectPatterns(pm.data.authors);
      const seen = new Set<number>();
      const found = (m: Match, named = false) => {
        const name = m[1].replace(/^@/, '');
        if (seen.has(m.index) || NOT_NAMES.has(name.toLowerCase())) return;
        const isPerson = subjects!.authors.has(name) || m[1].startsWith('@');
        if (named && !isPerson && !FIRST_NAMES.has(name.toLowerCase())) return;
        const lower = name.toLowerCase();
        if (!isPerson && (TECH_TERMS.has(lower) || (software ??= softwareNames(pm.data)).has(lower))) return;
        seen.add(m.index);
        const message = `Expected the system as the subject of a failure, found a person: "${m[0]}".`;
        out.push(report(message, line, m.index, m[0].length));
      };
      if (failure) matchAt(subjects.failure, text, failureStarts(VERB, text, subjects.longest), found);
      if (failure)
        matchAt(subjects.named, text, failureStarts(NAMED_VERB, text, subjects.longest), (m) => found(m, true));
      if (without) matchAt(subjects.without, text, subjectStarts(text, subjects.people), found);
    }
    return out.sort((a, b) => a.line - b.line || a.column - b.column);
  },
});

/** A person-as-subject match: where it starts, its text ([0]) and its subject ([1]), as a regex match gives them. */
interface Match {
  index: number;
  0: string;
  1: string;
}

/** Finds the match that starts exactly at a position, or null. */
type MatchAt = (text: string, at: number) => Match | null;

/** The person-as-subject matchers of one postmortem, and what finding their start positions needs. */
interface Subjects {
  /** A subject, then a failure verb. */
  failure: MatchAt;
  /** A subject, then one of NAMED_FAILURE_VERBS. */
  named: MatchAt;
  /** A named subject acting "without telling …". */
  without: MatchAt;
  authors: Set<string>;
  /** The authors' names and handles as written in the text. */
  people: string[];
  /** The longest of them. */
  longest: number;
}

// The patterns do not depend on the authors, so they are compiled once per run: compiling
// per-author patterns for each file cost more than running them (5.6 ms per file on the prose
// fixture with a new author list each time).
const LEAD = new RegExp(NOT_LETTER, 'uy');
const MENTION_AT = new RegExp(MENTION, 'uy');
const CAPITALISED = /\p{Lu}\p{Ll}+/uy;
const FAILURE_TAIL = new RegExp(`\\s+(?:(?:had|has|hat|just|simply|einfach)\\s+)?(?:${FAILURE_VERBS})${END}`, 'uy');
const NAMED_TAIL = new RegExp(`\\s+(?:(?:had|has|just|simply|einfach)\\s+)?(?:${NAMED_FAILURE_VERBS})${END}`, 'uy');
const failureTailEnd: TailEnd = (text, at) => endOf(FAILURE_TAIL, text, at);
const namedTailEnd: TailEnd = (text, at) => endOf(NAMED_TAIL, text, at);
const SPACES = /\s+/uy;
const HAT_AT = /hat\s+/uy;
const LOWER_WORD = /\p{Ll}+/uy;

/**
 * Where a "without" tail after a subject at `at` ends, or -1: white space, an optional "hat", a
 * verb in lower case, then within WITHOUT_REACH characters of the same clause a "without …" phrase
 * (the first one). The same as the pattern `\s+(?:hat\s+)?\p{Ll}+[^.;!?]{0,100}?` followed by the
 * phrase, without that pattern's lazy scan: the phrase is looked for where "without" or "ohne"
 * stands, not tried at each of the hundred characters after every verb.
 */
export function withoutTailEnd(text: string, at: number): number {
  const spaced = endOf(SPACES, text, at);
  if (spaced < 0) return -1;
  // As the pattern tries them: "hat" and the verb after it first, then the first word as the verb.
  // A shorter verb (the pattern giving back letters) finds nothing more: a phrase cannot start
  // inside a word, and the reach from an earlier end covers no later character.
  const afterHat = endOf(HAT_AT, text, spaced);
  const withHat = afterHat < 0 ? -1 : endOf(LOWER_WORD, text, afterHat);
  const end = withHat < 0 ? -1 : phraseEnd(text, withHat);
  if (end >= 0) return end;
  const verb = endOf(LOWER_WORD, text, spaced);
  return verb < 0 ? -1 : phraseEnd(text, verb);
}

/** The end of the first "without …" phrase that starts within reach of `from` before the clause ends, or -1. */
function phraseEnd(text: string, from: number): number {
  CLAUSE_END.lastIndex = from;
  const clauseEnd = CLAUSE_END.exec(text)?.index ?? text.length;
  let without = text.indexOf('without', from);
  let ohne = text.indexOf('ohne', from);
  for (;;) {
    const start = without < 0 ? ohne : ohne < 0 ? without : Math.min(without, ohne);
    if (start < 0 || start > clauseEnd || !withinReach(text, from, start)) return -1;
    const end = endOf(WITHOUT_PHRASE, text, start);
    if (end >= 0) return end;
    if (start === without) without = text.indexOf('without', start + 1);
    else ohne = text.indexOf('ohne', start + 1);
  }
}

/** Whether at most WITHOUT_REACH characters (code points, as a pattern with flag u counts them) lie from `from` to `to`. */
function withinReach(text: string, from: number, to: number): boolean {
  if (to - from <= WITHOUT_REACH) return true;
  if (to - from > 2 * WITHOUT_REACH) return false;
  let points = 0;
  for (let i = from; i < to; i++, points++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return points <= WITHOUT_REACH;
}

/** Where what follows a subject ends when it starts at `at`, or -1. */
type TailEnd = (text: string, at: number) => number;

/** Where a sticky pattern's match at `at` ends, or -1. */
function endOf(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m ? at + m[0].length : -1;
}

/**
 * A subject at `at` followed by `tail`, tried as the regex alternation `(author|…|mention|Capitalised)`
 * would: each author's name or handle in turn, then a mention, then (with `capitalised`) any
 * capitalised word; the first whose tail matches wins.
 */
function subjectThen(people: readonly string[], capitalised: boolean, tailEnd: TailEnd): MatchAt {
  const result = (text: string, at: number, subjectEnd: number): Match | null => {
    const end = tailEnd(text, subjectEnd);
    return end < 0 ? null : { index: at, 0: text.slice(at, end), 1: text.slice(at, subjectEnd) };
  };
  return (text, at) => {
    LEAD.lastIndex = at;
    if (!LEAD.test(text)) return null;
    for (const name of people) {
      const m = text.startsWith(name, at) ? result(text, at, at + name.length) : null;
      if (m) return m;
    }
    // A mention or a capitalised word can only be followed by white space at its longest.
    for (const [pattern, use] of [
      [MENTION_AT, true],
      [CAPITALISED, capitalised],
    ] as const) {
      const subjectEnd = use ? endOf(pattern, text, at) : -1;
      const m = subjectEnd < 0 ? null : result(text, at, subjectEnd);
      if (m) return m;
    }
    return null;
  };
}

/** The person-as-subject matchers of an author list. */
function subjectPatterns(list: unknown): Subjects {
  const authors = namesOf(list);
  const people = [...authors];
  return {
    failure: subjectThen(people, true, failureTailEnd),
    named: subjectThen(people, true, namedTailEnd),
    without: subjectThen(people, false, withoutTailEnd),
    authors,
    people,
    longest: Math.max(0, ...people.map((p) => p.length)),
  };
}

/**
 * A failure verb: where a person-as-subject match can end, when white space comes before it. That is
 * checked on each match, not by a look-behind that the scan would try at every position.
 */
const VERB = new RegExp(`(?:${FAILURE_VERBS})${END}`, 'gu');
const NAMED_VERB = new RegExp(`(?:${NAMED_FAILURE_VERBS})${END}`, 'gu');
const SPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Ranges of start positions, from and to; none is null, not an empty list: matchAt then sees lists
 * of one kind only (an empty list literal is another kind to V8, and had TurboFan compile it again).
 */
type Ranges = Array<[number, number]>;

/**
 * Where a failure match may start: for each failure verb, from the start of the two words before
 * it (subject and an optional "had"/"just"), less the longest author name (which may hold spaces),
 * up to the verb. Elsewhere no match can start, so the sticky pattern is not tried there.
 */
function failureStarts(verb: RegExp, text: string, longest: number): Ranges | null {
  const out: Ranges = [];
  verb.lastIndex = 0;
  for (let m = verb.exec(text); m; m = verb.exec(text)) {
    if (m.index === 0 || !SPACE.test(text[m.index - 1] as string)) {
      // As the look-behind (?<=\s) would: no match here, the scan goes on at the next position.
      verb.lastIndex = m.index + 1;
      continue;
    }
    let i = m.index;
    for (let word = 0; word < 2; word++) {
      while (i > 0 && SPACE.test(text[i - 1] as string)) i--;
      while (i > 0 && !SPACE.test(text[i - 1] as string)) i--;
    }
    out.push([Math.max(0, i - longest - 1), m.index]);
  }
  return out.length > 0 ? out : null;
}

/** Where a "without" match may start: at an author's name or handle, or an @. */
function subjectStarts(text: string, people: readonly string[]): Ranges | null {
  const at = new Set<number>();
  for (const name of [...people, '@'])
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) at.add(i);
  if (at.size === 0) return null;
  const out: Ranges = [];
  for (const i of [...at].sort((a, b) => a - b)) out.push([i, i]);
  return out;
}

/**
 * Finds the matches a global scan of `pattern` (sticky) over `text` would find, trying only the
 * given ranges of start positions (in order); after a match, the scan goes on just past the subject,
 * as a later subject may sit inside this match's "… without" span.
 */
function matchAt(matcher: MatchAt, text: string, ranges: Ranges | null, found: (m: Match) => void) {
  if (ranges === null) return;
  let next = 0;
  for (const [from, to] of ranges) {
    for (let i = Math.max(from, next); i <= to; i++) {
      // Every subject starts after a non-word character (the patterns' look-behind); cheaper to check here.
      if (i > 0 && WORD_CHAR.test(text[i - 1] as string)) continue;
      const m = matcher(text, i);
      next = i + 1;
      if (!m) continue;
      found(m);
      next = m.index + m[1].length;
      i = next - 1;
    }
  }
}

/** The postmortem's own service and tag names, and their parts (`crm-web` gives crm and web). */
function softwareNames(data: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const key of ['services', 'tags']) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== 'string') continue;
      out.add(entry.toLowerCase());
      for (const part of entry.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) out.add(part);
    }
  }
  return out;
}

function isAuthorsEntry(pm: Postmortem, line: number): boolean {
  const authors = pm.data.authors;
  if (!Array.isArray(authors)) return false;
  return authors.some((_a, i) => pm.keys.get(`authors.${i}`)?.value.line === line);
}
