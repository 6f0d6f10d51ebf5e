import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

// `--now` is read by one parser for lint, stats and actions: the same values are refused with the
// same message (exit 2), and the same values are accepted as the same day.

const COMMANDS = [
  ['lint', 'examples'],
  ['stats', 'examples', '--format', 'json'],
  ['actions', 'examples', '--format', 'json'],
];

const BAD = [
  '2020-02-30',
  '2021-02-29',
  '2020-13-01',
  '2020-01-01 junk',
  '2020-01-01T10:00',
  '2020-04-31T10:00:00Z',
  '2020-01-01T24:00:00Z',
  '-1',
  '0',
  '99999-01-01',
  '+099999-01-01',
  'tomorrow',
  '',
];

describe('--now: one parser for every command', () => {
  it.each(COMMANDS.flatMap((command) => BAD.map((now) => [command[0] as string, now, command] as const)))(
    '%s refuses --now %j with exit 2 and one message',
    async (_name, now, command) => {
      const r = await runInProcess([...command, '--now', now]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `--now ${now}: expected a date (2020-02-01) or an ISO timestamp with an offset (2020-02-01T10:00:00Z).`,
      );
    },
  );

  it.each([
    ['2020-02-29', '2020-02-29'],
    ['2020-02-29T23:59:59+01:00', '2020-02-29'],
    ['2020-02-29T23:30:00-01:00', '2020-03-01'],
    ['2020-03-01T00:00Z', '2020-03-01'],
  ])('stats and lint accept --now %s as the UTC day %s', async (now, day) => {
    const stats = await runInProcess(['stats', 'examples', '--format', 'json', '--now', now]);
    expect(stats.code).toBe(0);
    expect((JSON.parse(stats.stdout) as { now: string }).now).toBe(day);
    const lint = await runInProcess(['lint', 'examples', '--format', 'json', '--now', now]);
    expect(lint.stderr).not.toContain('--now');
    expect([0, 1]).toContain(lint.code);
    const actions = await runInProcess(['actions', 'examples', '--format', 'json', '--now', now]);
    expect(actions.code).toBe(0);
  });
});
