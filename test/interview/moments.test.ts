import { describe, expect, it } from 'vitest';
import { dateInZone, parseMomentInput, proposeId, wallTimeToInstant, zoneOffsetAt } from '../../src/interview/index.js';

describe('zoneOffsetAt (Intl, independent of the machine zone)', () => {
  it.each([
    ['Europe/Berlin', '2024-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2024-07-15T12:00:00Z', 120],
    ['America/New_York', '2024-07-15T12:00:00Z', -240],
    ['Asia/Kolkata', '2024-07-15T12:00:00Z', 330],
    ['UTC', '2024-07-15T12:00:00Z', 0],
    ['+05:45', '2024-07-15T12:00:00Z', 345],
    ['-0300', '2024-07-15T12:00:00Z', -180],
    ['Z', '2024-07-15T12:00:00Z', 0],
  ])('%s at %s -> %d min', (zone, at, expected) => {
    expect(zoneOffsetAt(zone, Date.parse(at))).toBe(expected);
  });
});

describe('wallTimeToInstant around DST changes', () => {
  it.each([
    // Berlin springs forward at 02:00 -> 03:00 on 2024-03-31.
    ['2024-03-31', '01:30:00', 'Europe/Berlin', '2024-03-31T00:30:00.000Z', 60],
    ['2024-03-31', '03:30:00', 'Europe/Berlin', '2024-03-31T01:30:00.000Z', 120],
    ['2024-10-27', '12:00:00', 'Europe/Berlin', '2024-10-27T11:00:00.000Z', 60],
  ])('%s %s in %s', (date, time, zone, iso, offset) => {
    const result = wallTimeToInstant(date, time, zone);
    expect(result && new Date(result.ms).toISOString()).toBe(iso);
    expect(result?.offset).toBe(offset);
  });
});

describe('parseMomentInput', () => {
  const context = { zone: 'Europe/Berlin', date: '2024-07-15' };
  it.each([
    ['14:02', '2024-07-15T14:02:00+02:00'],
    ['9:05', '2024-07-15T09:05:00+02:00'],
    ['2024-01-10 14:02', '2024-01-10T14:02:00+01:00'],
    ['2024-01-10T14:02', '2024-01-10T14:02:00+01:00'],
    ['2024-01-10 14:02 Z', '2024-01-10T14:02:00Z'],
    ['2024-01-10 14:02 UTC', '2024-01-10T14:02:00Z'],
    ['2024-01-10T14:02:00-0500', '2024-01-10T14:02:00-05:00'],
    ['2024-01-10T14:02:00+05:30', '2024-01-10T14:02:00+05:30'],
  ])('%j -> %j', (text, iso) => {
    expect(parseMomentInput(text, context)).toEqual({ iso });
  });

  it('reads a bare time in a fixed offset zone', () => {
    expect(parseMomentInput('23:59', { zone: '-03:00', date: '2024-07-15' })).toEqual({
      iso: '2024-07-15T23:59:00-03:00',
    });
  });
});

describe('dateInZone', () => {
  it.each([
    ['2024-07-15T23:30:00Z', 'Europe/Berlin', '2024-07-16'],
    ['2024-07-15T23:30:00Z', 'America/New_York', '2024-07-15'],
    ['2024-07-15T02:00:00Z', '-05:00', '2024-07-14'],
  ])('%s in %s -> %s', (at, zone, date) => {
    expect(dateInZone(Date.parse(at), zone)).toBe(date);
  });
});

describe('proposeId', () => {
  it.each([
    [
      '2024-03-01T14:02:00+01:00',
      'Checkout down after a config change',
      '2024-03-01-checkout-down-after-a-config-change',
    ],
    [
      '2024-03-01T14:02:00+01:00',
      'Störung: Größe & Maß überschritten!',
      '2024-03-01-storung-grosse-mass-uberschritten',
    ],
    ['2024-03-01T14:02:00+01:00', '!!!', '2024-03-01-incident'],
    [
      '2024-03-01T14:02:00+01:00',
      'Payments and refunds failing for most European customers of the new checkout',
      '2024-03-01-payments-and-refunds-failing-for-most-european-customers',
    ],
    [
      '2024-03-01T14:02:00+01:00',
      'Supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-x y',
      '2024-03-01-supercalifragilisticexpialidocious',
    ],
    ['2024-03-01T14:02:00+01:00', 'A'.repeat(70), `2024-03-01-${'a'.repeat(60)}`],
    [
      '2018-05-15T14:02:00+02:00',
      'Relata CRM web app unusable after a release and a failed rollback',
      '2018-05-15-relata-crm-web-app-unusable-after-a-release',
    ],
  ])('%s + %j -> %s', (started, title, id) => {
    expect(proposeId(started, title)).toBe(id);
    expect(id.length - 11).toBeLessThanOrEqual(60);
  });
});
