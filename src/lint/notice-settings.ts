/**
 * The rule settings `notice`, `publish` and `new` read exactly as `lint` does (the same resolver),
 * and the notice's own view of them derived from those settings, so the two can never disagree.
 */
import type { LoadedConfig } from '../config/load.js';
import type { NoticeSettings } from '../notice/settings.js';
import { RULE_CATALOG } from './catalog.js';
import { resolveSettings } from './settings.js';
import type { LintSettings } from './types.js';

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
  // Each notice rule asks for every file, with the same settings: derived once while the settings and
  // the parts read from them are the same objects (settings are built once and then only read).
  const notice = settings.notice;
  const internal = settings.internalPatterns;
  if (last?.settings === settings && last.patterns === patterns && last.internal === internal && last.notice === notice)
    return last.derived;
  const derived = deriveNoticeSettings(settings, patterns);
  last = { settings, patterns, internal, notice, derived };
  return derived;
}

let last: {
  settings: LintSettings;
  patterns: unknown;
  internal: LintSettings['internalPatterns'];
  notice: LintSettings['notice'];
  derived: NoticeSettings;
} | null = null;

function deriveNoticeSettings(settings: LintSettings, patterns: unknown): NoticeSettings {
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
