/**
 * The languages the product speaks to customers: one module each. The list of languages, the
 * `Language` type and the language checks live in names.ts (light, for the option table and the
 * config schema); adding a language is adding its name there and its module here.
 */
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { Language } from './names.js';
import type { LanguageModule } from './types.js';

// Exactly one module per name in names.ts: a missing or an extra language fails the type check.
const MODULES: Record<Language, LanguageModule> = { en, de, fr };

export { LANGUAGES, isLanguage, isLocaleOf, type Language, type LanguageText } from './names.js';

/** The module of a language. */
export function languageModule(lang: Language): LanguageModule {
  return MODULES[lang];
}

export type {
  CheckWords,
  LanguageModule,
  NoticeFacts,
  StatusDraftFacts,
  Place,
  ImpactSpan,
  NoticeLabels,
  DraftWords,
} from './types.js';
export type { NoticeZone } from './clock.js';
