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
    ['fr', iana('Europe/Zurich'), 'fr-CH', '21 septembre 2017 à 14\u00a0h\u00a002 (heure d’été d’Europe centrale)'],
    ['fr', iana('America/Toronto'), 'fr-CA', '21 septembre 2017 à 8\u00a0h\u00a002 (heure avancée de l’Est)'],
    ['en', iana('UTC'), undefined, 'September 21, 2017, 12:02 PM (UTC)'],
    ['de', iana('Pacific/Auckland'), undefined, '22. September 2017, 0:02 Uhr (Neuseeland-Normalzeit)'],
    // A fixed offset (from `started`), which Node 20's Intl cannot take as a zone.
    ['en', { kind: 'offset', minutes: 120 }, undefined, 'September 21, 2017, 2:02 PM (UTC+2)'],
    ['de', { kind: 'offset', minutes: 330 }, undefined, '21. September 2017, 17:32 Uhr (UTC+5:30)'],
    ['fr', { kind: 'offset', minutes: -300 }, undefined, '21 septembre 2017 à 7\u00a0h\u00a002 (UTC-5)'],
  ] as const)('%s in %j (%s)', (lang, zone, locale, expected) => {
    expect(languageModule(lang).moment(START, place(lang, zone, locale))).toBe(expected);
  });

  it('writes Swiss German times with a full stop and no "ß" in the generated parts', () => {
    const de = languageModule('de');
    const zurich = place('de', iana('Europe/Zurich'), 'de-CH');
    const spans = [{ start: Date.parse('2024-03-05T20:50:00+01:00'), end: Date.parse('2024-03-05T21:30:00+01:00') }];
    const facts = { outage: true, services: ['Grossauftrag'], spans, started: spans[0]!.start, impactMs: 40 * 60_000 };
    expect(de.moment(START, zurich)).toBe('21. September 2017, 14.02 Uhr (MESZ)');
    expect(de.facts({ ...facts, dataLost: false, dataInText: false }, zurich)[0]).toBe(
      'Am 5. März 2024 kam es von 20.50 bis 21.30 Uhr (MEZ) zu einem Ausfall; er dauerte 40 Minuten.',
    );
    expect(de.moment(START, place('de', iana('Europe/Berlin'), 'de-DE'))).toBe('21. September 2017, 14:02 Uhr (MESZ)');
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
    // A name with an "und" of its own: "sowie" joins the last name, so two names never read as three.
    [
      'de',
      ['Ticketkauf in der App', 'Karten- und PayPal-Zahlungen'],
      'Ticketkauf in der App sowie Karten- und PayPal-Zahlungen',
    ],
    ['de', ['Kasse und Konten', 'API', 'Login'], 'Kasse und Konten, API sowie Login'],
    ['de', ['Rundfunk', 'Kundenkonten'], 'Rundfunk und Kundenkonten'],
    ['fr', ['A', 'B'], 'A et B'],
    [
      'fr',
      ['réservations', 'application Wheelshare', 'facturation des trajets'],
      'réservations, application Wheelshare et facturation des trajets',
    ],
    // A name that holds "et" would blur the list: French then lists with semicolons, as an enumeration after a colon.
    [
      'fr',
      ['achats de billets dans l’application', 'paiements par carte et PayPal'],
      'achats de billets dans l’application\u202f; paiements par carte et PayPal',
    ],
    ['fr', ['A', 'photos et vidéos', 'C'], 'A\u202f; photos et vidéos\u202f; C'],
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
    ['fr', 'Le remboursement arrivera le 5 janv. 2025 au plus tard. Merci.', 2],
    ['fr', 'Appelez le service client (tél. 01 23 45 67 89) si besoin. Merci.', 2],
    ['fr', 'Voir l’art. 5 de nos conditions générales. Merci.', 2],
    ['fr', 'Le 1er avril, M. Martin et Mme Roux vous ont écrit. Merci.', 2],
    // German abbreviations customers' texts use, each before a capital letter or a digit.
    ['de', 'Bei ca. 2 Mio. Kundinnen und Kunden sind Fotos verloren gegangen. Danke.', 2],
    ['de', 'Am 5. Jan. 2024 gingen Daten verloren. Danke.', 2],
    ['de', 'Das betraf u.a. Fotos und z. T. Kontakte, Adressen o. Ä. Wir melden uns.', 2],
    ['de', 'Sie erreichen Fr. Müller unter Tel. 030 1234 5678. Danke.', 2],
    ['de', 'Siehe Abs. 3 der AGB, Kosten zzgl. Versand usw. Wir erstatten sie.', 2],
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
    // A time the author typed keeps together: no line breaks inside "22 h 50".
    ['entre 22 h 50 et 23 h, puis à 0 h 40', 'entre 22\u00a0h\u00a050 et 23\u00a0h, puis à 0\u00a0h\u00a040'],
    // Nor a percentage: "23 %" never breaks before its sign.
    ['environ 23 % des données', `environ 23${N}% des données`],
  ])('fr: %j', (text, expected) => {
    expect(languageModule('fr').typeset(text)).toBe(expected);
  });

  it.each([
    ['contactez notre service client : nous créditerons', 'contactez notre service client\u00a0: nous créditerons'],
    ['Vraiment ? Oui ! Enfin ; voilà', `Vraiment${N}? Oui${N}! Enfin${N}; voilà`],
    ['le mode "hors ligne" et «\u202fsync\u202f»', 'le mode «\u00a0hors ligne\u00a0» et «\u00a0sync\u00a0»'],
    // The generated parts are written with the narrow space: Canadian French widens the colon's.
    [`Services concernés${N}: A et B.`, 'Services concernés\u00a0: A et B.'],
  ])('fr-CA (OQLF): a full no-break space before the colon and inside « »: %j', (text, expected) => {
    const fr = languageModule('fr');
    expect(fr.typeset(text, 'fr-CA')).toBe(expected);
    expect(fr.typeset(expected, 'fr-CA')).toBe(expected);
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
      // French names the night once: « dans la nuit du 5 au 6 mars ».
      'Dans la nuit du 5 au 6 mars 2024, une perturbation a eu lieu de 22\u00a0h\u00a050 à 23\u00a0h\u00a030 et de 0\u00a0h\u00a040 à 1\u00a0h\u00a010',
    ],
  ] as const)('%s', (lang, expected) => {
    const first = languageModule(lang).facts(facts, place(lang, ny))[0] ?? '';
    expect(first.startsWith(expected)).toBe(true);
  });
});

describe('fr: the facts as a French notice writes them (read in the snapshots, issue 18)', () => {
  const fr = languageModule('fr');
  // The no-break spaces of "14 h 02" and "21 h", written as plain spaces above for reading.
  const H = (text: string) => text.replace(/(\d) h (\d)/g, '$1\u00a0h\u00a0$2').replace(/(\d) h\b/g, '$1\u00a0h');
  const span = (start: string, end: string) => ({ start: Date.parse(start), end: Date.parse(end) });
  const facts = (spans: Array<{ start: number; end: number }>, outage = false) => ({
    outage,
    services: ['export'],
    spans,
    started: spans[0]!.start,
    impactMs: spans.reduce((sum, s) => sum + s.end - s.start, 0),
    dataLost: false,
    dataInText: true,
  });
  it.each([
    [
      'a night across the change to winter time names the night once, each time with its zone',
      [span('2024-10-26T23:40:00+02:00', '2024-10-27T02:40:00+01:00')],
      true,
      'Dans la nuit du 26 au 27 octobre 2024, une panne a eu lieu de 23 h 40 (heure d’été d’Europe centrale) ' +
        'à 2 h 40 (heure normale d’Europe centrale), soit 4 heures.',
    ],
    [
      'a night across two months; an hour on the hour is "21 h", not "21 h 00"',
      [span('2023-03-31T21:00:00+02:00', '2023-04-01T01:30:00+02:00')],
      false,
      'Dans la nuit du 31 mars au 1er avril 2023, une perturbation a eu lieu de 21 h à 1 h 30 ' +
        '(heure d’été d’Europe centrale), soit 4 heures et 30 minutes.',
    ],
    [
      'across days within a year, the year is named once, at the end',
      [span('2021-11-16T22:07:00+01:00', '2021-11-17T21:10:00+01:00')],
      true,
      'Une panne a eu lieu du 16 novembre à 22 h 07 au 17 novembre 2021 à 21 h 10 ' +
        '(heure normale d’Europe centrale), soit 23 heures et 3 minutes.',
    ],
    [
      'across the new year, both years stay',
      [span('2023-12-31T10:00:00+01:00', '2024-01-02T10:00:00+01:00')],
      false,
      'Une perturbation a eu lieu du 31 décembre 2023 à 10 h au 2 janvier 2024 à 10 h ' +
        '(heure normale d’Europe centrale), soit 2 jours.',
    ],
    [
      'windows on two days that are not one night: each day once, the year once',
      [
        span('2024-03-05T14:00:00+01:00', '2024-03-05T15:00:00+01:00'),
        span('2024-03-06T10:00:00+01:00', '2024-03-06T10:30:00+01:00'),
      ],
      false,
      'Une perturbation a eu lieu le 5 mars de 14 h à 15 h et le 6 mars 2024 de 10 h à 10 h 30 ' +
        '(heure normale d’Europe centrale), soit 1 heure et 30 minutes au total.',
    ],
  ] as const)('%s', (_name, spans, outage, expected) => {
    const first = fr.facts(facts([...spans], outage), place('fr', iana('Europe/Paris')))[0];
    expect(first).toBe(H(expected));
  });
});

describe('fr: speaksOfDataLoss finds every way a French author says data is gone', () => {
  it.each([
    ['Pour certains clients, une partie des données est définitivement perdue.', true],
    ['Certaines photos ont disparu et sont irrécupérables.', true],
    ['Les brouillons n’ont pas été conservés.', true],
    ['Vos brouillons n’ont pas été enregistrés.', true],
    ['Les modifications n’ont pas pu être sauvegardées.', true],
    ['Nous avons constaté une perte de données pour 3 % des comptes.', true],
    ['Les exports prenaient jusqu’à 20 minutes.', false],
    ['Les pages ont affiché une erreur.', false],
  ] as const)('%s', (sentence, speaks) => {
    expect(languageModule('fr').speaksOfDataLoss(sentence)).toBe(speaks);
  });
});

describe('fr: leansBack finds a sentence that cannot stand alone on a status page', () => {
  it.each([
    ['Ces brouillons n’ont pas pu être récupérés.', true],
    ['Cette perte concerne environ 200 clients.', true],
    ['Celles-ci sont définitivement perdues.', true],
    ['En revanche, vos photos ont été perdues.', true],
    ['Cependant, certaines données sont perdues.', true],
    ['Le reste, environ 23 % des données concernées, est définitivement perdu.', true],
    ['Environ 23 % des données concernées sont définitivement perdues.', false],
    ['Certains brouillons n’ont pas été conservés.', false],
  ] as const)('%s', (sentence, leans) => {
    expect(languageModule('fr').leansBack(sentence)).toBe(leans);
  });
});

describe('facts: the incident closed days later', () => {
  const berlin = iana('Europe/Berlin');
  const spans = [{ start: Date.parse('2021-11-16T22:07:00+01:00'), end: Date.parse('2021-11-17T21:10:00+01:00') }];
  const facts = {
    outage: true,
    services: ['Korbwerk-Shop'],
    spans,
    started: spans[0]!.start,
    impactMs: spans[0]!.end - spans[0]!.start,
    resolvedLater: Date.parse('2021-11-20T12:00:00+01:00'),
    dataInText: true,
  };
  it.each([
    ['de', false, 'Vollständig behoben war der Vorfall am 20. November 2021.'],
    // Customers who lost data read no "fully fixed": the incident was closed, their data is not back.
    ['de', true, 'Abgeschlossen war der Vorfall am 20. November 2021.'],
    ['en', false, 'The incident was fully resolved on November 20, 2021.'],
    ['en', true, 'The incident was closed on November 20, 2021.'],
    ['fr', false, 'L’incident a été entièrement résolu le 20 novembre 2021.'],
    ['fr', true, 'L’incident a été clos le 20 novembre 2021.'],
  ] as const)('%s, data lost: %s', (lang, dataLost, expected) => {
    expect(languageModule(lang).facts({ ...facts, dataLost }, place(lang, berlin))).toContain(expected);
  });
});

describe('speaksOfDataLoss: the German words for data that is gone', () => {
  it.each([
    ['Ihre Fotos aus dieser Zeit sind unwiederbringlich weg.', true],
    ['Neuere Einträge wurden beim Zurückspielen überschrieben.', true],
    ['Rechnungsentwürfe wurden nicht gespeichert.', true],
    ['Die App war für drei Stunden nicht erreichbar.', false],
  ])('%s -> %s', (sentence, data) => {
    expect(languageModule('de').speaksOfDataLoss(sentence)).toBe(data);
  });
});

describe('assuresData: a sentence that says the data is safe, in every language', () => {
  it.each([
    ['en', 'Your data is safe.', true],
    ['en', 'All customer data remained intact.', true],
    ['en', 'Your data was not affected.', true],
    ['en', 'The app was unavailable for three hours.', false],
    ['en', 'We are sending the data export again.', false],
    ['de', 'Ihre Daten sind sicher.', true],
    ['de', 'Alle Kundendaten sind vollständig erhalten.', true],
    ['de', 'Ihre Daten waren nicht betroffen.', true],
    ['de', 'Sie erhalten Ihre Daten per E-Mail.', false],
    ['de', 'Die Datenbank war nicht erreichbar.', false],
    ['fr', 'Vos données sont en sécurité.', true],
    ['fr', 'Vos données n’ont pas été touchées.', true],
    ['fr', 'L’application était indisponible pendant trois heures.', false],
  ] as const)('%s: %s -> %s', (lang, sentence, safe) => {
    expect(languageModule(lang).assuresData(sentence)).toBe(safe);
  });
});

describe('facts: a date and time in German is an apposition, closed by a comma on both ends of a range', () => {
  it.each([
    [
      [['2024-10-26T23:40:00+02:00', '2024-10-27T02:20:00+01:00']],
      'Vom 26. Oktober 2024, 23:40 Uhr (MESZ), bis zum 27. Oktober 2024, 2:20 Uhr (MEZ), kam es zu einer Störung;',
    ],
    [
      [
        ['2024-03-05T23:50:00+01:00', '2024-03-06T00:30:00+01:00'],
        ['2024-03-06T02:00:00+01:00', '2024-03-06T02:30:00+01:00'],
      ],
      'Vom 5. März 2024, 23:50 Uhr, bis zum 6. März 2024, 0:30 Uhr und am 6. März 2024 von 2:00 bis 2:30 Uhr (MEZ) kam es zu',
    ],
  ])('%j', (windows, expected) => {
    const spans = windows.map(([a, b]) => ({ start: Date.parse(a!), end: Date.parse(b!) }));
    const facts = {
      outage: false,
      services: ['A'],
      spans,
      started: spans[0]!.start,
      impactMs: 1,
      dataLost: false,
      dataInText: true,
    };
    const first = languageModule('de').facts(facts, place('de', iana('Europe/Berlin')))[0] ?? '';
    expect(first.slice(0, expected.length)).toBe(expected);
  });
});
