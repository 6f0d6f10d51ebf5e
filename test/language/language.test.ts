import { describe, expect, it } from 'vitest';
import { LANGUAGES, isLocaleOf, languageModule, type Language, type NoticeZone } from '../../src/language/index.js';
import { resolveNoticeZone } from '../../src/notice/zone.js';
import { datesInWords } from '../../src/notice/view.js';
import { isTimeZone } from '../../src/model/index.js';

const START = Date.parse('2017-09-21T14:02:00+02:00');
const WINTER = Date.parse('2017-01-10T14:02:00+01:00');
const iana = (name: string): NoticeZone => ({ kind: 'iana', name });
const place = (lang: Language, zone: NoticeZone, locale?: string) => ({
  zone,
  locale: locale ?? languageModule(lang).defaultLocale,
});

describe('the registry: the list of languages derives from the modules', () => {
  it('knows en, de and fr, each module naming its own code', () => {
    expect(LANGUAGES).toEqual(['en', 'de', 'fr']);
    for (const lang of LANGUAGES) expect(languageModule(lang).code).toBe(lang);
  });

  it.each([
    ['en', 'en-GB', true],
    ['de', 'de-CH', true],
    ['fr', 'fr-CH', true],
    ['en', 'de-CH', false],
    ['de', 'german', false],
    ['fr', 'fr_FR', false],
  ] as const)('isLocaleOf(%s, %s) is %s', (lang, locale, ok) => {
    expect(isLocaleOf(lang, locale)).toBe(ok);
  });
});

describe('moment: date, time and the zone name at that instant', () => {
  it.each([
    ['en', iana('Europe/Berlin'), undefined, 'September 21, 2017, 2:02 PM (CEST)'],
    ['en', iana('Europe/London'), 'en-GB', '21 September 2017 at 13:02 (BST)'],
    ['de', iana('Europe/Berlin'), undefined, '21. September 2017, 14:02 Uhr (MESZ)'],
    ['de', iana('Europe/Vienna'), 'de-AT', '21. September 2017, 14:02 Uhr (MESZ)'],
    ['fr', iana('Europe/Paris'), undefined, '21 septembre 2017 à 14\u00a0h\u00a002 (heure d’été d’Europe centrale)'],
    ['fr', iana('Europe/Zurich'), 'fr-CH', '21 septembre 2017 à 14:02 (heure d’été d’Europe centrale)'],
    ['en', iana('UTC'), undefined, 'September 21, 2017, 12:02 PM (UTC)'],
    ['de', iana('Pacific/Auckland'), undefined, '22. September 2017, 0:02 Uhr (Neuseeland-Normalzeit)'],
    // A fixed offset (from `started`), which Node 20's Intl cannot take as a zone.
    ['en', { kind: 'offset', minutes: 120 }, undefined, 'September 21, 2017, 2:02 PM (UTC+2)'],
    ['de', { kind: 'offset', minutes: 330 }, undefined, '21. September 2017, 17:32 Uhr (UTC+5:30)'],
    ['fr', { kind: 'offset', minutes: -300 }, undefined, '21 septembre 2017 à 7\u00a0h\u00a002 (UTC-5)'],
  ] as const)('%s in %j (%s)', (lang, zone, locale, expected) => {
    expect(languageModule(lang).moment(START, place(lang, zone, locale))).toBe(expected);
  });

  it('writes Jänner in Austria and the first of the month as 1er in French', () => {
    const jan1 = Date.parse('2024-01-01T12:00:00Z');
    expect(languageModule('de').day(jan1, place('de', iana('Europe/Vienna'), 'de-AT'))).toBe('1. Jänner 2024');
    expect(languageModule('fr').day(jan1, place('fr', iana('Europe/Paris')))).toBe('1er janvier 2024');
    expect(languageModule('en').day(jan1, place('en', iana('UTC'), 'en-GB'))).toBe('1 January 2024');
  });
});

describe('zoneName: as customers say it', () => {
  it.each([
    [START, 'de', iana('Europe/Berlin'), 'MESZ'],
    [WINTER, 'de', iana('Europe/Berlin'), 'MEZ'],
    [START, 'en', iana('Europe/Berlin'), 'CEST'],
    [WINTER, 'en', iana('Europe/Berlin'), 'CET'],
    [START, 'en', iana('America/New_York'), 'EDT'],
    [START, 'en', iana('Europe/London'), 'BST'],
    [START, 'de', iana('Etc/UTC'), 'UTC'],
    [START, 'fr', iana('UTC'), 'UTC'],
    [WINTER, 'fr', iana('Europe/Paris'), 'heure normale d’Europe centrale'],
    // No abbreviation people use: spelled out, never "GMT+9".
    [START, 'en', iana('Asia/Tokyo'), 'Japan Standard Time'],
    [START, 'de', iana('America/New_York'), 'Nordamerikanische Ostküsten-Sommerzeit'],
    [START, 'de', { kind: 'offset', minutes: 120 }, 'UTC+2'],
    [START, 'en', { kind: 'offset', minutes: 330 }, 'UTC+5:30'],
  ] as const)('%i %s %j is %s', (ms, lang, zone, expected) => {
    expect(languageModule(lang).zoneName(ms, place(lang, zone))).toBe(expected);
  });
});

describe('resolveNoticeZone: flag, the config zone of the language, file, config, then the offset of started', () => {
  const started = '2018-05-15T14:02:00+02:00';
  it.each([
    [
      { flag: 'Asia/Tokyo', configForLanguage: 'Europe/Berlin', file: 'Europe/Berlin', config: 'UTC', started },
      iana('Asia/Tokyo'),
      '--timezone',
    ],
    [
      { configForLanguage: 'America/Los_Angeles', file: 'Europe/Berlin', started },
      iana('America/Los_Angeles'),
      'notice.timezone',
    ],
    [{ file: 'Europe/Berlin', config: 'UTC', started }, iana('Europe/Berlin'), 'timezone'],
    [{ config: 'America/New_York', started }, iana('America/New_York'), 'notice.timezone'],
    [{ started }, { kind: 'offset', minutes: 120 }, 'started'],
    [{ file: '-05:00', config: 'UTC', started }, { kind: 'offset', minutes: -300 }, 'timezone'],
  ] as const)('%j', (candidates, zone, source) => {
    expect(resolveNoticeZone(candidates)).toEqual({ zone, source });
  });

  it('names the source of an unknown zone', () => {
    expect(resolveNoticeZone({ file: 'Mars/Olympus_Mons', config: 'UTC' })).toEqual({ invalid: 'timezone' });
  });
});

describe('duration: exact to the minute, in words', () => {
  const min = 60_000;
  it.each([
    [20 * 1000, 'less than a minute', 'weniger als eine Minute', 'moins d’une minute'],
    [1 * min, '1 minute', '1 Minute', '1 minute'],
    [75 * min, '1 hour and 15 minutes', '1 Stunde und 15 Minuten', '1 heure et 15 minutes'],
    [(3 * 60 + 3) * min, '3 hours and 3 minutes', '3 Stunden und 3 Minuten', '3 heures et 3 minutes'],
    [(23 * 60 + 3) * min, '23 hours and 3 minutes', '23 Stunden und 3 Minuten', '23 heures et 3 minutes'],
    [(24 * 60 + 50) * min, '1 day and 50 minutes', '1 Tag und 50 Minuten', '1 jour et 50 minutes'],
    [
      ((7 * 24 + 8) * 60 + 45) * min,
      '7 days, 8 hours and 45 minutes',
      '7 Tage, 8 Stunden und 45 Minuten',
      '7 jours, 8 heures et 45 minutes',
    ],
  ])('%i ms', (ms, en, de, fr) => {
    expect(languageModule('en').duration(ms)).toBe(en);
    expect(languageModule('de').duration(ms)).toBe(de);
    expect(languageModule('fr').duration(ms)).toBe(fr);
  });
});

describe('list: names stay whole, whatever they contain', () => {
  it.each([
    [
      'en',
      ['ticket purchases in the app', 'card and PayPal payments'],
      // Not "ticket purchases in the app and card and PayPal payments" (issue 18): the names' own "and" ends no item.
      'ticket purchases in the app; card and PayPal payments',
    ],
    ['en', ['A', 'B and C', 'D'], 'A; B and C; D'],
    ['en', ['A', 'B', 'C'], 'A, B and C'],
    ['de', ['Buchung', 'Wheelshare-App', 'Fahrtabrechnung'], 'Buchung, Wheelshare-App und Fahrtabrechnung'],
    ['fr', ['A', 'B'], 'A et B'],
  ] as const)('%s %j', (lang, items, expected) => {
    expect(languageModule(lang).list(items)).toBe(expected);
  });
});

describe('sentences: an ordinal, a date or an abbreviation ends none', () => {
  it.each([
    ['de', 'Bis zum 12. März erstatten wir alles. Wir bitten Sie um Entschuldigung.', 2],
    ['de', 'Wenn Sie am 14. Juni betroffen waren, z. B. beim Bezahlen, melden Sie sich. Danke.', 2],
    ['de', 'Das war seit 2019. Wir ändern das.', 2],
    ['en', 'We restored it at 9 a.m. Pacific time and e.g. Photos were kept. Thanks.', 2],
    ['en', 'It broke. "We are sorry." Really!', 3],
    ['fr', 'Nous avons tout restauré, p. ex. Vos photos. Merci.', 2],
  ] as const)('%s: %s', (lang, text, count) => {
    const sentences = languageModule(lang).sentences(text);
    expect(sentences).toHaveLength(count);
    expect(sentences.join(' ')).toBe(text);
  });
});

describe('datesInWords', () => {
  it.each([
    ['Service disruption on 2017-09-21', 'en', 'Service disruption on September 21, 2017'],
    ['Störung unseres Dienstes am 2017-09-21', 'de', 'Störung unseres Dienstes am 21. September 2017'],
    ['Perturbation le 2017-09-21', 'fr', 'Perturbation le 21 septembre 2017'],
    ['Release 2018-02-30 and 2018.20.1', 'en', 'Release 2018-02-30 and 2018.20.1'],
    ['At 2017-09-21T14:02 it broke', 'en', 'At 2017-09-21T14:02 it broke'],
  ] as const)('%s', (text, lang, expected) => {
    const language = languageModule(lang);
    expect(datesInWords(text, language, language.defaultLocale)).toBe(expected);
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('%s -> %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
});

describe('typeset: French typography over every text customers read', () => {
  const N = '\u202f';
  it.each([
    ['contactez notre service client : nous créditerons', `contactez notre service client${N}: nous créditerons`],
    ['Vraiment ? Oui ! Enfin ; voilà', `Vraiment${N}? Oui${N}! Enfin${N}; voilà`],
    ['le mode "hors ligne" reste actif', `le mode «${N}hors ligne${N}» reste actif`],
    ['le mode « hors ligne » et «\u00a0sync\u00a0»', `le mode «${N}hors ligne${N}» et «${N}sync${N}»`],
    // No space before the mark: a time or an address, left alone.
    ['à 14:02, voir https://example.com/?a=1', 'à 14:02, voir https://example.com/?a=1'],
  ])('fr: %j', (text, expected) => {
    expect(languageModule('fr').typeset(text)).toBe(expected);
  });

  it.each(['en', 'de'] as const)('%s: changes nothing', (lang) => {
    const text = 'Really? Yes: "offline" mode ; done !';
    expect(languageModule(lang).typeset(text)).toBe(text);
  });

  it('the generated French parts use the narrow space too: the colon of the services, the heading', () => {
    const fr = languageModule('fr');
    expect(fr.labels.whatHappened).toBe(`Que s’est-il passé${N}?`);
    expect(fr.subject('Relata', 'Perturbation')).toBe(`Relata${N}: Perturbation`);
  });
});

describe('facts: a window within one day names its day once, also among windows on other days', () => {
  const ny = iana('America/New_York');
  const spans = [
    { start: Date.parse('2024-03-05T22:50:00-05:00'), end: Date.parse('2024-03-05T23:30:00-05:00') },
    { start: Date.parse('2024-03-06T00:40:00-05:00'), end: Date.parse('2024-03-06T01:10:00-05:00') },
  ];
  const facts = {
    outage: false,
    services: ['export'],
    spans,
    started: spans[0]!.start,
    impactMs: 70 * 60_000,
    dataLost: false,
    dataInText: true,
  };
  it.each([
    [
      'en',
      'There was a disruption from 10:50 PM to 11:30 PM on March 5 and from 12:40 AM to 1:10 AM on March 6, 2024 (EST)',
    ],
    [
      'de',
      'Am 5. März 2024 von 22:50 bis 23:30 Uhr und am 6. März 2024 von 0:40 bis 1:10 Uhr (Nordamerikanische Ostküsten-Normalzeit)',
    ],
    [
      'fr',
      'Une perturbation a eu lieu le 5 mars 2024 de 22\u00a0h\u00a050 à 23\u00a0h\u00a030 et le 6 mars 2024 de 0\u00a0h\u00a040 à 1\u00a0h\u00a010',
    ],
  ] as const)('%s', (lang, expected) => {
    const first = languageModule(lang).facts(facts, place(lang, ny))[0] ?? '';
    expect(first.startsWith(expected)).toBe(true);
  });
});
