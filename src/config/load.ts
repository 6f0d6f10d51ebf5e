import { basename, dirname, join, resolve } from 'node:path';
import { FileReadError, readTextBounded } from '../model/bounded-read.js';
import type { FormatOptions } from '../model/index.js';
import { RuntimeError } from '../model/errors.js';
import { isRecord } from '../model/guards.js';
import { isTimeZone } from '../model/timezone.js';
import { LANGUAGES, isLanguage, isLocaleOf, type LanguageText } from '../language/index.js';
import { backtrackingProblem, patternsOf, type ConfigPattern } from './pattern-safety.js';

/** A rule's severity as written in a config file; 0, 1, 2 are accepted as off, warn, error. */
export type RuleSeverity = 'off' | 'warn' | 'error';

/** A rule's setting: a severity, or a severity and the rule's options. */
export type RuleSetting = RuleSeverity | [RuleSeverity, Record<string, unknown>?];

/** Text in each notice language, as in `{ "en": "...", "de": "..." }`; a language may be left out. */
export type { LanguageText } from '../language/index.js';

/** The config's `notice` block: the company's voice and names for customers. */
export interface NoticeConfig {
  /** The company's name as customers know it. */
  company?: string;
  /**
   * An IANA zone for notices when neither `--timezone` nor the file's `timezone` names one, or a zone
   * per language (`{"de": "Europe/Berlin", "en": "America/New_York"}`), which wins over the file's.
   */
  timezone?: string | LanguageText;
  /** A locale per language for the date style and spelling of the generated parts (`{"en": "en-GB"}`). */
  locale?: LanguageText;
  /** How e-mails are signed, per language. */
  signature?: LanguageText;
  /** Display names of service ids, per language. */
  services?: Record<string, LanguageText>;
  /** E-mail addresses customers may write to (a support address): `notice-leak` lets them through. */
  publicContacts?: string[];
}

/** The project configuration (`.postmortemrc.json` or the `postmortem` key of `package.json`). */
export interface PostmortemConfig {
  rules?: Record<string, RuleSetting>;
  categories?: string[];
  sections?: string[];
  internalPatterns?: string[];
  /** Globs of files that `lint` skips. */
  ignores?: string[];
  notice?: NoticeConfig;
  /** `postmortem timeline`: handles, ids or names mapped to the role written instead of them. */
  timeline?: { roles?: Record<string, string> };
}

/** A configuration and the file it came from (null when none was found). */
export interface LoadedConfig {
  path: string | null;
  config: PostmortemConfig;
}

/** An invalid configuration; the message names the file and the key. A runtime failure (exit 2). */
export class ConfigError extends RuntimeError {
  constructor(
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

const RC_NAME = '.postmortemrc.json';
const NUMERIC_SEVERITY: Record<number, RuleSeverity> = { 0: 'off', 1: 'warn', 2: 'error' };
const KNOWN_KEYS = new Set([
  'rules',
  'categories',
  'sections',
  'internalPatterns',
  'ignores',
  'notice',
  'timeline',
  '$schema',
]);
const NOTICE_KEYS = ['company', 'timezone', 'locale', 'signature', 'services', 'publicContacts'];

type Fail = (key: string, expected: string, found: unknown) => never;

/** Checks `{en, de}` text: an object whose keys are notice languages and whose values are non-empty text. */
function languageText(value: unknown, key: string, fail: Fail): LanguageText {
  if (!isRecord(value)) return fail(key, 'an object such as {"en": "...", "de": "..."}', value);
  const out: LanguageText = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!isLanguage(lang)) return fail(`${key}.${lang}`, `a notice language (${LANGUAGES.join(', ')})`, lang);
    if (typeof text !== 'string' || text.trim() === '') fail(`${key}.${lang}`, 'non-empty text', text);
    out[lang] = text;
  }
  return out;
}

/** Checks the `notice` block: known keys only, each of the right type. */
function noticeConfig(raw: unknown, fail: Fail): NoticeConfig {
  if (!isRecord(raw)) return fail('notice', `an object with ${NOTICE_KEYS.join(', ')}`, raw);
  for (const key of Object.keys(raw)) {
    if (!NOTICE_KEYS.includes(key)) fail(`notice.${key}`, `one of the keys ${NOTICE_KEYS.join(', ')}`, key);
  }
  const out: NoticeConfig = {};
  if (raw.company !== undefined) {
    if (typeof raw.company !== 'string' || raw.company.trim() === '')
      fail('notice.company', 'non-empty text', raw.company);
    out.company = raw.company;
  }
  if (raw.timezone !== undefined) {
    const zone = 'an IANA time zone such as Europe/Berlin or UTC';
    if (isRecord(raw.timezone)) {
      const zones = languageText(raw.timezone, 'notice.timezone', fail);
      for (const [lang, name] of Object.entries(zones)) {
        if (!isTimeZone(name)) fail(`notice.timezone.${lang}`, zone, name);
      }
      out.timezone = zones;
    } else {
      if (typeof raw.timezone !== 'string' || !isTimeZone(raw.timezone))
        fail(
          'notice.timezone',
          `${zone}, or an object of languages to zones such as {"de": "Europe/Berlin"}`,
          raw.timezone,
        );
      out.timezone = raw.timezone;
    }
  }
  if (raw.locale !== undefined) {
    const locales = languageText(raw.locale, 'notice.locale', fail);
    for (const [lang, locale] of Object.entries(locales)) {
      if (!isLanguage(lang) || !isLocaleOf(lang, locale))
        fail(
          `notice.locale.${lang}`,
          `a locale of the language ${lang}, such as ${lang}-${lang === 'en' ? 'GB' : 'CH'}`,
          locale,
        );
    }
    out.locale = locales;
  }
  if (raw.signature !== undefined) out.signature = languageText(raw.signature, 'notice.signature', fail);
  if (raw.services !== undefined) {
    if (!isRecord(raw.services))
      fail('notice.services', 'an object of service ids to {"en": "...", "de": "..."}', raw.services);
    out.services = {};
    for (const [id, names] of Object.entries(raw.services)) {
      out.services[id] = languageText(names, `notice.services.${id}`, fail);
    }
  }
  if (raw.publicContacts !== undefined) {
    if (!Array.isArray(raw.publicContacts))
      fail('notice.publicContacts', 'a list of e-mail addresses such as ["service@example.com"]', raw.publicContacts);
    out.publicContacts = (raw.publicContacts as unknown[]).map((entry, i) => {
      if (typeof entry !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(entry))
        fail(`notice.publicContacts[${i}]`, 'an e-mail address such as "service@example.com"', entry);
      return entry;
    });
  }
  return out;
}

/** Checks the `timeline` block: `roles` maps handles, ids or names to non-empty role text. */
function timelineConfig(raw: unknown, fail: Fail): { roles?: Record<string, string> } {
  if (!isRecord(raw)) return fail('timeline', 'an object with roles', raw);
  for (const key of Object.keys(raw)) if (key !== 'roles') fail(`timeline.${key}`, 'the key roles', key);
  if (raw.roles === undefined) return {};
  if (!isRecord(raw.roles))
    return fail(
      'timeline.roles',
      'an object of handles or names to roles, e.g. {"U123": "the on-call engineer"}',
      raw.roles,
    );
  const roles: Record<string, string> = {};
  for (const [who, role] of Object.entries(raw.roles)) {
    if (who.trim() === '') fail('timeline.roles', 'non-empty handles or names', who);
    if (typeof role !== 'string' || role.trim() === '') fail(`timeline.roles.${who}`, 'non-empty text (a role)', role);
    roles[who] = String(role).trim();
  }
  return { roles };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? typeof value;
}

function normaliseSeverity(value: unknown): RuleSeverity | null {
  if (typeof value === 'number') return NUMERIC_SEVERITY[value] ?? null;
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  if (value === 'warning') return 'warn';
  return null;
}

/** Checks the shape of a config and normalises numeric severities; throws ConfigError naming file and key. */
function validateConfig(raw: unknown, file: string): PostmortemConfig {
  const fail = (key: string, expected: string, found: unknown): never => {
    throw new ConfigError(`${file}: \`${key}\`: expected ${expected}, found ${describe(found)}.`, file);
  };
  if (!isRecord(raw)) return fail('(root)', 'an object', raw);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key))
      fail(key, `one of the keys ${[...KNOWN_KEYS].filter((k) => k !== '$schema').join(', ')}`, key);
  }
  const config: PostmortemConfig = {};
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) fail('rules', 'an object of rule ids to severities', raw.rules);
    const rules: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
      const key = `rules.${id}`;
      if (Array.isArray(setting)) {
        const severity = normaliseSeverity(setting[0]);
        if (!severity) fail(`${key}[0]`, '"off", "warn" or "error"', setting[0]);
        if (setting.length > 2) fail(key, '[severity, options]', setting);
        if (setting[1] !== undefined && !isRecord(setting[1])) fail(`${key}[1]`, 'an options object', setting[1]);
        rules[id] =
          setting[1] === undefined
            ? [severity as RuleSeverity]
            : [severity as RuleSeverity, setting[1] as Record<string, unknown>];
      } else {
        const severity = normaliseSeverity(setting);
        if (!severity) fail(key, '"off", "warn", "error" or ["error", {options}]', setting);
        rules[id] = severity as RuleSeverity;
      }
    }
    config.rules = rules;
  }
  for (const key of ['categories', 'sections', 'internalPatterns'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) fail(key, 'a list of strings', value);
    (value as unknown[]).forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.trim() === '') fail(`${key}[${i}]`, 'non-empty text', entry);
    });
    config[key] = [...(value as string[])];
  }
  if (raw.notice !== undefined) config.notice = noticeConfig(raw.notice, fail);
  if (raw.timeline !== undefined) config.timeline = timelineConfig(raw.timeline, fail);
  if (raw.ignores !== undefined) {
    if (!Array.isArray(raw.ignores)) fail('ignores', 'a list of globs', raw.ignores);
    (raw.ignores as unknown[]).forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.trim() === '') fail(`ignores[${i}]`, 'a glob (non-empty text)', entry);
    });
    config.ignores = [...(raw.ignores as string[])];
  }
  config.internalPatterns?.forEach((source, i) => {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      fail(`internalPatterns[${i}]`, `a valid regular expression (${(error as Error).message})`, source);
    }
  });
  return config;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readTextBounded(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (error instanceof FileReadError)
      throw new ConfigError(
        `${file}: expected a config file (a regular file of at most 5 MB), found ${error.reason}.`,
        file,
      );
    throw new ConfigError(`${file}: cannot read: ${(error as Error).message}`, file);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${file}: expected valid JSON, found a syntax error: ${(error as Error).message}`, file);
  }
}

async function fromFile(file: string): Promise<LoadedConfig | undefined> {
  const json = readJson(file);
  if (json === undefined) return undefined;
  if (basename(file) === 'package.json') {
    if (!isRecord(json) || json.postmortem === undefined) return undefined;
    const name = `${file} (key "postmortem")`;
    const config = validateConfig(json.postmortem, name);
    await refuseSlowPatterns(patternsOf(config), name, file);
    return { path: file, config };
  }
  const config = validateConfig(json, file);
  await refuseSlowPatterns(patternsOf(config), file, file);
  return { path: file, config };
}

/**
 * Refuses patterns that could hang lint on a crafted text: a ConfigError naming the file (`name`),
 * the key and the pattern. `checkRuleOptions` calls it for the patterns in rule options.
 */
export async function refuseSlowPatterns(
  patterns: readonly ConfigPattern[],
  name: string,
  file: string | null,
): Promise<void> {
  if (patterns.length === 0) return;
  const problems = await Promise.all(patterns.map((p) => backtrackingProblem(p.source)));
  problems.forEach((problem, i) => {
    const { key, source } = patterns[i] as ConfigPattern;
    if (problem)
      throw new ConfigError(
        `${name}: \`${key}\`: expected a pattern that cannot backtrack catastrophically, found ${JSON.stringify(source)}, ` +
          `which can hang lint: ${problem}. Rewrite it without nested or overlapping repetition, e.g. (\\w+\\s?)+ as [\\w\\s]+.`,
        file,
      );
  });
}

/**
 * Loads the project config: `configPath` when given, else the nearest `.postmortemrc.json` or
 * `package.json` with a `postmortem` key from `cwd` upwards. No config means the defaults.
 */
export async function loadConfig(options: { cwd: string; configPath?: string }): Promise<LoadedConfig> {
  if (options.configPath) {
    const file = resolve(options.cwd, options.configPath);
    const found = await fromFile(file);
    if (found) return found;
    if (basename(file) === 'package.json' && readJson(file) !== undefined) {
      throw new ConfigError(`${file}: expected a "postmortem" key, found none.`, file);
    }
    throw new ConfigError(`${file}: no such config file. Check the path given to --config.`, file);
  }
  let dir = resolve(options.cwd);
  for (;;) {
    const found = (await fromFile(join(dir, RC_NAME))) ?? (await fromFile(join(dir, 'package.json')));
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return { path: null, config: {} };
    dir = parent;
  }
}

/** What the project's config changes in the file format: its extra categories and its sections. */
export function formatOptionsOf(config: PostmortemConfig): FormatOptions {
  return {
    ...(config.categories ? { categories: config.categories } : {}),
    ...(config.sections ? { sections: config.sections, requiredSections: config.sections } : {}),
  };
}
