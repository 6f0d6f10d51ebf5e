import { describe, expect, it } from 'vitest';
import { languageModule, type NoticeZone } from '../../src/language/index.js';
import type { NoticeFacts } from '../../src/language/types.js';

// English as a customer reads it (issue 18, read sentence by sentence): found by reading the notices.
const en = languageModule('en');
const zone = (name: string): NoticeZone => ({ kind: 'iana', name });
const at = (iso: string) => Date.parse(iso);

function facts(spans: Array<[string, string]>, services = ['Relata web app']): NoticeFacts {
  const ms = spans.map(([start, end]) => ({ start: at(start), end: at(end) }));
  return {
    outage: false,
    services,
    spans: ms,
    started: ms[0]!.start,
    impactMs: ms.reduce((sum, s) => sum + s.end - s.start, 0),
    dataLost: false,
    dataInText: true,
  };
}

describe('English facts: a range across days names the time, then its day, and the year once', () => {
  it.each([
    [
      'en-US',
      'There was a disruption from 1:15 AM on October 7 to 10:00 AM on October 14, 2020 (PDT), lasting 7 days, 8 hours and 45 minutes.',
    ],
    [
      'en-GB',
      'There was a disruption from 01:15 on 7 October to 10:00 on 14 October 2020 (PDT), lasting 7 days, 8 hours and 45 minutes.',
    ],
  ])('%s', (locale, expected) => {
    const f = facts([['2020-10-07T01:15:00-07:00', '2020-10-14T10:00:00-07:00']]);
    expect(en.facts(f, { zone: zone('America/Los_Angeles'), locale })[0]).toBe(expected);
  });

  it('puts the zone in force at each instant after its time, across the night the clocks go back', () => {
    const f = facts([['2024-10-26T23:40:00+02:00', '2024-10-27T02:40:00+01:00']]);
    expect(en.facts(f, { zone: zone('Europe/Berlin'), locale: 'en-US' })[0]).toBe(
      'There was a disruption from 11:40 PM (CEST) on October 26 to 2:40 AM (CET) on October 27, 2024, lasting 4 hours.',
    );
  });

  it('gives 3:20 AM (EDT) 50 minutes after 1:30 AM (EST) on the night the clocks go forward', () => {
    const f = facts([
      ['2025-03-08T23:20:00-05:00', '2025-03-09T00:10:00-05:00'],
      ['2025-03-09T01:30:00-05:00', '2025-03-09T03:20:00-04:00'],
    ]);
    expect(en.facts(f, { zone: zone('America/New_York'), locale: 'en-US' })[0]).toBe(
      'There was a disruption from 11:20 PM (EST) on March 8 to 12:10 AM (EST) on March 9 and from 1:30 AM (EST) to ' +
        '3:20 AM (EDT) on March 9, 2025, 1 hour and 40 minutes in total.',
    );
  });

  it('names both years when the range crosses New Year', () => {
    const f = facts([['2023-12-31T22:00:00-05:00', '2024-01-01T01:30:00-05:00']]);
    expect(en.facts(f, { zone: zone('America/New_York'), locale: 'en-US' })[0]).toBe(
      'There was a disruption from 10:00 PM on December 31, 2023, to 1:30 AM on January 1, 2024 (EST), lasting 3 hours and 30 minutes.',
    );
  });

  it('names each day once and the year once among windows on two days', () => {
    const f = facts([
      ['2024-03-05T22:50:00-05:00', '2024-03-05T23:30:00-05:00'],
      ['2024-03-06T00:40:00-05:00', '2024-03-06T01:10:00-05:00'],
    ]);
    expect(en.facts(f, { zone: zone('America/New_York'), locale: 'en-US' })[0]).toBe(
      'There was a disruption from 10:50 PM to 11:30 PM on March 5 and from 12:40 AM to 1:10 AM on March 6, 2024 (EST), 1 hour and 10 minutes in total.',
    );
  });

  it('says since when an ongoing incident runs, time first', () => {
    const f = { ...facts([['2018-05-15T14:02:00+02:00', '2018-05-15T14:02:00+02:00']]), spans: [], impactMs: null };
    expect(en.facts(f, { zone: zone('Europe/Berlin'), locale: 'en-US' })[0]).toBe(
      'A disruption has been ongoing since 2:02 PM (CEST) on May 15, 2018.',
    );
  });
});

describe('English facts: the affected services under a label that says what they are', () => {
  const window: Array<[string, string]> = [['2019-03-12T09:14:00+01:00', '2019-03-12T12:17:00+01:00']];
  const place = { zone: zone('Europe/Berlin'), locale: 'en-US' };
  it.each([
    [['invoice export'], 'Affected service: invoice export.'],
    [['bookings', 'Wheelshare app', 'trip billing'], 'Affected services: bookings, Wheelshare app and trip billing.'],
    [
      ['ticket purchases in the app', 'card and PayPal payments'],
      'Affected services: ticket purchases in the app; card and PayPal payments.',
    ],
  ])('%j', (services, expected) => {
    expect(en.facts(facts(window, services), place)[1]).toBe(expected);
  });
});

describe('English sentences: a month abbreviation ends no sentence', () => {
  it.each([
    ['Until Jan. 12 you may see errors. We are sorry.', ['Until Jan. 12 you may see errors.', 'We are sorry.']],
    ['Orders from Sept. 30 were delayed. Sorry.', ['Orders from Sept. 30 were delayed.', 'Sorry.']],
    ['Refunds arrive by Dec. 3. We are sorry.', ['Refunds arrive by Dec. 3.', 'We are sorry.']],
  ])('%s', (text, expected) => {
    expect(en.sentences(text)).toEqual(expected);
  });
});

describe('English data sentences: one that leans on the sentence before it is not quoted alone', () => {
  it.each([
    ['The rest, roughly 23% of the lost data and mostly photos, is permanently lost.', true],
    ['The remainder could not be recovered.', true],
    ['Roughly 23% of the lost data, mostly photos, is permanently lost.', false],
  ])('%s', (sentence, leans) => {
    expect(en.leansBack(sentence)).toBe(leans);
  });
});

describe('English incident noun: "outage" for our service only', () => {
  it.each([
    ['A power outage at our hosting provider started it.', []],
    ['After a power-outage at the data center, sync was slow.', []],
    ['The outage lasted two hours.', ['outage']],
    ['Outages like this one are rare.', ['Outages']],
  ])('%s', (text, found) => {
    expect([...text.matchAll(en.checkWords.outage)].map((m) => m[0])).toEqual(found);
  });
});
