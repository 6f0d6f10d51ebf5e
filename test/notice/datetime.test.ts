import { describe, expect, it } from 'vitest';
import { durationInWords, formatMoment, timeZoneName } from '../../src/notice/datetime.js';
import { isTimeZone } from '../../src/model/index.js';

const START = Date.parse('2017-09-21T14:02:00+02:00');

describe('formatMoment', () => {
  it.each([
    ['en', 'Europe/Berlin', 'September 21, 2017, 2:02 PM'],
    ['de', 'Europe/Berlin', '21. September 2017, 14:02 Uhr'],
    ['en', 'UTC', 'September 21, 2017, 12:02 PM'],
    ['de', 'UTC', '21. September 2017, 12:02 Uhr'],
    ['en', 'America/New_York', 'September 21, 2017, 8:02 AM'],
    ['de', 'America/New_York', '21. September 2017, 8:02 Uhr'],
    ['en', 'Asia/Tokyo', 'September 21, 2017, 9:02 PM'],
    ['de', 'Pacific/Auckland', '22. September 2017, 0:02 Uhr'],
  ] as const)('%s in %s', (lang, zone, expected) => {
    expect(formatMoment(START, lang, zone)).toBe(expected);
  });

  it('names the zone in the language', () => {
    expect(timeZoneName(START, 'en', 'Europe/Berlin')).toBe('Central European Summer Time');
    expect(timeZoneName(START, 'de', 'Europe/Berlin')).toBe('Mitteleuropäische Sommerzeit');
  });
});

describe('durationInWords', () => {
  const min = 60_000;
  it.each([
    [20 * 1000, 'less than a minute', 'weniger als eine Minute'],
    [1 * min, 'about 1 minute', 'rund 1 Minute'],
    [7 * min, 'about 7 minutes', 'rund 7 Minuten'],
    [43 * min, 'about 45 minutes', 'rund 45 Minuten'],
    [62 * min, 'about 1 hour', 'rund 1 Stunde'],
    [152 * min, 'about 3 hours', 'rund 3 Stunden'],
    [30 * 60 * min, 'about 30 hours', 'rund 30 Stunden'],
    [40 * 60 * min, 'about 2 days', 'rund 2 Tage'],
    [30 * 24 * 60 * min, 'about 30 days', 'rund 30 Tage'],
  ])('%i ms', (ms, en, de) => {
    expect(durationInWords(ms, 'en')).toBe(en);
    expect(durationInWords(ms, 'de')).toBe(de);
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
