/**
 * What the notice checks and renderer take from the project config. `notice`, `publish` and `new`
 * read the rule settings exactly as `lint` does (the same resolver), and the notice's own view of
 * them is derived from those settings, so the two can never disagree.
 */
import type { LoadedConfig } from '../config/load.js';
import type { LanguageText } from '../language/index.js';
import { RULE_CATALOG } from '../lint/catalog.js';
import { resolveSettings } from '../lint/settings.js';
import type { LintSettings } from '../lint/types.js';

/** The settings every notice check and the notice view receive: `(pm, settings) => findings`. */
export interface NoticeSettings {
  /** Languages to check; all that the notice declares when not given. */
  languages?: readonly string[];
  /** Patterns of internal text: the config's `internalPatterns` and `notice-leak` rule patterns. */
  internalPatterns: readonly string[];
  company?: string;
  /** One zone for every reader, or a zone per language (the zone those readers live in). */
  timezone?: string | LanguageText;
  /** The locale per language (date style and spelling of the generated parts): `{ "en": "en-GB" }`. */
  locale?: LanguageText;
  signature: LanguageText;
  services: Record<string, LanguageText>;
  /** E-mail addresses the config declares public: `notice-leak` does not report them. */
  publicContacts?: readonly string[];
}

/** Notice settings with nothing configured. */
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  internalPatterns: [],
  signature: {},
  services: {},
};

/**
 * The rule settings `lint` would use with this config and no `--rule` flags: default levels, the
 * config's `rules`, `internalPatterns` and `notice` block. Throws ConfigError for an unknown rule id.
 */
export function ruleSettingsOf(loaded: LoadedConfig = { path: null, config: {} }, now = new Date()): LintSettings {
  return resolveSettings(RULE_CATALOG, loaded, [], now);
}

/**
 * The notice's view of the rule settings: the leak patterns are `internalPatterns` plus the
 * `notice-leak` rule's `patterns` option (as the rule reads them), the rest is the config's `notice` block.
 */
export function noticeSettingsOf(settings: LintSettings): NoticeSettings {
  const patterns = settings.rules['notice-leak']?.options.patterns;
  const extra = Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string') : [];
  const notice = settings.notice;
  return {
    internalPatterns: [...settings.internalPatterns, ...extra],
    ...(notice?.languages ? { languages: notice.languages } : {}),
    ...(notice?.company !== undefined ? { company: notice.company } : {}),
    ...(notice?.timezone !== undefined ? { timezone: notice.timezone } : {}),
    ...(notice?.locale !== undefined ? { locale: notice.locale } : {}),
    signature: notice?.signature ?? {},
    services: notice?.services ?? {},
    ...(notice?.publicContacts ? { publicContacts: notice.publicContacts } : {}),
  };
}
