/**
 * Checks of a notice's wording: the language is there, the apology apologises, and "outage" is
 * kept for SEV1. Pure functions `(pm, settings) => findings`, ready to become lint rules.
 */
import { isRecord } from '../model/guards.js';
import { keyPosition } from '../model/validate.js';
import { NOTICE_FIELDS, NOTICE_OPTIONAL_FIELDS } from '../model/format.js';
import { nonEmptyMatches } from '../model/matches.js';
import { LANGUAGES, isLanguage, languageModule } from '../language/index.js';
import type { Finding, Position, Postmortem } from '../model/types.js';
import type { NoticeSettings } from './settings.js';

/** A line break of any kind: one in an e-mail header would start a new header (RFC 5322). */
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** The fields a notice needs in every language; the apology has its own check. */
const REQUIRED_WORDING = ['headline', 'what_happened', 'customer_impact', 'next_steps'] as const;

/** The notice block as a mapping, or null when absent or malformed (the model's validation reports that). */
export function noticeBlock(pm: Postmortem): Record<string, unknown> | null {
  return isRecord(pm.data.notice) ? pm.data.notice : null;
}

/** The notice's text for a field and language, or '' when missing. */
export function noticeText(pm: Postmortem, field: string, lang: string): string {
  const value = noticeBlock(pm)?.[field];
  const text = isRecord(value) ? value[lang] : undefined;
  return typeof text === 'string' ? text.trim() : '';
}

/** The languages to check: those in the settings, else those the notice declares. */
export function languagesOf(pm: Postmortem, settings: Pick<NoticeSettings, 'languages'>): string[] {
  if (settings.languages) return [...settings.languages];
  const declared = noticeBlock(pm)?.languages;
  // A language the tool cannot write is frontmatter-schema's finding; the other checks skip it.
  return Array.isArray(declared) ? declared.filter(isLanguage) : [];
}

/** Where a missing wording belongs: the nearest key of its path that the file has, else the `notice` key. */
function missingPosition(pm: Postmortem, path: string): Position {
  for (let p = path; p.includes('.'); p = p.slice(0, p.lastIndexOf('.'))) {
    const found = pm.keys.get(p);
    if (found) return found.key;
  }
  return keyPosition(pm, 'notice', 'key');
}

/** Where a piece of text stands inside a front-matter value: the exact column when it is on the value's line. */
export function textPosition(pm: Postmortem, path: string, found: string): Position {
  const at = keyPosition(pm, path);
  // The value's line alone, not the whole file split into lines for it.
  let start = 0;
  for (let n = 1; n < at.line && start !== -1; n++) start = pm.source.indexOf('\n', start) + 1 || -1;
  const end = start === -1 ? -1 : pm.source.indexOf('\n', start);
  const line = start === -1 ? '' : pm.source.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
  const index = line.indexOf(found, at.column - 1);
  if (index === -1) return at;
  return { line: at.line, column: index + 1, endLine: at.line, endColumn: index + 1 + found.length };
}

/**
 * `notice-language`: the notice has every wording in each language. A file without a notice is
 * fine until a notice is asked for in some language (as `notice` and `publish` do): then it needs one.
 */
export function checkNoticeLanguage(
  pm: Postmortem,
  settings: Pick<NoticeSettings, 'languages' | 'company'> = {},
): Finding[] {
  const notice = noticeBlock(pm);
  if (!notice) {
    if (!settings.languages || settings.languages.length === 0) return [];
    return [
      {
        message: 'Expected a `notice` block with the customer wording, found none.',
        ...keyPosition(pm, 'notice', 'key'),
      },
    ];
  }
  const out: Finding[] = [];
  const declared = Array.isArray(notice.languages) ? notice.languages : null;
  for (const lang of languagesOf(pm, settings)) {
    if (!isLanguage(lang)) {
      out.push({
        message: `Expected a notice language out of ${LANGUAGES.join(', ')}, found "${lang}".`,
        ...keyPosition(pm, 'notice.languages'),
      });
      continue;
    }
    if (declared && !declared.includes(lang)) {
      out.push({
        message: `Expected "${lang}" in \`notice.languages\`, found ${declared.join(', ') || 'none'}.`,
        ...keyPosition(pm, 'notice.languages'),
      });
    }
    for (const field of REQUIRED_WORDING) {
      if (noticeText(pm, field, lang) === '') {
        out.push({
          message: `Expected wording in \`notice.${field}.${lang}\`, found none.`,
          ...missingPosition(pm, `notice.${field}.${lang}`),
        });
      }
    }
    if (LINE_BREAK.test(noticeText(pm, 'headline', lang))) {
      out.push({
        message: `Expected \`notice.headline.${lang}\` on one line (it is the e-mail subject and the post's title), found a line break.`,
        ...keyPosition(pm, `notice.headline.${lang}`),
      });
    }
  }
  // The company the e-mail names: the file's, else the config's (as noticeCompany picks it).
  const inFile = typeof notice.company === 'string' && notice.company.trim() !== '';
  const company = inFile ? (notice.company as string) : settings.company;
  if (company !== undefined && LINE_BREAK.test(company.trim())) {
    out.push({
      message: `Expected ${inFile ? '`notice.company`' : "the config's `notice.company`"} on one line (it heads the e-mail subject), found a line break.`,
      ...keyPosition(pm, inFile ? 'notice.company' : 'notice', inFile ? 'value' : 'key'),
    });
  }
  return out;
}

/** `notice-apology`: each language has an apology, and it apologises. */
export function checkNoticeApology(pm: Postmortem, settings: Pick<NoticeSettings, 'languages'> = {}): Finding[] {
  if (!noticeBlock(pm)) return [];
  const out: Finding[] = [];
  for (const lang of languagesOf(pm, settings)) {
    const text = noticeText(pm, 'apology', lang);
    const path = `notice.apology.${lang}`;
    if (text === '') {
      out.push({
        message: `Expected an apology to customers in \`${path}\`, found none.`,
        ...missingPosition(pm, path),
      });
    } else if (isLanguage(lang) && !languageModule(lang).checkWords.apology.test(text)) {
      const example = languageModule(lang).checkWords.apologyExample;
      const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
      out.push({
        message: `Expected \`${path}\` to apologise (e.g. ${example}), found "${shown}".`,
        ...keyPosition(pm, path),
      });
    }
  }
  return out;
}

/** Words a project reserves for SEV1 besides "outage" / "Ausfall": regular expression sources per language. */
export type OutageWords = Partial<Record<string, readonly string[]>>;

/** The patterns of the words reserved for SEV1 in a language: the built-in word and the project's own. */
function outagePatterns(lang: string, extra: OutageWords): readonly OutagePattern[] {
  const sources = extra[lang] ?? [];
  // Every file of a run asks with the same words: the patterns are compiled once per language and list.
  const cache = sources.length === 0 ? builtInOutage : ownOutage;
  const key = sources.length === 0 ? lang : JSON.stringify([lang, sources]);
  let patterns = cache.get(key);
  if (patterns === undefined) {
    if (cache.size >= 64) cache.clear();
    patterns = compileOutagePatterns(lang, sources);
    cache.set(key, patterns);
  }
  return patterns;
}

const builtInOutage = new Map<string, readonly OutagePattern[]>();
const ownOutage = new Map<string, readonly OutagePattern[]>();

/** A pattern of words reserved for SEV1, and text every match holds one of (lower case); null for the project's own. */
interface OutagePattern {
  pattern: RegExp;
  stems: readonly string[] | null;
}

function compileOutagePatterns(lang: string, sources: readonly string[]): OutagePattern[] {
  const own: OutagePattern[] = [];
  for (const source of sources) {
    try {
      own.push({ pattern: new RegExp(source, 'giu'), stems: null });
    } catch {
      // The rule's options schema refuses an invalid pattern; a check never throws.
    }
  }
  // The built-in words live in the language module ("outage", "Ausfall", "panne").
  if (!isLanguage(lang)) return own;
  const { outage, outageStems } = languageModule(lang).checkWords;
  return [{ pattern: outage, stems: outageStems }, ...own];
}

function holdsAny(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (text.includes(part)) return true;
  return false;
}

/** The notice fields whose wording may say "outage": every text of the notice. */
const WORDING_FIELDS: readonly string[] = [...NOTICE_FIELDS, ...NOTICE_OPTIONAL_FIELDS];

/**
 * `notice-wording`: "outage" / "Ausfall" (and the project's own `words`) only when the service was
 * down (SEV1), not merely degraded.
 */
export function checkNoticeWording(
  pm: Postmortem,
  settings: Pick<NoticeSettings, 'languages'> = {},
  words: OutageWords = {},
): Finding[] {
  const severity = pm.data.severity;
  if (!noticeBlock(pm) || typeof severity !== 'string' || severity === 'SEV1') return [];
  const out: Finding[] = [];
  for (const lang of languagesOf(pm, settings)) {
    const patterns = outagePatterns(lang, words);
    if (patterns.length === 0) continue;
    // Each text once per language, not once per pattern. Plain loops: with `map` and `forEach` here,
    // V8 threw away its optimised code for this function ("wrong map") and compiled it again.
    const texts: string[] = [];
    for (const field of WORDING_FIELDS) texts.push(noticeText(pm, field, lang));
    for (const { pattern, stems } of patterns) {
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i] as string;
        if (text === '' || (stems !== null && !holdsAny(text.toLowerCase(), stems))) continue;
        for (const match of nonEmptyMatches(pattern, text)) {
          const found = match[0];
          const field = WORDING_FIELDS[i] as string;
          const suggestion = isLanguage(lang) ? languageModule(lang).checkWords.outageInstead : '"disruption"';
          out.push({
            message: `Expected ${suggestion} for a ${severity} incident (only SEV1 is a total outage), found "${found}" in \`notice.${field}.${lang}\`.`,
            ...textPosition(pm, `notice.${field}.${lang}`, found),
          });
        }
      }
    }
  }
  return out;
}
