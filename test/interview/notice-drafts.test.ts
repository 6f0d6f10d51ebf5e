import { describe, expect, it } from 'vitest';
import { noticeDrafts, validateNoticeText } from '../../src/interview/index.js';
import { statusDraft } from '../../src/interview/notice-drafts.js';
import { LANGUAGES } from '../../src/language/index.js';
import { ROOT_CAUSE_CATEGORIES, SEVERITIES } from '../../src/model/index.js';

const BASE = {
  started: '2024-03-01T14:02:00+01:00',
  mitigated: '2024-03-01T17:02:00+01:00',
  impact: { customers_affected: 100, data_loss: false },
};

describe('the suggested customer wording fits the severity', () => {
  it.each([
    [
      'SEV1',
      'For 3 hours, our service was unavailable for you.',
      '3 Stunden lang war unser Dienst für Sie nicht erreichbar.',
    ],
    [
      'SEV2',
      'For 3 hours, important parts of our service were unavailable for you.',
      '3 Stunden lang waren wichtige Teile unseres Dienstes für Sie nicht erreichbar.',
    ],
    [
      'SEV3',
      'For 3 hours, parts of our service were slow or partly unavailable for you.',
      '3 Stunden lang waren Teile unseres Dienstes für Sie langsam oder teilweise nicht erreichbar.',
    ],
    [
      'SEV4',
      'For 3 hours, parts of our service were slower than usual for you.',
      '3 Stunden lang waren Teile unseres Dienstes für Sie langsamer als gewohnt.',
    ],
  ])('%s', (severity, en, de) => {
    const drafts = noticeDrafts({ ...BASE, severity });
    expect(drafts.customer_impact.en).toBe(`${en} No data was lost.`);
    expect(drafts.customer_impact.de).toBe(`${de} Es sind keine Daten verloren gegangen.`);
    expect(validateNoticeText(drafts.customer_impact.en)).toBe(true);
  });

  it('leaves the duration out when there is none', () => {
    expect(noticeDrafts({ severity: 'SEV1' }).customer_impact.en).toBe(
      'Our service was unavailable for you. No data was lost.',
    );
  });
});

describe('the suggestions state no fact the engineer did not give', () => {
  const cases = [...ROOT_CAUSE_CATEGORIES, null].flatMap((category) =>
    SEVERITIES.flatMap((severity) => [true, false].map((lost) => [category, severity, lost] as const)),
  );
  it.each(cases)('%s, %s, data lost: %s', (category, severity, lost) => {
    const drafts = noticeDrafts({
      started: '2009-10-02T09:14:00+02:00',
      // 4 days, 8 hours and 3 minutes: long enough for days, hours and minutes in words.
      mitigated: '2009-10-06T17:17:00+02:00',
      severity,
      impact: { customers_affected: 100, data_loss: lost },
      root_causes: category ? [{ category, summary: 'x' }] : [],
    });
    const texts = Object.values(drafts).flatMap((t) => Object.values(t));
    for (const text of texts) {
      expect(text, 'an ISO date in customer prose').not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text, 'a unit abbreviation in customer prose').not.toMatch(/\d\s*(?:d|h|min|s)\b/);
      expect(validateNoticeText(text)).toBe(true);
      if (category === 'missing-backup')
        expect(text, 'a backup claimed for missing-backup').not.toMatch(
          /(?:from|restored?|using) (?:our |the |a )?backups?|aus (?:unseren |der |einer )?Sicherung|à partir de (?:nos |la )?sauvegardes?/i,
        );
      if (lost || severity === 'SEV1') {
        expect(text, 'an inconvenience for real harm').not.toMatch(
          /inconvenien|Unannehmlichkeit|sorry for the disruption|gêne|perturbation que cela/i,
        );
      }
      if (lost)
        expect(text, 'no action needed, said for lost data').not.toMatch(
          /need to do anything|müssen nichts tun|rien à faire/,
        );
    }
    // Each language keeps its outage noun for a SEV1 (the one severity the notice calls an outage):
    // a SEV1 headline that says "disruption" / "Störung" / « perturbation » plays it down.
    expect(drafts.headline.en).toBe(
      `${severity === 'SEV1' ? 'Service outage' : 'Service disruption'} on October 2, 2009`,
    );
    expect(drafts.headline.de).toBe(
      `${severity === 'SEV1' ? 'Ausfall' : 'Störung'} unseres Dienstes am 2. Oktober 2009`,
    );
    expect(drafts.headline.fr).toBe(
      `${severity === 'SEV1' ? 'Panne' : 'Perturbation'} de notre service le 2 octobre 2009`,
    );
    // Nothing said of data beyond what was given: no damage or loss where none was lost, no « perturbation » for a SEV1.
    const french = Object.values(drafts).map((t) => t.fr);
    if (!lost) for (const text of french) expect(text).not.toMatch(/endommag|ont été perdues|avons perdu/);
    if (severity === 'SEV1') for (const text of french) expect(text).not.toMatch(/perturbation/i);
    // Exact, as every duration customers read.
    expect(drafts.customer_impact.en).toMatch(/^For 4 days, 8 hours and 3 minutes, /);
    expect(drafts.customer_impact.de).toMatch(/^4 Tage, 8 Stunden und 3 Minuten lang /);
    expect(drafts.customer_impact.fr).toMatch(/^Pendant 4 jours, 8 heures et 3 minutes, /);
  });
});

describe('the French suggestions, read as a customer would', () => {
  it('own lost data plainly and keep the apology for a small disruption short', () => {
    const lost = noticeDrafts({ ...BASE, severity: 'SEV2', impact: { customers_affected: 100, data_loss: true } });
    expect(lost.customer_impact.fr).toBe(
      'Pendant 3 heures, des parties importantes de notre service étaient indisponibles pour vous. ' +
        'Nous avons perdu des données que vous aviez enregistrées chez nous.',
    );
    const small = noticeDrafts({
      ...BASE,
      severity: 'SEV4',
      root_causes: [{ category: 'missing-backup', summary: 'x' }],
    });
    expect(small.apology.fr).toBe('Nous vous prions de nous excuser pour cette perturbation.');
    expect(small.what_happened.fr).toBe(
      'Nous ne disposions pas d’une sauvegarde complète et utilisable des données concernées.',
    );
  });
});

describe('a German status draft names the day an outage of days began, not a day it fell on', () => {
  it('four days from October 2', () => {
    const answers = {
      severity: 'SEV1',
      started: '2009-10-02T09:14:00+02:00',
      mitigated: '2009-10-06T17:17:00+02:00',
      impact: { customers_affected: 100, data_loss: false },
    };
    const given = { customer_impact: 'Sie konnten nichts tun.', apology: 'Es tut uns sehr leid.' };
    expect(statusDraft(answers, given, 'de')).toBe(
      'Am 2. Oktober 2009 begann ein Ausfall: 4 Tage, 8 Stunden und 3 Minuten lang war unser Dienst für Sie nicht erreichbar. ' +
        'Es sind keine Daten verloren gegangen. Es tut uns sehr leid.',
    );
    expect(statusDraft({ ...answers, started: undefined }, given, 'de')).toMatch(/^Zeitweise war unser Dienst/);
  });
});

describe('a German cause sentence says what its category says, and no consequence nobody gave', () => {
  it.each([
    ['missing-backup', /beschädigt|gelöscht|verloren/],
    ['failed-rollback', /länger|dauerte/],
    ['network', /verhinderte/],
    ['data-migration', /[Gg]eplant/],
  ])('%s', (category, claim) => {
    const drafts = noticeDrafts({ ...BASE, severity: 'SEV4', root_causes: [{ category, summary: 'x' }] });
    expect(drafts.what_happened.de).not.toMatch(claim);
  });
});

describe('the proposed status text says only what the engineer gave', () => {
  const wording = { customer_impact: 'You could not pay.', apology: 'We are sorry. You rely on us.' };

  it.each([
    [
      'en',
      { customer_impact: 'You could not pay.', apology: 'We are sorry. You rely on us.' },
      'On March 1, 2024, important parts of our service were unavailable. The disruption lasted 3 hours. No data was lost. We are sorry.',
    ],
    [
      'de',
      { customer_impact: 'Sie konnten nicht bezahlen.', apology: 'Es tut uns leid. Sie verlassen sich auf uns.' },
      'Am 1. März 2024 begann eine Störung: 3 Stunden lang waren wichtige Teile unseres Dienstes für Sie nicht erreichbar. ' +
        'Es sind keine Daten verloren gegangen. Es tut uns leid.',
    ],
    [
      'fr',
      {
        customer_impact: 'Vous ne pouviez pas payer.',
        apology: 'Nous vous prions de nous excuser. Vous comptez sur nous.',
      },
      'Le 1er mars 2024, des parties importantes de notre service étaient indisponibles. La perturbation a duré 3 heures. ' +
        'Aucune donnée n’a été perdue. Nous vous prions de nous excuser.',
    ],
  ] as const)('%s: day, reach, duration, data and the first sentence of the apology', (lang, given, expected) => {
    expect(statusDraft({ ...BASE, severity: 'SEV2' }, given, lang)).toBe(expected);
  });

  it('names the outage, sums windows, and quotes the author on lost data instead of a sentence of its own', () => {
    const answers = {
      ...BASE,
      severity: 'SEV1',
      impact: {
        customers_affected: 100,
        data_loss: true,
        windows: [
          { start: '2024-03-01T14:02:00+01:00', end: '2024-03-01T15:02:00+01:00' },
          { start: '2024-03-01T16:02:00+01:00', end: '2024-03-01T17:02:00+01:00' },
        ],
      },
    };
    const lost = {
      customer_impact: 'You could not pay. Orders placed after 14:02 were lost.',
      apology: 'We are very sorry.',
    };
    expect(statusDraft(answers, lost, 'en')).toBe(
      'On March 1, 2024, our service was unavailable. The outage lasted 2 hours in total. Orders placed after 14:02 were lost. We are very sorry.',
    );
  });

  it('says nothing of data, duration or day it was not given', () => {
    const text = statusDraft({ severity: 'SEV3' }, wording, 'en');
    expect(text).toBe('Parts of our service were slow or partly unavailable. We are sorry.');
  });

  it.each(LANGUAGES)('%s: passes the notice text check for every severity and data answer', (lang) => {
    for (const severity of ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV9'])
      for (const data_loss of [true, false]) {
        const text = statusDraft({ ...BASE, severity, impact: { customers_affected: 1, data_loss } }, wording, lang);
        expect(validateNoticeText(text)).toBe(true);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d\s*(?:d|h|min)\b/);
      }
  });
});
