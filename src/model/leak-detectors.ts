import { NOTICE_FIELDS } from './format.js';
import { isRecord } from './guards.js';
import { nonEmptyMatches } from './matches.js';
import { keyPosition } from './validate.js';
import type { Postmortem, Problem } from './types.js';

/** Options of the notice leak check: extra patterns (regex sources), public addresses and the languages to check. */
export interface NoticeLeakOptions {
  internalPatterns?: readonly string[] | undefined;
  /** E-mail addresses customers may write to: not a leak (compared without regard to case). */
  publicContacts?: readonly string[] | undefined;
  languages?: readonly string[] | undefined;
}

/**
 * One kind of leak. Every detector has every field (null where unused), so that the code reading
 * them sees one shape: detectors built with different optional fields made V8 compile leaksIn twice.
 */
interface Detector {
  what: string;
  /** A global pattern; null for a name, which is found by plain string search. */
  pattern: RegExp | null;
  /** A name to find as a whole word: in any case with `anyCase`, else as written. */
  name: string | null;
  anyCase: boolean;
  /**
   * False for a text (and its lower-cased form) that cannot hold a match, which is then not scanned at
   * all; null to scan every text. Most texts hold none, and a test costs less than the pattern.
   */
  gate: ((text: string, lower: string) => boolean) | null;
  /** Returns false for a match that is not a leak after all (e.g. `UTF-8` is not a ticket). */
  accept: ((match: string) => boolean) | null;
  /** True for the e-mail detector: an address the config declares public is no leak. */
  contact: boolean;
}

function detector(what: string, fields: Partial<Omit<Detector, 'what'>>): Detector {
  return {
    what,
    pattern: fields.pattern ?? null,
    name: fields.name ?? null,
    anyCase: fields.anyCase ?? false,
    gate: fields.gate ?? null,
    accept: fields.accept ?? null,
    contact: fields.contact ?? false,
  };
}

/** True when the text has `char` with an ASCII digit right after it and, with `digitBefore`, right before it. */
function hasNextToDigit(text: string, char: string, digitBefore: boolean): boolean {
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    if (isDigitAt(text, at + 1) && (!digitBefore || isDigitAt(text, at - 1))) return true;
  }
  return false;
}

function isDigitAt(text: string, index: number): boolean {
  // Out of the text is no digit, without reading there: a read past the end made V8 compile the callers again.
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** The endings of internal domains a host name has (lower case): `.local` stands for `.localdomain` too. */
const INTERNAL_DOMAINS = ['.internal', '.local', '.corp', '.lan', '.intranet', '.home.arpa'];

/**
 * True when the lower-cased text has one of the internal domains. Nearly every text has a full stop,
 * so only those followed by the first letter of a domain are compared.
 */
function hasInternalDomain(lower: string): boolean {
  for (let at = lower.indexOf('.'); at !== -1; at = lower.indexOf('.', at + 1)) {
    if (at + 1 >= lower.length) break;
    const next = lower.charCodeAt(at + 1);
    // i, l, c, h: the first letters of the domains.
    if (next !== 105 && next !== 108 && next !== 99 && next !== 104) continue;
    for (const domain of INTERNAL_DOMAINS) if (lower.startsWith(domain, at)) return true;
  }
  return false;
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
  detector('an e-mail address', {
    gate: (text) => text.includes('@'),
    contact: true,
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  }),
  detector('an internal host name', {
    // Nearly every text has a full stop; few name an internal domain, and the pattern is costly to run.
    // The pattern folds only ASCII letters, so a match is in the lower-cased text whatever its length.
    gate: (_text, lower) => hasInternalDomain(lower),
    pattern: new RegExp(
      '(?<![A-Za-z0-9-]|[A-Za-z0-9-]\\.)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)*' +
        '\\.(?:internal|local|localdomain|corp|lan|intranet|home\\.arpa)\\b',
      'gi',
    ),
  }),
  // Host names with a number, the way fleets are named (`crm-web-01`, `db-03`); lower case only,
  // so that product names such as `COVID-19` are not taken for hosts. Every one has a dash and a digit.
  detector('a host name', {
    gate: (text) => hasNextToDigit(text, '-', false),
    pattern: /(?<![\w.-])[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-\d{1,3}(?![\w-])/g,
  }),
  detector('a private IP address', {
    // Every address has a full stop between digits, which most texts with full stops lack.
    gate: (text) => hasNextToDigit(text, '.', true),
    // Not part of a longer dotted number: no digit after the dots that follow (`\.*\d`, the same as
    // `[\d.]*\d` here, without a quadratic lookahead over a long run of digits).
    pattern: /(?<![\d.])(?:10\.\d{1,3}|127\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])|192\.168)\.\d{1,3}\.\d{1,3}(?!\.*\d)/g,
  }),
  detector('a private IPv6 address', {
    gate: (text) => text.includes(':'),
    // The tail is bounded (an IPv6 address has at most 39 characters), so even a matcher that ignores the
    // lookbehind tries each start in constant time.
    pattern: /(?<![\w:])(?:f[cd][0-9a-f]{2}|fe[89ab][0-9a-f]):[0-9a-f:]{0,34}[0-9a-f]/gi,
  }),
  detector('a ticket id', {
    gate: (text) => hasNextToDigit(text, '-', false),
    pattern: /(?<![\w-])[A-Z][A-Z0-9]+-\d+(?![\w-])/g,
    accept: (match) => !NOT_TICKETS.has(match.slice(0, match.indexOf('-'))),
  }),
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
 * Unicode classes, compiled anew for every file's authors) was a third of a lint run. The name is
 * lower case when the detector takes any case; `lower` is the lower-cased text.
 */
function findName(scan: Scan, detector: Detector, name: string, lower: string): void {
  const text = scan.text;
  let haystack = detector.anyCase ? lower : text;
  // Lower-casing that changes the length (a few rare letters) would shift the indexes.
  if (haystack.length !== text.length) haystack = text;
  for (let at = haystack.indexOf(name); at !== -1; at = haystack.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (isWordAt(text, at - 1) || isWordAt(text, end)) continue;
    consider(scan, detector, text.slice(at, end), at);
    at = end - 1;
  }
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

/** Detectors for one author: the full name (any case) and a person's surname of three letters or more (as written). */
function detectorsOfAuthor(author: string): Detector[] {
  if (author.trim().length < 2) return [];
  const name = author.trim();
  const out = [detector("an author's name", { name: name.toLowerCase(), anyCase: true })];
  const parts = name.split(/\s+/);
  const surname = parts[parts.length - 1] as string;
  if (parts.length > 1 && surname.length >= 3 && !isTeamName(parts)) {
    out.push(detector(`the surname of author "${name}"`, { name: surname }));
  }
  return out;
}

// Each author's detectors, made once: an author writes many postmortems, mostly with other co-authors,
// so a cache of author lists (keyed by their JSON) missed for nearly every file.
const authorCache = new Map<string, readonly Detector[]>();

function authorDetectors(author: string): readonly Detector[] {
  let found = authorCache.get(author);
  if (found === undefined) {
    if (authorCache.size >= 4096) authorCache.clear();
    found = detectorsOfAuthor(author);
    authorCache.set(author, found);
  }
  return found;
}

function extraDetectors(patterns: readonly string[] | undefined): Detector[] {
  const out: Detector[] = [];
  for (const source of patterns ?? []) {
    try {
      out.push(detector(`internal text matching /${source}/`, { pattern: new RegExp(source, 'gu') }));
    } catch {
      // An invalid pattern is reported by the config loader; here it is skipped so the check never throws.
    }
  }
  return out;
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

// The project's patterns last asked for (a copy) and their detectors: every file of a run has the same.
// Compared by content, element by element, as a caller may change a list in place.
let lastExtras: { patterns: readonly string[] | undefined; detectors: Detector[] } = {
  patterns: undefined,
  detectors: [],
};

/** The detectors for some authors and patterns: the built-in ones, the authors' and the patterns'. */
function detectorsFor(options: LeakOptions): readonly Detector[] {
  const patterns = options.internalPatterns;
  if (!sameList(patterns, lastExtras.patterns)) {
    lastExtras = { patterns: patterns ? [...patterns] : undefined, detectors: extraDetectors(patterns) };
  }
  const authors = options.authors;
  if (!Array.isArray(authors) && lastExtras.detectors.length === 0) return DETECTORS;
  const out = DETECTORS.slice();
  if (Array.isArray(authors)) {
    for (const author of authors) if (typeof author === 'string') out.push(...authorDetectors(author));
  }
  out.push(...lastExtras.detectors);
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

/** The options of the leak finder: whose names and which of the project's patterns are leaks, which addresses not. */
export interface LeakOptions {
  authors?: unknown;
  internalPatterns?: readonly string[] | undefined;
  publicContacts?: readonly string[] | undefined;
}

/**
 * Finds internal details in one customer-facing text: host names, private addresses, e-mail
 * addresses, ticket ids, the authors' names and the project's own patterns. Shared by
 * `postmortem lint` (rule `notice-leak`), `postmortem notice` and the interview's notice prompts.
 */
export function findLeaks(text: string, options: LeakOptions = {}): Leak[] {
  return leakFinder(options)(text);
}

/** The leak finder of `findLeaks` for several texts with the same options: the detectors are looked up once. */
export function leakFinder(options: LeakOptions = {}): (text: string) => Leak[] {
  const detectors = detectorsFor(options);
  const publicContacts = options.publicContacts;
  return (text) => leaksIn(text, detectors, publicContacts);
}

/** The state of the search of one text: the leaks found so far and what they cover. */
interface Scan {
  text: string;
  publicContacts: readonly string[] | undefined;
  out: Leak[];
  /** Made at the first match: most texts have none. */
  seen: Set<string> | null;
  /**
   * A surname inside a full name already reported is the same leak, not a second one. Marking the
   * reported characters keeps the overlap test linear: one detector's matches never overlap, so
   * each character is looked at once per detector.
   */
  reported: Uint8Array | null;
}

function leaksIn(text: string, detectors: readonly Detector[], publicContacts: readonly string[] | undefined): Leak[] {
  const scan: Scan = { text, publicContacts, out: [], seen: null, reported: null };
  const lower = text.toLowerCase();
  for (const detector of detectors) {
    if (detector.gate !== null && !detector.gate(text, lower)) continue;
    if (detector.pattern !== null) {
      for (const match of nonEmptyMatches(detector.pattern, text)) consider(scan, detector, match[0], match.index);
    } else findName(scan, detector, detector.name as string, lower);
  }
  return scan.out;
}

/** Reports a match unless it is no leak after all, was found already, or lies in a leak reported before. */
function consider(scan: Scan, detector: Detector, found: string, start: number): void {
  if (detector.accept !== null && !detector.accept(found)) return;
  if (detector.contact && isPublic(found, scan.publicContacts)) return;
  const end = start + found.length;
  scan.seen ??= new Set();
  scan.reported ??= new Uint8Array(scan.text.length);
  if (scan.seen.has(found) || scan.reported.subarray(start, end).includes(1)) return;
  scan.seen.add(found);
  scan.reported.fill(1, start, end);
  scan.out.push({ what: detector.what, text: found, index: start });
}

function isPublic(found: string, publicContacts: readonly string[] | undefined): boolean {
  return publicContacts?.some((c) => c.toLowerCase() === found.toLowerCase()) ?? false;
}

/** Finds internal details in every text of the customer notice (rule `notice-leak`), with positions. */
export function checkNoticeLeaks(pm: Postmortem, options: NoticeLeakOptions = {}): Problem[] {
  const notice = pm.data.notice;
  if (!isRecord(notice)) return [];
  const out: Problem[] = [];
  // Every text of the notice has the same authors and patterns: their detectors are looked up once.
  const find = leakFinder({
    authors: pm.data.authors,
    internalPatterns: options.internalPatterns,
    publicContacts: options.publicContacts,
  });
  // The known fields first, in their order, then the others as the file has them; `languages` is not text.
  for (const field of NOTICE_FIELDS) fieldLeaks(pm, field, notice[field], find, options.languages, out);
  for (const field of Object.keys(notice)) {
    if (field === 'languages' || (NOTICE_FIELDS as readonly string[]).includes(field)) continue;
    fieldLeaks(pm, field, notice[field], find, options.languages, out);
  }
  return out;
}

/** The leaks of one field of the notice: a text, or a text per language (those of `languages` only, when given). */
function fieldLeaks(
  pm: Postmortem,
  field: string,
  value: unknown,
  find: (text: string) => Leak[],
  languages: readonly string[] | undefined,
  out: Problem[],
): void {
  if (typeof value === 'string') {
    const found = find(value);
    if (found.length > 0) reportLeaks(pm, `notice.${field}`, found, out);
  } else if (isRecord(value)) {
    for (const lang of Object.keys(value)) {
      const text = value[lang];
      if (typeof text !== 'string' || (languages && !languages.includes(lang))) continue;
      const found = find(text);
      if (found.length > 0) reportLeaks(pm, `notice.${field}.${lang}`, found, out);
    }
  }
}

function reportLeaks(pm: Postmortem, key: string, found: readonly Leak[], out: Problem[]): void {
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
