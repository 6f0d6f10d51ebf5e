import { NOTICE_FIELDS } from './format.js';
import { isRecord } from './guards.js';
import { keyPosition } from './validate.js';
import type { Postmortem, Problem } from './types.js';

/** Options of the notice leak check: extra patterns (regex sources), public addresses and the languages to check. */
export interface NoticeLeakOptions {
  internalPatterns?: readonly string[];
  /** E-mail addresses customers may write to: not a leak (compared without regard to case). */
  publicContacts?: readonly string[];
  languages?: readonly string[];
}

interface Detector {
  what: string;
  /** A global pattern, or a function giving the matches in order (non-overlapping). */
  pattern?: RegExp;
  find?: (text: string) => Array<{ index: number; text: string }>;
  /** A character every match contains: texts without it are not scanned at all. */
  needs?: string;
  /** Lower-case text of which every match holds one (in any case): texts without any are not scanned at all. */
  needsAny?: readonly string[];
  /** Returns false for a match that is not a leak after all (e.g. `UTF-8` is not a ticket). */
  accept?: (match: string) => boolean;
  /** True for the e-mail detector: an address the config declares public is no leak. */
  contact?: boolean;
}

const NOT_TICKETS = new Set([
  'UTF',
  'ISO',
  'COVID',
  'SHA',
  'AES',
  'RFC',
  'IPV',
  'TLS',
  'SSL',
  'HTTP',
  'SEV',
  'MP',
  'WCAG',
  'ECMA',
  'IEEE',
  'EN',
  'DIN',
  'PCI',
  'H',
  'X',
]);

// Every pattern starts with a lookbehind that lets a match begin only where a run of the
// characters it is made of begins, so a long run ("aaaa…", "a.a.a.…") is scanned once, not once
// per character: each detector is linear in the text (a 300 KB notice took minutes before).
const DETECTORS: readonly Detector[] = [
  {
    what: 'an e-mail address',
    needs: '@',
    contact: true,
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  {
    what: 'an internal host name',
    // Nearly every text has a full stop; few name an internal domain, and the pattern is costly to run.
    needsAny: ['.internal', '.local', '.corp', '.lan', '.intranet', '.home.arpa'],
    pattern: new RegExp(
      '(?<![A-Za-z0-9-]|[A-Za-z0-9-]\\.)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)*' +
        '\\.(?:internal|local|localdomain|corp|lan|intranet|home\\.arpa)\\b',
      'gi',
    ),
  },
  // Host names with a number, the way fleets are named (`crm-web-01`, `db-03`); lower case only,
  // so that product names such as `COVID-19` are not taken for hosts.
  { what: 'a host name', needs: '-', pattern: /(?<![\w.-])[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-\d{1,3}(?![\w-])/g },
  {
    what: 'a private IP address',
    needs: '.',
    // Not part of a longer dotted number: no digit after the dots that follow (`\.*\d`, the same as
    // `[\d.]*\d` here, without a quadratic lookahead over a long run of digits).
    pattern: /(?<![\d.])(?:10\.\d{1,3}|127\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])|192\.168)\.\d{1,3}\.\d{1,3}(?!\.*\d)/g,
  },
  {
    what: 'a private IPv6 address',
    needs: ':',
    // The tail is bounded (an IPv6 address has at most 39 characters), so even a matcher that ignores the
    // lookbehind tries each start in constant time.
    pattern: /(?<![\w:])(?:f[cd][0-9a-f]{2}|fe[89ab][0-9a-f]):[0-9a-f:]{0,34}[0-9a-f]/gi,
  },
  {
    what: 'a ticket id',
    needs: '-',
    pattern: /(?<![\w-])[A-Z][A-Z0-9]+-\d+(?![\w-])/g,
    accept: (match) => !NOT_TICKETS.has(match.slice(0, match.indexOf('-'))),
  },
];

/** Escapes text for literal use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when the character (code point) at `index` is a letter or digit. */
function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  // A low surrogate: look at the whole code point it ends.
  const start = code >= 0xdc00 && code <= 0xdfff && index > 0 ? index - 1 : index;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start) as number));
}

/**
 * Finds a name as a whole word by plain string search: a regular expression per author (with
 * Unicode classes, compiled anew for every file's authors) was a third of a lint run.
 */
// The lower-cased text last asked for: each author's finder looks at the same text in turn.
let lowered = { text: '', lower: '' };

function lowerCase(text: string): string {
  if (lowered.text !== text) lowered = { text, lower: text.toLowerCase() };
  return lowered.lower;
}

function nameFinder(name: string, anyCase: boolean): (text: string) => Array<{ index: number; text: string }> {
  const needle = anyCase ? name.toLowerCase() : name;
  return (text) => {
    let haystack = anyCase ? lowerCase(text) : text;
    // Lower-casing that changes the length (a few rare letters) would shift the indexes.
    if (haystack.length !== text.length) haystack = text;
    const out: Array<{ index: number; text: string }> = [];
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (isWordAt(text, at - 1) || isWordAt(text, end)) continue;
      out.push({ index: at, text: text.slice(at, end) });
      at = end - 1;
    }
    return out;
  };
}

/**
 * Words that make an author a team, not a person: "Database reliability team" has no surname, and
 * taking "team" for one refused every signature "The … team".
 */
const TEAM_WORDS: ReadonlySet<string> = new Set([
  'team',
  'teams',
  'group',
  'squad',
  'crew',
  'guild',
  'department',
  'unit',
  'on-call',
  'oncall',
  'gruppe',
  'abteilung',
  'équipe',
  'equipe',
  // French teams are as often a « pôle », « service », « cellule » or « département » as an « équipe ».
  'pôle',
  'service',
  'cellule',
  'département',
]);

/** True when a name is a team's: one of its words (or a part of a hyphenated word, "SRE-Team") is a team word. */
function isTeamName(parts: readonly string[]): boolean {
  return parts.some((part) => {
    const word = part.toLowerCase();
    return TEAM_WORDS.has(word) || word.split('-').some((piece) => TEAM_WORDS.has(piece));
  });
}

/** Detectors for the authors: each full name (any case) and each person's surname of three letters or more (as written). */
function authorDetectors(authors: unknown): Detector[] {
  if (!Array.isArray(authors)) return [];
  const out: Detector[] = [];
  for (const author of authors) {
    if (typeof author !== 'string' || author.trim().length < 2) continue;
    const name = author.trim();
    out.push({ what: "an author's name", find: nameFinder(name, true) });
    const parts = name.split(/\s+/);
    const surname = parts[parts.length - 1] as string;
    if (parts.length > 1 && surname.length >= 3 && !isTeamName(parts)) {
      out.push({ what: `the surname of author "${name}"`, find: nameFinder(surname, false) });
    }
  }
  return out;
}

function extraDetectors(patterns: readonly string[] | undefined): Detector[] {
  const out: Detector[] = [];
  for (const source of patterns ?? []) {
    try {
      out.push({ what: `internal text matching /${source}/`, pattern: new RegExp(source, 'gu') });
    } catch {
      // An invalid pattern is reported by the config loader; here it is skipped so the check never throws.
    }
  }
  return out;
}

/** The texts of a notice as [dotted key, language, text]; `languages` is not text. */
function noticeTexts(notice: Record<string, unknown>): Array<[string, string | null, string]> {
  const fields = [
    ...NOTICE_FIELDS,
    ...Object.keys(notice).filter((k) => !(NOTICE_FIELDS as readonly string[]).includes(k)),
  ];
  const out: Array<[string, string | null, string]> = [];
  for (const field of fields) {
    if (field === 'languages') continue;
    const value = notice[field];
    if (typeof value === 'string') out.push([`notice.${field}`, null, value]);
    else if (isRecord(value)) {
      for (const [lang, text] of Object.entries(value)) {
        if (typeof text === 'string') out.push([`notice.${field}.${lang}`, lang, text]);
      }
    }
  }
  return out;
}

/** One piece of internal detail found in a text. */
export interface Leak {
  /** What it is, e.g. "a ticket id". */
  what: string;
  /** The text as found. */
  text: string;
  /** Where it starts in the text (0-based). */
  index: number;
}

/**
 * Finds internal details in one customer-facing text: host names, private addresses, e-mail
 * addresses, ticket ids, the authors' names and the project's own patterns. Shared by
 * `postmortem lint` (rule `notice-leak`), `postmortem notice` and the interview's notice prompts.
 */
export function findLeaks(
  text: string,
  options: { authors?: unknown; internalPatterns?: readonly string[]; publicContacts?: readonly string[] } = {},
): Leak[] {
  return leaksIn(text, detectorsFor(options), options.publicContacts);
}

type LeakOptions = Parameters<typeof findLeaks>[1] & object;

// The last lists asked for (as copies) and their detectors: the lint rule asks once per text of a
// file (display names, signature) with the same lists, and keying the caches costs a JSON.stringify
// each. Compared by content, element by element, as a caller may change a list in place.
let lastAsked: { authors: unknown; internalPatterns: readonly string[] | undefined; detectors: Detector[] } | null =
  null;

function sameList(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The detectors for some authors and patterns: the built-in ones and those compiled (once per list) for them. */
function detectorsFor(options: LeakOptions): Detector[] {
  if (
    lastAsked &&
    sameList(options.authors, lastAsked.authors) &&
    sameList(options.internalPatterns, lastAsked.internalPatterns)
  )
    return lastAsked.detectors;
  const detectors = [
    ...DETECTORS,
    ...cached(authorCache, options.authors, authorDetectors),
    ...cached(extraCache, options.internalPatterns, extraDetectors),
  ];
  // Only lists of strings (or none) are remembered: anything else is keyed by its JSON as before.
  const strings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (strings(options.authors) && strings(options.internalPatterns)) {
    lastAsked = {
      authors: Array.isArray(options.authors) ? [...options.authors] : undefined,
      internalPatterns: options.internalPatterns ? [...options.internalPatterns] : undefined,
      detectors,
    };
  }
  return detectors;
}

function leaksIn(text: string, detectors: readonly Detector[], publicContacts: readonly string[] | undefined): Leak[] {
  const isPublic = (found: string) => publicContacts?.some((c) => c.toLowerCase() === found.toLowerCase()) ?? false;
  const out: Leak[] = [];
  // Made at the first match: most texts have none.
  let seen: Set<string> | null = null;
  // A surname inside a full name already reported is the same leak, not a second one. Marking the
  // reported characters keeps the overlap test linear: one detector's matches never overlap, so
  // each character is looked at once per detector.
  let reported: Uint8Array | null = null;
  let lower: string | null = null;
  for (const detector of detectors) {
    if (detector.needs && !text.includes(detector.needs)) continue;
    // The patterns fold only ASCII letters, so a match is in the lower-cased text whatever its length.
    if (detector.needsAny && !detector.needsAny.some((n) => (lower ??= text.toLowerCase()).includes(n))) continue;
    const matches = detector.find
      ? detector.find(text)
      : [...text.matchAll(detector.pattern as RegExp)].map((m) => ({ index: m.index, text: m[0] }));
    for (const match of matches) {
      const found = match.text;
      if (found === '' || (detector.accept && !detector.accept(found)) || (detector.contact && isPublic(found)))
        continue;
      const start = match.index;
      const end = start + found.length;
      seen ??= new Set();
      reported ??= new Uint8Array(text.length);
      if (seen.has(found) || reported.subarray(start, end).includes(1)) continue;
      seen.add(found);
      reported.fill(1, start, end);
      out.push({ what: detector.what, text: found, index: start });
    }
  }
  return out;
}

// Every text of a notice (and every file of a run) has the same authors and patterns as the one
// before it, mostly: compiling their expressions once per distinct list saves most of the check.
const authorCache = new Map<string, Detector[]>();
const extraCache = new Map<string, Detector[]>();

function cached<T>(cache: Map<string, Detector[]>, value: T, make: (value: T) => Detector[]): Detector[] {
  if (value === undefined) return [];
  const key = JSON.stringify(value) ?? '';
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= 256) cache.clear();
    found = make(value);
    cache.set(key, found);
  }
  return found;
}

/** Finds internal details in every text of the customer notice (rule `notice-leak`), with positions. */
export function checkNoticeLeaks(pm: Postmortem, options: NoticeLeakOptions = {}): Problem[] {
  const notice = pm.data.notice;
  if (!isRecord(notice)) return [];
  const out: Problem[] = [];
  // Every text of the notice has the same authors and patterns: their detectors are looked up once.
  const detectors = detectorsFor({ authors: pm.data.authors, internalPatterns: options.internalPatterns });
  for (const [key, lang, text] of noticeTexts(notice)) {
    if (options.languages && lang !== null && !options.languages.includes(lang)) continue;
    const found = leaksIn(text, detectors, options.publicContacts);
    if (found.length === 0) continue;
    const position = keyPosition(pm, key);
    for (const leak of found) {
      out.push({
        ruleId: 'notice-leak',
        severity: 'error',
        message: `Expected customer-facing text in \`${key}\`, found ${leak.what}: "${leak.text}".`,
        ...position,
      });
    }
  }
  return out;
}
