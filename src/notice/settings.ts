/**
 * What the notice checks and renderer take from the project config. `lint/notice-settings.ts` derives
 * it from the rule settings `lint` resolves, so the two can never disagree; this folder never imports
 * `lint` (lint's rules call the checks here, one direction only).
 */
import type { LanguageText } from '../language/index.js';

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
