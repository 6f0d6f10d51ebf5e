/**
 * The languages the product speaks to customers: one module each. The list of languages, the
 * `Language` type and every language check derive from this registry; adding a language is
 * adding its module here.
 */
import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { LanguageModule } from './types.js';

const MODULES = { en, de, fr } as const satisfies Record<string, LanguageModule>;

/** A language the product can write notices in. */
export type Language = keyof typeof MODULES;

/** Every language, in the order help texts and messages list them. */
export const LANGUAGES = Object.keys(MODULES) as readonly Language[];

/** True when `value` names a language the product has a module for. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(MODULES, value);
}

/** The module of a language. */
export function languageModule(lang: Language): LanguageModule {
  return MODULES[lang];
}

/** Text in each language, as in `{ "en": "...", "de": "..." }`; a language may be left out. */
export type LanguageText = Partial<Record<Language, string>>;

/**
 * True when `locale` is a locale of `lang` that Intl knows ("en-GB" for en, "de-CH" for de), as
 * `notice.locale` maps them.
 */
export function isLocaleOf(lang: Language, locale: unknown): locale is string {
  if (typeof locale !== 'string') return false;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    return (
      canonical === locale &&
      new Intl.Locale(locale).language === lang &&
      Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0
    );
  } catch {
    return false;
  }
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
