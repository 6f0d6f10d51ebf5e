import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFiles } from '../../src/lint/files.js';
import { computeStats, readIncidents, type StatsReport } from '../../src/stats/index.js';
import { ordinal, RECURRENCE_VALUES } from '../../src/stats/recurrence.js';
import { runInProcess, tempDir } from '../helpers/cli.js';
import { writeIncidents, type Incident } from './fixture.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('postmortem-stats-chains-')));
afterEach(() => cleanup());

const at = (day: string, time = '10:00') => `${day}T${time}:00Z`;
function incident(id: string, day: string, categories: string[], services: string[]): Incident {
  return {
    id,
    started: at(day),
    detected: at(day, '10:10'),
    mitigated: at(day, '11:00'),
    resolved: at(day, '12:00'),
    categories,
    services,
  };
}

/*
 * capacity on checkout: 2019-03-10, 2019-05-01 (52 days later), 2019-08-20 (111 days), 2020-06-01
 * (286 days: a new chain of one, not listed). network on search: 2019-05-02 and 2019-12-01 (213
 * days: no chain). The 2019-05-01 incident is also capacity on cart, with 2019-06-01 (31 days).
 */
const INCIDENTS = [
  incident('2019-03-10-a', '2019-03-10', ['capacity'], ['checkout']),
  incident('2019-05-01-b', '2019-05-01', ['capacity'], ['checkout', 'cart']),
  incident('2019-05-02-c', '2019-05-02', ['network'], ['search']),
  incident('2019-06-01-d', '2019-06-01', ['capacity'], ['cart']),
  incident('2019-08-20-e', '2019-08-20', ['capacity'], ['checkout']),
  incident('2019-12-01-f', '2019-12-01', ['network'], ['search']),
  incident('2020-06-01-g', '2020-06-01', ['capacity'], ['checkout']),
];

async function report(windowDays: number): Promise<StatsReport> {
  await writeIncidents(dir, INCIDENTS);
  return computeStats(await readIncidents(findFiles([dir], dir).files, { cwd: dir }), {
    now: '2021-01-01',
    windowDays,
  });
}

describe('recurrence chains', () => {
  it('chains incidents of one category on one service, each within the window of the one before', async () => {
    const r = await report(180);
    expect(r.recurrence.chains.map((c) => [c.category, c.service, c.incidents.map((i) => i.id)])).toEqual([
      ['capacity', 'checkout', ['2019-03-10-a', '2019-05-01-b', '2019-08-20-e']],
      ['capacity', 'cart', ['2019-05-01-b', '2019-06-01-d']],
    ]);
    expect(r.recurrence.chains[0]?.sentence).toBe(
      '2019-08-20-e is the third capacity incident on checkout since March 2019',
    );
  });

  it('takes the window from --window-days', async () => {
    const r = await report(60);
    expect(r.recurrence.chains.map((c) => c.incidents.map((i) => i.id))).toEqual([
      ['2019-05-01-b', '2019-06-01-d'],
      ['2019-03-10-a', '2019-05-01-b'],
    ]);
    const wide = await report(300);
    expect(wide.recurrence.chains[0]?.incidents).toHaveLength(4);
    expect(wide.recurrence.chains.map((c) => c.service)).toContain('search');
  });

  it.each([
    [1, 'first'],
    [3, 'third'],
    [10, 'tenth'],
    [11, '11th'],
    [12, '12th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [111, '111th'],
  ])('counts %i as %s', (n, word) => {
    expect(ordinal(n)).toBe(word);
  });
});

describe('customer impact from impact windows', () => {
  it('sums the windows instead of started..mitigated', async () => {
    // Two waves, as in the crm example: 14:02–14:31 (29 min) and 15:48–16:34 (46 min) = 75 min.
    await writeIncidents(dir, [
      {
        id: '2018-05-15-waves',
        started: '2018-05-15T14:02:00+02:00',
        detected: '2018-05-15T14:04:00+02:00',
        mitigated: '2018-05-15T16:34:00+02:00',
        resolved: '2018-05-15T18:10:00+02:00',
        customers: 8400,
        windows: [
          { start: '2018-05-15T14:02:00+02:00', end: '2018-05-15T14:31:00+02:00' },
          { start: '2018-05-15T13:48:00Z', end: '2018-05-15T14:34:00Z' },
        ],
      },
      {
        id: '2018-06-01-plain',
        started: '2018-06-01T10:00:00Z',
        detected: '2018-06-01T10:01:00Z',
        mitigated: '2018-06-01T10:20:00Z',
        customers: 3,
      },
    ]);
    const r = computeStats(await readIncidents(findFiles([dir], dir).files, { cwd: dir }), {
      now: '2021-01-01',
      windowDays: 180,
    });
    // 8,400 × 75 + 3 × 20
    expect(r.impact).toEqual({ files: 2, fromWindows: 1, customerMinutes: 630_060 });
  });

  it('leaves a file with broken windows out of customer-minutes, with a warning', async () => {
    await writeIncidents(dir, [
      {
        id: '2018-05-15-overlap',
        started: '2018-05-15T14:00:00Z',
        mitigated: '2018-05-15T16:00:00Z',
        windows: [
          { start: '2018-05-15T14:00:00Z', end: '2018-05-15T15:00:00Z' },
          { start: '2018-05-15T14:30:00Z', end: '2018-05-15T15:30:00Z' },
        ],
      },
    ]);
    const r = computeStats(await readIncidents(findFiles([dir], dir).files, { cwd: dir }), {
      now: '2021-01-01',
      windowDays: 180,
    });
    expect(r.impact).toEqual({ files: 0, fromWindows: 0, customerMinutes: 0 });
    expect(r.files.warnings.map((w) => w.message)).toContain(
      'Expected valid `impact.windows`, found that window 2 overlaps the one before or is out of order; left out of customer-minutes.',
    );
  });
});

describe('recurrence is bounded in the services and categories a file lists', () => {
  /** Two incidents a day apart, both with `n` services and `n` categories: n x n shared pairs. */
  async function crossReport(n: number): Promise<{ json: string; report: StatsReport }> {
    const names = (prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    await writeIncidents(join(dir, String(n)), [
      incident('2019-03-10-a', '2019-03-10', names('c'), names('s')),
      incident('2019-03-11-b', '2019-03-11', names('c'), names('s')),
    ]);
    const out = await runInProcess(['stats', String(n), '--format', 'json', '--now', '2021-01-01'], { cwd: dir });
    expect(out.code).toBe(0);
    return { json: out.stdout, report: JSON.parse(out.stdout) as StatsReport };
  }

  it('pairs up every category and service of a file with at most 20 of each, without a warning', async () => {
    const { report: r } = await crossReport(RECURRENCE_VALUES);
    expect(r.recurrence.chains).toHaveLength(RECURRENCE_VALUES * RECURRENCE_VALUES);
    expect(r.files.warnings).toEqual([]);
  });

  it('grows linearly: twice the services and categories, about twice the output, and a warning per file', async () => {
    // Every pair was a chain: 200 of each gave 40,000 chains and 4 times the JSON of 100 of each.
    const small = await crossReport(100);
    const large = await crossReport(200);
    expect(large.json.length / small.json.length).toBeLessThan(2.5);
    expect(large.report.recurrence.chains).toHaveLength(RECURRENCE_VALUES * RECURRENCE_VALUES);
    expect(large.report.counts.byService.rows).toHaveLength(200);
    expect(large.report.times.byCategory).toHaveLength(200);
    expect(large.report.times.byCategory.every((t) => t.incidents === 2)).toBe(true);
    expect(large.report.files.warnings.map((w) => [w.path.split(/[\\/]/).pop(), w.message])).toEqual(
      ['2019-03-10-a.md', '2019-03-11-b.md'].map((file) => [
        file,
        'Expected at most 20 services and 20 root-cause categories, found 200 and 200; ' +
          'recurrence chains use the first 20 of each.',
      ]),
    );
  });
});
