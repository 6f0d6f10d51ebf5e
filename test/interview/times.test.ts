import { describe, expect, it } from 'vitest';
import {
  offsetOnDate,
  parseMomentInput,
  runInterview,
  validateMoment,
  validateZone,
  type Answers,
} from '../../src/interview/index.js';
import { scriptedAsk } from './scripted-ask.js';

describe('typed times', () => {
  it.each([
    ['14:02', 'Europe/Berlin', '2024-03-01', '2024-03-01T14:02:00+01:00'],
    ['9:05', 'Europe/Berlin', '2024-07-01', '2024-07-01T09:05:00+02:00'],
    ['2024-03-01 14:02', 'Europe/Berlin', '2000-01-01', '2024-03-01T14:02:00+01:00'],
    ['2024-03-01T14:02', 'UTC', '2000-01-01', '2024-03-01T14:02:00Z'],
    ['2024-03-01 14:02 +05:30', 'Europe/Berlin', '2000-01-01', '2024-03-01T14:02:00+05:30'],
    ['21.09.2017 14:02', 'Europe/Berlin', '2000-01-01', '2017-09-21T14:02:00+02:00'],
    ['1.2.2024 08:15', 'Europe/Berlin', '2000-01-01', '2024-02-01T08:15:00+01:00'],
    ['21.09.2017, 14:02:30 Z', 'Europe/Berlin', '2000-01-01', '2017-09-21T14:02:30Z'],
    ['2024-03-01T14:02:00+01:00', 'UTC', '2000-01-01', '2024-03-01T14:02:00+01:00'],
    ['14:02', '+02:00', '2024-12-01', '2024-12-01T14:02:00+02:00'],
  ])('%s in %s on %s is %s', (text, zone, date, iso) => {
    expect(parseMomentInput(text, { zone, date })).toEqual({ iso });
  });

  it.each([
    ['31.02.2024 10:00', 'Expected a real date and time'],
    ['25:00', 'Expected a real date and time'],
    ['yesterday', 'or 01.03.2024 14:02'],
  ])('%s is refused: %s', (text, message) => {
    const parsed = parseMomentInput(text, { zone: 'Europe/Berlin', date: '2024-03-01' });
    expect('error' in parsed && parsed.error).toContain(message);
  });

  it.each([
    ['Europe/Berlin', '2024-12-01', '+01:00'],
    ['Europe/Berlin', '2024-07-01', '+02:00'],
    ['America/New_York', '2024-01-15', '-05:00'],
    ['UTC', '2024-07-01', '+00:00'],
  ])('the hint gives %s on %s the offset %s', (zone, date, offset) => {
    expect(offsetOnDate(zone, date)).toBe(offset);
  });

  it.each([
    ['CEST', 'CEST is an abbreviation, which names no rules for summer time; did you mean Europe/Berlin?'],
    ['MESZ', 'did you mean Europe/Berlin?'],
    ['Europe/Berln', 'Did you mean Europe/Berlin?'],
    ['america/new york', 'Did you mean America/New_York?'],
  ])('the zone %s gets a suggestion', (text, suggestion) => {
    expect(validateZone(text)).toContain(suggestion);
  });

  it('suggests nothing for a zone nothing is close to', () => {
    expect(validateZone('Atlantis/Capital-City-Of-Nowhere')).toMatch(/found ".*"\.$/);
  });

  it('offers the next day for a time after midnight that comes before the previous moment', () => {
    const check = {
      name: 'detected' as const,
      zone: 'Europe/Berlin',
      date: '2024-03-01',
      previous: { name: 'started' as const, iso: '2024-03-01T23:10:00+01:00' },
    };
    expect(validateMoment('00:30', check)).toContain('If it was the next day, type "2024-03-02 00:30".');
    expect(validateMoment('2024-03-02 00:30', check)).toBe(true);
    // A time that is simply wrong gets no such offer.
    expect(validateMoment('2024-03-01 22:00', check)).not.toContain('next day');
  });
});

describe('times in the interview', () => {
  const given: Answers = {
    title: 'Checkout down',
    severity: 'SEV2',
    services: ['checkout'],
    authors: ['Ana'],
    timezone: 'Europe/Berlin',
  };

  it('echoes each parsed moment with date and offset, and shows the offset of that date in the hint', async () => {
    const said: string[] = [];
    const ask = scriptedAsk([
      { input: '01.12.2024 14:02', expect: 'Europe/Berlin, +01:00 on that date' },
      { input: '14:04', expect: 'HH:MM on 2024-12-01 in Europe/Berlin, +01:00 on that date' },
      { input: '15:00', expect: 'mitigated' },
      { input: '16:00', expect: 'resolved' },
    ]);
    await runInterview({
      ask,
      given: { ...given, id: '2024-12-01-checkout-down' },
      steps: {},
      now: Date.parse('2024-12-02T09:00:00Z'),
      machineZone: 'UTC',
      say: (t) => said.push(t),
    }).catch(() => undefined);
    expect(said).toContain('  started: 2024-12-01 14:02 +01:00');
    // The last one too, though the next section's header comes before anything else is asked.
    expect(said).toContain('  resolved: 2024-12-01 16:00 +01:00');
  });

  it('writes a timeline event typed in UTC in the incident zone, and does not repeat a moment typed again', async () => {
    const ask = scriptedAsk([
      { confirm: true, expect: 'Add a timeline event' },
      { input: '2024-03-01T13:20Z', expect: 'When?' },
      { input: 'Rollback started', expect: 'What happened' },
      { confirm: true, expect: 'Add another timeline event' },
      { input: '14:04', expect: 'When?' },
      { input: 'The error-rate alert paged the on-call engineer', expect: 'What happened' },
      { confirm: false, expect: 'Add another timeline event' },
      { select: 'done', expect: 'Review the timeline' },
    ]);
    const answers = await runInterview({
      ask,
      given: {
        ...given,
        id: '2024-03-01-checkout-down',
        started: '2024-03-01T14:02:00+01:00',
        detected: '2024-03-01T14:04:00+01:00',
        mitigated: '2024-03-01T15:10:00+01:00',
        resolved: '2024-03-01T16:00:00+01:00',
        summary: 'Checkout was down.',
        impact: { customers_affected: 1, data_loss: false, description: 'Checkout failed.' },
        root_causes: [{ category: 'other', summary: 'A cause.' }],
        followups: { other: { description: 'A cause.' } },
        root_cause: 'A cause.',
        five_whys: ['Because.'],
        detection: 'An alert.',
        resolution: 'A revert.',
        action_items: [],
        lessons: { went_well: ['a'], went_wrong: ['b'], got_lucky: ['c'] },
        notice: { languages: [], headline: {}, what_happened: {}, customer_impact: {}, next_steps: {}, apology: {} },
      },
      steps: {},
      now: Date.parse('2024-03-02T09:00:00Z'),
      machineZone: 'UTC',
    });
    expect(answers.timeline).toEqual([
      { at: '2024-03-01T14:02:00+01:00', event: 'Impact begins' },
      { at: '2024-03-01T14:04:00+01:00', event: 'The error-rate alert paged the on-call engineer' },
      { at: '2024-03-01T14:20:00+01:00', event: 'Rollback started' },
      { at: '2024-03-01T15:10:00+01:00', event: 'Impact mitigated' },
      { at: '2024-03-01T16:00:00+01:00', event: 'Incident resolved' },
    ]);
  });
});
