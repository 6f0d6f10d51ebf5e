/**
 * The names of the languages the product speaks, apart from their modules (which are large) so
 * that the CLI's option table and the config schema can list and check them without loading any
 * language. index.ts holds a module for exactly these names; its type check keeps the two equal.
 */

const NAMES = ['en', 'de', 'fr'] as const;

/** A language the product can write notices in. */
export type Language = (typeof NAMES)[number];

/** Every language, in the order help texts and messages list them. */
export const LANGUAGES: readonly Language[] = NAMES;

/** True when `value` names a language the product has a module for. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
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
