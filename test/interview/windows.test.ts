import { describe, expect, it } from 'vitest';
import { buildPostmortem, readWindows, runInterview, type Answers } from '../../src/interview/index.js';
import { scriptedAsk } from './scripted-ask.js';

const MOMENTS = {
  started: '2024-03-01T14:02:00+01:00',
  detected: '2024-03-01T14:04:00+01:00',
  mitigated: '2024-03-01T16:30:00+01:00',
  resolved: '2024-03-01T17:00:00+01:00',
};
const CONTEXT = { zone: 'Europe/Berlin', date: '2024-03-01' };

describe('impact windows', () => {
  it('asks when impact was felt if it was not continuous, and writes impact.windows', async () => {
    const given: Answers = {
      id: '2024-03-01-checkout-down',
      title: 'Checkout down',
      severity: 'SEV2',
      services: ['checkout'],
      authors: ['Ana'],
      timezone: 'Europe/Berlin',
      ...MOMENTS,
      summary: 'Checkout failed twice.',
      timeline: [],
      root_causes: [{ category: 'other', summary: 'A cause.' }],
      followups: { other: { description: 'A cause.' } },
      root_cause: 'A cause.',
      five_whys: [],
      detection: 'An alert.',
      resolution: 'A revert.',
      action_items: [{ action: 'Fix it', type: 'prevent', owner: 'sre', due: '2024-04-01' }],
      lessons: { went_well: ['a'], went_wrong: ['b'], got_lucky: ['c'] },
      notice: { languages: [], headline: {}, what_happened: {}, customer_impact: {}, next_steps: {}, apology: {} },
    };
    const ask = scriptedAsk([
      { input: '640', expect: 'customers' },
      { confirm: false, expect: 'data lost' },
      { input: '', expect: 'Impact in one sentence' },
      { confirm: false, expect: 'without a break' },
      { input: '14:40', expect: 'it began 2024-03-01 14:02 +01:00' },
      { confirm: true, expect: 'come back' },
      { input: '15:50', expect: 'When did it come back' },
      { input: '16:30', expect: 'spell of impact end' },
      { confirm: false, expect: 'come back' },
    ]);
    const answers = await runInterview({
      ask,
      given,
      steps: {},
      now: Date.parse('2024-03-02T00:00:00Z'),
      machineZone: 'UTC',
    });
    expect(answers.impact?.windows).toEqual([
      { start: '2024-03-01T14:02:00+01:00', end: '2024-03-01T14:40:00+01:00' },
      { start: '2024-03-01T15:50:00+01:00', end: '2024-03-01T16:30:00+01:00' },
    ]);
    expect((buildPostmortem(answers).data.impact as Record<string, unknown>).windows).toEqual(answers.impact?.windows);
  });

  it('reads windows from an answers file', () => {
    expect(
      readWindows(
        [
          { start: '14:02', end: '14:40' },
          { start: '15:50', end: '16:30' },
        ],
        CONTEXT,
        MOMENTS,
      ),
    ).toEqual({
      windows: [
        { start: '2024-03-01T14:02:00+01:00', end: '2024-03-01T14:40:00+01:00' },
        { start: '2024-03-01T15:50:00+01:00', end: '2024-03-01T16:30:00+01:00' },
      ],
      problems: [],
    });
  });

  it.each([
    ['not a list', 'soon', 'impact.windows', 'Expected a list of {start, end}'],
    ['a missing end', [{ start: '14:02' }], 'impact.windows.0.end', 'Expected a time, found none.'],
    [
      'a late first start',
      [{ start: '14:10', end: '14:40' }],
      'impact.windows.0',
      'Expected the first window to start at started',
    ],
    ['an end before its start', [{ start: '14:02', end: '14:00' }], 'impact.windows.0', 'Expected end after start'],
    [
      'overlapping windows',
      [
        { start: '14:02', end: '15:00' },
        { start: '14:50', end: '15:10' },
      ],
      'impact.windows.1',
      'not overlapping',
    ],
    [
      'an end after resolved',
      [{ start: '14:02', end: '18:00' }],
      'impact.windows.0',
      'Expected the window to end by resolved',
    ],
  ])('refuses %s', (_what, raw, key, message) => {
    const { problems } = readWindows(raw, CONTEXT, MOMENTS);
    expect(problems).toContainEqual({ key, message: expect.stringContaining(message) as string });
  });
});
