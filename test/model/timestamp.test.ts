import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectIs } from '../helpers/equal.js';
import {
  FRONT_MATTER_TIMESTAMP,
  formatInstant,
  normaliseZone,
  offsetOf,
  parseInstant,
  parseTimelineInstant,
  toJekyllDate,
  toRfc3339,
} from '../../src/model/timestamp.js';

/** The general path: the calendar checked through Date, the instant from Date.parse. */
function reference(text: string): number | null {
  const m = FRONT_MATTER_TIMESTAMP.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const s = m[6] ? Number(m[6]) : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  const offset = m[7] as string;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const timestamp = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1890, max: 2110 }), fc.constantFrom(0, 4, 99, 100, 1900, 2000, 2100, 9999)),
    two(13),
    two(32),
    two(25),
    two(61),
    fc.option(two(61)),
    fc.constantFrom('', '.5', '.123', '.1234567'),
    fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), two(25), two(61)).map(([s, h, m]) => `${s}${h}:${m}`),
    ),
  )
  .map(
    ([y, mo, d, h, mi, s, frac, zone]) =>
      `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}${s === null ? '' : `:${s}${frac}`}${zone}`,
  );

describe('parseInstant', () => {
  it('gives what the Date-based reading gives, for valid and invalid timestamps', () => {
    let valid = 0;
    fc.assert(
      fc.property(timestamp, (text) => {
        const expected = reference(text);
        if (expected !== null) valid++;
        expectIs(parseInstant(text), expected);
        // Asked again, from the memory of recent timestamps.
        expectIs(parseInstant(text), expected);
      }),
      { numRuns: 5000 },
    );
    expect(valid).toBeGreaterThan(500);
  });

  // The common shapes are read by character codes: one character off must still read as the regex does.
  it('gives what the Date-based reading gives for timestamps with one character changed', () => {
    const changed = fc
      .tuple(timestamp, fc.nat(), fc.constantFrom('x', '/', ' ', '0', '9', ':', '-', '+', 'T', 'Z', '\u0660'))
      .map(([text, at, c]) => text.slice(0, at % text.length) + c + text.slice((at % text.length) + 1));
    fc.assert(
      fc.property(changed, (text) => {
        expectIs(parseInstant(text), reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a timeline date, time and zone as the front-matter reading reads their ISO form', () => {
    const parts = fc.tuple(
      fc.oneof(fc.integer({ min: 1890, max: 2110 }), fc.constantFrom(0, 99, 100, 1900, 2000, 2100)),
      two(13),
      two(32),
      two(25),
      two(61),
      fc.option(two(61)),
      fc.oneof(
        fc.constantFrom('Z', 'UTC'),
        fc.tuple(fc.constantFrom('+', '-'), two(25), fc.constantFrom(':', ''), two(61)).map((z) => z.join('')),
      ),
    );
    let valid = 0;
    fc.assert(
      fc.property(parts, ([y, mo, d, h, mi, s, zone]) => {
        const date = `${String(y).padStart(4, '0')}-${mo}-${d}`;
        const time = s === null ? `${h}:${mi}` : `${h}:${mi}:${s}`;
        const expected = reference(`${date}T${s === null ? `${time}:00` : time}${normaliseZone(zone)}`);
        if (expected !== null) valid++;
        expectIs(parseTimelineInstant(date, time, zone), expected);
      }),
      { numRuns: 5000 },
    );
    expect(valid).toBeGreaterThan(500);
  });

  // The timeline's parts are read by character codes: a part one character off, or one character
  // longer or shorter, must give what the regexes it was read with gave.
  it('reads timeline parts with one character changed, added or dropped as the regexes did', () => {
    // What the regexes gave: the reading of the ISO form (the test above checks the shapes they took).
    const regexReading = (date: string, time: string, zone: string): number | null =>
      parseInstant(`${date}T${time.length === 5 ? `${time}:00` : time}${normaliseZone(zone)}`);
    const edit = (text: string) =>
      fc
        .tuple(fc.nat(), fc.constantFrom('x', '/', ' ', '0', '9', ':', '-', '+', 'Z', '\u0660', '', 'ab'))
        .map(([at, c]) => text.slice(0, at % (text.length + 1)) + c + text.slice((at % (text.length + 1)) + 1));
    const parts = fc
      .tuple(
        fc.constantFrom('2024-02-29', '2023-11-05', '0099-01-01', '1999-12-31'),
        fc.constantFrom('14:02', '23:59:59', '00:00', '09:30:15'),
        fc.constantFrom('Z', 'UTC', '+02:00', '-0530', '+14:00', '-00:00'),
        fc.nat(2),
      )
      .chain(([date, time, zone, which]) =>
        (which === 0 ? edit(date) : which === 1 ? edit(time) : edit(zone)).map((changed): [string, string, string] =>
          which === 0 ? [changed, time, zone] : which === 1 ? [date, changed, zone] : [date, time, changed],
        ),
      );
    fc.assert(
      fc.property(parts, ([date, time, zone]) => {
        expectIs(parseTimelineInstant(date, time, zone), regexReading(date, time, zone));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads an offset east and west of UTC', () => {
    expect(parseInstant('2024-02-29T10:00:00+02:00')).toBe(Date.UTC(2024, 1, 29, 8));
    expect(parseInstant('2024-02-29T10:00-05:30')).toBe(Date.UTC(2024, 1, 29, 15, 30));
    expect(parseInstant('2023-02-29T10:00:00Z')).toBeNull();
    expect(parseInstant('2024-02-29 10:00:00Z')).toBeNull();
  });
});

describe('toRfc3339', () => {
  it.each([
    ['2018-05-15T14:02+02:00', false, '2018-05-15T14:02:00+02:00'],
    ['2018-05-15T14:02:07-07:30', false, '2018-05-15T14:02:07-07:30'],
    ['2018-05-15T14:02:07.25Z', false, '2018-05-15T14:02:07.250Z'],
    ['2018-05-15T00:30+02:00', true, '2018-05-14T22:30:00Z'],
    ['0099-01-01T10:00Z', false, '0099-01-01T10:00:00Z'],
    ['0000-01-01T00:30+01:00', false, '0000-01-01T00:30:00+01:00'],
    ['0000-01-01T00:30+01:00', true, null],
    ['2018-02-30T10:00Z', false, null],
    ['2018-05-15 14:02+02:00', false, null],
  ])('%s (UTC: %s) is %s', (text, utc, expected) => {
    expect(toRfc3339(text, utc)).toBe(expected);
  });

  it('writes every timestamp without a fraction as formatInstant writes its instant', () => {
    fc.assert(
      fc.property(timestamp, fc.boolean(), (text, utc) => {
        fc.pre(!text.includes('.'));
        const ms = reference(text);
        const written = ms === null ? null : formatInstant(ms, utc ? 0 : (offsetOf(text) as number));
        expectIs(toRfc3339(text, utc), written !== null && /^\d{4}-/.test(written) ? written : null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('one date writer', () => {
  const instant = fc.integer({ min: -62_135_596_800_000 + 86_400_000, max: Date.UTC(9999, 11, 30) });
  const offset = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });

  it('formatInstant writes what parseInstant reads back, four-digit years included', () => {
    fc.assert(
      fc.property(instant, offset, (ms, minutes) => {
        const seconds = Math.floor(ms / 1000) * 1000;
        const text = formatInstant(seconds, minutes);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/);
        expectIs(parseInstant(text), seconds);
        expectIs(toRfc3339(text), text);
      }),
      { numRuns: 2000, seed: 21 },
    );
    expect(formatInstant(Date.UTC(2000, 0, 1) - 1001 * 365.2425 * 86_400_000, 0).slice(0, 4)).toMatch(/^0\d{3}$/);
  });

  it('toJekyllDate is toRfc3339 in Jekyll form, same day, time and offset', () => {
    fc.assert(
      fc.property(instant, offset, (ms, minutes) => {
        const text = formatInstant(Math.floor(ms / 1000) * 1000, minutes);
        const rfc = toRfc3339(text) as string;
        const zone = rfc.endsWith('Z') ? '+0000' : rfc.slice(-6).replace(':', '');
        expectIs(toJekyllDate(text), `${rfc.slice(0, 10)} ${rfc.slice(11, 19)} ${zone}`);
      }),
      { numRuns: 500, seed: 21 },
    );
  });
});
