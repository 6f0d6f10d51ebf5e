import { describe, expect, it } from 'vitest';
import { datesInWords, durationInWords, formatMoment } from '../../src/notice/datetime.js';
import { resolveNoticeZone, zoneLabel, type NoticeZone } from '../../src/notice/zone.js';
import { isTimeZone } from '../../src/model/index.js';

const START = Date.parse('2017-09-21T14:02:00+02:00');
const WINTER = Date.parse('2017-01-10T14:02:00+01:00');
const iana = (name: string): NoticeZone => ({ kind: 'iana', name });

describe('formatMoment', () => {
  it.each([
    ['en', iana('Europe/Berlin'), 'September 21, 2017, 2:02 PM'],
    ['de', iana('Europe/Berlin'), '21. September 2017, 14:02 Uhr'],
    ['en', iana('UTC'), 'September 21, 2017, 12:02 PM'],
    ['de', iana('UTC'), '21. September 2017, 12:02 Uhr'],
    ['en', iana('America/New_York'), 'September 21, 2017, 8:02 AM'],
    ['de', iana('America/New_York'), '21. September 2017, 8:02 Uhr'],
    ['en', iana('Asia/Tokyo'), 'September 21, 2017, 9:02 PM'],
    ['de', iana('Pacific/Auckland'), '22. September 2017, 0:02 Uhr'],
    // A fixed offset (from `started`), which Node 20's Intl cannot take as a zone.
    ['en', { kind: 'offset', minutes: 120 }, 'September 21, 2017, 2:02 PM'],
    ['de', { kind: 'offset', minutes: 330 }, '21. September 2017, 17:32 Uhr'],
    ['en', { kind: 'offset', minutes: -300 }, 'September 21, 2017, 7:02 AM'],
  ] as const)('%s in %j', (lang, zone, expected) => {
    expect(formatMoment(START, lang, zone)).toBe(expected);
  });
});

describe('zoneLabel: zone names as customers say them', () => {
  it.each([
    [START, 'de', iana('Europe/Berlin'), 'MESZ'],
    [WINTER, 'de', iana('Europe/Berlin'), 'MEZ'],
    [START, 'en', iana('Europe/Berlin'), 'CEST'],
    [WINTER, 'en', iana('Europe/Berlin'), 'CET'],
    [START, 'en', iana('America/New_York'), 'EDT'],
    [START, 'en', iana('Europe/London'), 'BST'],
    [START, 'en', iana('UTC'), 'UTC'],
    [START, 'de', iana('UTC'), 'UTC'],
    [START, 'en', iana('Etc/UTC'), 'UTC'],
    // No abbreviation people use: spelled out, never "GMT+9".
    [START, 'en', iana('Asia/Tokyo'), 'Japan Standard Time'],
    [START, 'de', iana('America/New_York'), 'Nordamerikanische Ostküsten-Sommerzeit'],
    [START, 'en', { kind: 'offset', minutes: 0 }, 'UTC'],
    [START, 'de', { kind: 'offset', minutes: 120 }, 'UTC+2'],
    [START, 'en', { kind: 'offset', minutes: 330 }, 'UTC+5:30'],
    [START, 'en', { kind: 'offset', minutes: -300 }, 'UTC-5'],
  ] as const)('%i %s %j is %s', (ms, lang, zone, expected) => {
    expect(zoneLabel(ms, lang, zone)).toBe(expected);
  });
});

describe('resolveNoticeZone: flag, then file, then config, then the offset of started', () => {
  const started = '2018-05-15T14:02:00+02:00';
  it.each([
    [{ flag: 'Asia/Tokyo', file: 'Europe/Berlin', config: 'UTC', started }, iana('Asia/Tokyo'), '--timezone'],
    [{ file: 'Europe/Berlin', config: 'UTC', started }, iana('Europe/Berlin'), 'timezone'],
    [{ config: 'America/New_York', started }, iana('America/New_York'), 'notice.timezone'],
    [{ started }, { kind: 'offset', minutes: 120 }, 'started'],
    [{ started: '2018-05-15T14:02:00Z' }, { kind: 'offset', minutes: 0 }, 'started'],
    [{ file: '-05:00', config: 'UTC', started }, { kind: 'offset', minutes: -300 }, 'timezone'],
  ] as const)('%j', (candidates, zone, source) => {
    expect(resolveNoticeZone(candidates)).toEqual({ zone, source });
  });

  it('names the source of an unknown zone', () => {
    expect(resolveNoticeZone({ file: 'Mars/Olympus_Mons', config: 'UTC' })).toEqual({ invalid: 'timezone' });
    expect(resolveNoticeZone({ file: 42 })).toEqual({ invalid: 'timezone' });
  });
});

describe('durationInWords: the model rounding rule, in words', () => {
  const min = 60_000;
  it.each([
    [20 * 1000, 'less than a minute', 'weniger als eine Minute'],
    [1 * min, '1 minute', '1 Minute'],
    [43 * min, '43 minutes', '43 Minuten'],
    [75 * min, '1 hour and 15 minutes', '1 Stunde und 15 Minuten'],
    [152 * min, 'about 2 hours and 30 minutes', 'rund 2 Stunden und 30 Minuten'],
    [180 * min, '3 hours', '3 Stunden'],
    [(23 * 60 + 3) * min, 'about 23 hours and 5 minutes', 'rund 23 Stunden und 5 Minuten'],
    [(24 * 60 + 50) * min, 'about 1 day and 1 hour', 'rund 1 Tag und 1 Stunde'],
    [30 * 24 * 60 * min, '30 days', '30 Tage'],
  ])('%i ms', (ms, en, de) => {
    expect(durationInWords(ms, 'en')).toBe(en);
    expect(durationInWords(ms, 'de')).toBe(de);
  });
});

describe('datesInWords', () => {
  it.each([
    ['Service disruption on 2017-09-21', 'en', 'Service disruption on September 21, 2017'],
    ['Störung unseres Dienstes am 2017-09-21', 'de', 'Störung unseres Dienstes am 21. September 2017'],
    ['Release 2018-02-30 and 2018.20.1', 'en', 'Release 2018-02-30 and 2018.20.1'],
    ['At 2017-09-21T14:02 it broke', 'en', 'At 2017-09-21T14:02 it broke'],
  ] as const)('%s', (text, lang, expected) => {
    expect(datesInWords(text, lang)).toBe(expected);
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    ['+02:00 bogus', false],
  ])('%s -> %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
});
