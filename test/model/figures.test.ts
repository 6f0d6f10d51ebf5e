import { afterEach, describe, expect, it } from 'vitest';
import {
  deriveFigures,
  formatDuration,
  formatInstant,
  formatTimelineInstant,
  parseInstant,
} from '../../src/model/index.js';
import { examples } from '../helpers/examples.js';
import { parsePostmortem } from '../../src/model/index.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const data = {
  started: '2017-09-21T14:02:00+02:00',
  detected: '2017-09-21T12:06:30Z',
  mitigated: '2017-09-21T08:30:00-05:00',
  resolved: '2017-09-22T01:02:00+09:00',
};

describe('derived figures do not depend on the machine time zone', () => {
  const zones = ['America/Los_Angeles', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham'];

  it.each(zones)('TZ=%s', (zone) => {
    process.env.TZ = zone;
    // Proves the zone switch took effect in this process, so the test can fail.
    const localHour = new Date(Date.UTC(2017, 8, 21, 12, 0)).getHours();
    expect(localHour).toBe(
      Number(
        new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: zone }).format(
          new Date(Date.UTC(2017, 8, 21, 12, 0)),
        ),
      ),
    );
    expect(deriveFigures(data)).toEqual({
      timeToDetect: 4.5 * 60_000,
      timeToMitigate: 88 * 60_000,
      timeToResolve: 4 * 60 * 60_000,
      impactDuration: 88 * 60_000,
    });
    expect(formatInstant(parseInstant(data.started)!, 120)).toBe('2017-09-21T14:02:00+02:00');
    expect(formatTimelineInstant(parseInstant(data.detected)!, -300)).toBe('2017-09-21 07:06:30 -05:00');
  });

  it('gives the same figures for every example under two zones', () => {
    const figures = (zone: string) => {
      process.env.TZ = zone;
      return examples().map((e) => deriveFigures(parsePostmortem(e.text, e.path).postmortem.data));
    };
    const west = figures('America/New_York');
    const east = figures('Asia/Tokyo');
    expect(west).toEqual(east);
    expect(west.every((f) => f.timeToResolve !== null && f.timeToResolve > 0)).toBe(true);
  });
});

describe('formatDuration', () => {
  it.each([
    [30_000, '30 s'],
    [45 * 60_000, '45 min'],
    [3 * 3_600_000, '3 h'],
    [3 * 3_600_000 + 12 * 60_000, '3 h 12 min'],
    [50 * 3_600_000, '2 d 2 h'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2017-09-21T14:02:00+02:00', Date.UTC(2017, 8, 21, 12, 2)],
    ['2017-09-21T14:02Z', Date.UTC(2017, 8, 21, 14, 2)],
    ['2017-09-21T14:02:00', null],
    ['2017-02-29T14:02:00Z', null],
    ['2017-09-21T24:00:00Z', null],
    ['2017-09-21T14:02:00+25:00', null],
    ['yesterday', null],
  ])('%s -> %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });
});
