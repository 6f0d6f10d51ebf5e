/**
 * Properties of the fact sentences over generated incidents (issue 18): windows across midnight and
 * daylight-saving changes, 1–5 services whose names contain "and"/"und"/"et", ongoing or ended, data
 * lost or not. Zone names and times are checked against Intl directly, not against the modules' code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageModule, type Language, type NoticeFacts } from '../../src/language/index.js';

const MINUTE = 60_000;
/** Minutes around the 2024 changes in Europe (Mar 31, Oct 27) and the US (Mar 10, Nov 3). */
const BASES = ['2024-03-30T20:00:00Z', '2024-10-26T20:00:00Z', '2024-03-09T20:00:00Z', '2024-11-02T20:00:00Z'].map(
  Date.parse,
);

/** How Intl names the zone at an instant, per language and zone: locale and style. */
const INTL_NAME: Record<Language, Record<string, [string, 'short' | 'long']>> = {
  en: { 'Europe/Berlin': ['en-GB', 'short'], 'America/New_York': ['en-US', 'short'] },
  de: { 'Europe/Berlin': ['de-DE', 'short'], 'America/New_York': ['de-DE', 'long'] },
  fr: { 'Europe/Berlin': ['fr-FR', 'long'], 'America/New_York': ['fr-FR', 'long'] },
};
const zoneAt = (lang: Language, zone: string, ms: number) => {
  const [locale, style] = INTL_NAME[lang][zone] as [string, 'short' | 'long'];
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value as string;
};
/** The time of day as Intl writes it, in the module's style. */
const timeAt = (lang: Language, zone: string, ms: number) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  const hour = Number(p.hour) % 24;
  if (lang === 'de') return `${hour}:${p.minute}`;
  // French writes "10 h" on the hour, never "10 h 00".
  if (lang === 'fr') return p.minute === '00' ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${p.minute}`;
  return `${String(hour).padStart(2, '0')}:${p.minute}`;
};

const NAMES = ['Sync and backups', 'Kasse und Konten', 'Photos et vidéos', 'Web app', 'API', 'Login'];
const UNITS: Record<Language, [RegExp, RegExp, RegExp]> = {
  en: [/(\d+) days?/, /(\d+) hours?/, /(\d+) minutes?/],
  de: [/(\d+) Tage?\b/, /(\d+) Stunden?/, /(\d+) Minuten?/],
  fr: [/(\d+) jours?/, /(\d+) heures?/, /(\d+) minutes?/],
};

const incident = fc.record({
  base: fc.constantFrom(...BASES),
  offsets: fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 3000 })), {
    minLength: 1,
    maxLength: 3,
  }),
  services: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 }),
  ongoing: fc.boolean(),
  dataLost: fc.boolean(),
  outage: fc.boolean(),
  zone: fc.constantFrom('Europe/Berlin', 'America/New_York'),
  lang: fc.constantFrom<Language>('en', 'de', 'fr'),
});

describe('fact sentences over generated incidents', () => {
  it('label every time with the zone in force at that instant, and give a duration that matches the times', () => {
    fc.assert(
      fc.property(incident, (i) => {
        let at = i.base;
        const spans = i.offsets.map(([gap, length]) => {
          const start = at + gap * MINUTE;
          at = start + length * MINUTE;
          return { start, end: at };
        });
        const facts: NoticeFacts = {
          outage: i.outage,
          services: i.services,
          spans: i.ongoing ? [] : spans,
          started: spans[0]?.start as number,
          impactMs: i.ongoing ? null : spans.reduce((sum, s) => sum + s.end - s.start, 0),
          dataLost: i.dataLost,
          dataInText: false,
        };
        const language = languageModule(i.lang);
        const locale = i.lang === 'en' ? 'en-GB' : language.defaultLocale;
        const sentences = language.facts(facts, { zone: { kind: 'iana', name: i.zone }, locale });
        const text = sentences.join(' ');
        // Whole sentences: the module's own splitter finds exactly these, none ending in an ordinal.
        expect(language.sentences(text)).toEqual(sentences);
        for (const s of sentences) expect(s).not.toMatch(/(\b\d{1,2}\.|\b(z\. B|e\.g|a\.m|p\. ex)\.?)$/);
        // Services read as a list of whole names.
        expect(text).toContain(language.list(i.services));
        const instants = i.ongoing ? [facts.started] : spans.flatMap((s) => [s.start, s.end]);
        const zones = instants.map((ms) => zoneAt(i.lang, i.zone, ms));
        for (const [k, ms] of instants.entries()) {
          const time = timeAt(i.lang, i.zone, ms);
          expect(text).toContain(time);
          if (new Set(zones).size > 1) expect(text).toContain(`${time}${i.lang === 'de' ? ' Uhr' : ''} (${zones[k]})`);
        }
        if (new Set(zones).size === 1) expect(text).toContain(`(${zones[0]})`);
        if (i.lang === 'fr') expect(text).not.toMatch(/\u00a0h\u00a000(?!\d)/);
        if (!i.ongoing) {
          const [d, h, m] = UNITS[i.lang].map((re) => Number(re.exec(sentences[0] as string)?.[1] ?? 0));
          expect(((d as number) * 24 * 60 + (h as number) * 60 + (m as number)) * MINUTE).toBe(facts.impactMs);
        }
        expect(text.includes('data') || text.includes('Daten') || text.includes('donnée')).toBe(!i.dataLost);
      }),
      { numRuns: 300 },
    );
  });
});
