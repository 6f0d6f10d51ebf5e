import { afterEach, describe, expect, it } from 'vitest';
import {
  deriveFigures,
  formatDuration,
  formatInstant,
  formatTimelineInstant,
  parseInstant,
  roundDuration,
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

describe('formatDuration: one rounding rule for render, notice, interview and stats', () => {
  const min = 60_000;
  it.each([
    [30_000, '30 s'],
    [43 * min, '43 min'],
    [3 * 60 * min, '3 h'],
    // Exact to the minute, as the times beside it: 9:14 to 12:17 is 3 h 3 min (issue 18), not "3 h 5 min".
    [(3 * 60 + 3) * min, '3 h 3 min'],
    [(5 * 60 + 56) * min, '5 h 56 min'],
    [(23 * 60 + 3) * min, '23 h 3 min'],
    [(49 * 60 + 40) * min + 29_000, '2 d 1 h 40 min'],
  ])('%d ms is %s', (ms, short) => {
    expect(formatDuration(ms)).toBe(short);
  });

  it.each([
    [59_400, 59_000],
    [59 * min + 40_000, 60 * min],
    [(5 * 60 + 56) * min, (5 * 60 + 56) * min],
    [(23 * 60 + 58) * min + 29_000, (23 * 60 + 58) * min],
    [(25 * 60 + 29) * min + 31_000, (25 * 60 + 30) * min],
  ])('roundDuration(%d) = %d', (ms, rounded) => {
    expect(roundDuration(ms)).toBe(rounded);
  });
});

describe('deriveFigures with impact.windows', () => {
  const base = {
    started: '2018-05-15T14:02:00+02:00',
    mitigated: '2018-05-15T16:34:00+02:00',
    resolved: '2018-05-15T18:10:00+02:00',
  };
  it('sums the windows instead of started..mitigated', () => {
    const impact = {
      windows: [
        { start: '2018-05-15T14:02:00+02:00', end: '2018-05-15T14:31:00+02:00' },
        { start: '2018-05-15T13:48:00Z', end: '2018-05-15T16:34:00+02:00' },
      ],
    };
    expect(deriveFigures({ ...base, impact }).impactDuration).toBe(75 * 60_000);
    expect(deriveFigures(base).impactDuration).toBe(152 * 60_000);
  });

  it('falls back to started..mitigated when a window is not a pair of timestamps', () => {
    const impact = { windows: [{ start: '2018-05-15T14:02:00+02:00', end: 'later' }] };
    expect(deriveFigures({ ...base, impact }).impactDuration).toBe(152 * 60_000);
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
