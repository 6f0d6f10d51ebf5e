/** What the notice checks and renderer take from the project config, in one plain object. */
import type { LanguageText, PostmortemConfig, RuleSeverity } from '../config/load.js';

/** The settings every notice check receives: `(pm, settings) => findings`. */
export interface NoticeSettings {
  /** Languages to check; all that the notice declares when not given. */
  languages?: readonly string[];
  /** Patterns of internal text: the config's `internalPatterns` and `notice-leak` rule patterns. */
  internalPatterns: readonly string[];
  company?: string;
  timezone?: string;
  signature: LanguageText;
  services: Record<string, LanguageText>;
  /** Severities the config sets for notice check ids (`"notice-leak": "off"`), as lint reads them. */
  levels: Record<string, RuleSeverity>;
}

/** Notice settings with nothing configured. */
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  internalPatterns: [],
  signature: {},
  services: {},
  levels: {},
};

/**
 * Reads the notice settings from a project config the way lint reads its rules: the leak patterns
 * are `internalPatterns` plus the `notice-leak` rule's `patterns` option, and a rule set to "off"
 * or "warn" in `rules` is off or a warning for `notice` too.
 */
export function noticeSettingsOf(config: PostmortemConfig): NoticeSettings {
  const levels: Record<string, RuleSeverity> = {};
  const extra: string[] = [];
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const [level, options] = Array.isArray(setting) ? setting : [setting, undefined];
    levels[id] = level;
    if (id === 'notice-leak' && Array.isArray(options?.patterns)) {
      extra.push(...options.patterns.filter((p): p is string => typeof p === 'string'));
    }
  }
  const notice = config.notice ?? {};
  return {
    internalPatterns: [...(config.internalPatterns ?? []), ...extra],
    ...(notice.company ? { company: notice.company } : {}),
    ...(notice.timezone ? { timezone: notice.timezone } : {}),
    signature: notice.signature ?? {},
    services: notice.services ?? {},
    levels,
  };
}
