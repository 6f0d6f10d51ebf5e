import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageModule } from '../../src/language/index.js';

/** The words of each language's outage pattern, as written and in the inflections and compounds it takes. */
const WORDS: Record<string, string[]> = {
  en: ['outage', 'outages'],
  de: ['Ausfall', 'Ausfälle', 'Ausfällen', 'Ausfalls', 'Ausfalles', 'Totalausfall', 'Plattform-Ausfälle'],
  fr: ['panne', 'pannes'],
};

/** Spellings the pattern's `giu` flags accept besides the plain ones: every case, long s and Kelvin sign. */
function spellings(word: string): string[] {
  const cases = [word, word.toLowerCase(), word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1).toLowerCase()];
  return cases.flatMap((w) => [w, w.replace(/s/g, 'ſ'), w.replace(/k/gi, 'K')]);
}

describe('outage stems: a text the check skips has no outage word', () => {
  it.each(LANGUAGES.map((lang) => [lang] as const))('%s: every match holds a stem of the lower-cased text', (lang) => {
    const { outage, outageStems } = languageModule(lang).checkWords;
    let matched = 0;
    for (const word of WORDS[lang] ?? []) {
      for (const spelling of spellings(word)) {
        const text = `Seit gestern: ${spelling}.`;
        outage.lastIndex = 0;
        if (!outage.test(text)) continue;
        matched += 1;
        const lower = text.toLowerCase();
        expect(
          outageStems.some((stem) => lower.includes(stem)),
          `${lang}: ${spelling}`,
        ).toBe(true);
      }
    }
    outage.lastIndex = 0;
    // The spellings do reach the pattern: the long s is one of them in German.
    expect(matched).toBeGreaterThan(WORDS[lang]!.length);
  });
});
