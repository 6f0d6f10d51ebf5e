import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { writeIncidents } from './fixture.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'stats.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('postmortem-stats-cli-')));
afterEach(() => cleanup());

const NOW = ['--now', '2023-06-01'];

describe('postmortem stats', () => {
  it('writes JSON that the documented schema accepts', async () => {
    const r = await runInProcess(['stats', 'examples', '--format', 'json', ...NOW]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { impact: { customerMinutes: number } };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.impact.customerMinutes).toBe(100_512_180_000);
  });

  it('the schema rejects what the report never holds', () => {
    expect(validate({ schemaVersion: 2 })).toBe(false);
  });

  it('lists unreadable files on stderr and in the report, and exits 1', async () => {
    await copyFile(join(ROOT, 'examples', '2019-03-12-carshare-db-maintenance.md'), join(dir, 'a.md'));
    await writeFile(join(dir, 'b.md'), 'no front matter here\n');
    const r = await runInProcess(['stats', '.', '--format', 'json', ...NOW], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { total: number; unreadable: Array<{ path: string }> } };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.files.total).toBe(2);
    expect(report.files.unreadable.map((n) => n.path)).toEqual(['b.md']);
    expect(r.stderr).toContain('1 of 2 files could not be read');
    expect(r.stderr).toContain('b.md:1:1: Expected front matter opening with `---` on line 1');
  });

  it('prints a terminal table by default', async () => {
    const r = await runInProcess(['stats', 'examples', ...NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Postmortem stats: 5 files: 5 readable; 0 warnings.');
    expect(r.stdout).toContain(
      'Customer impact: 100,512,180,000 customer-minutes (5 files, 2 of them from impact windows)',
    );
    expect(r.stdout).toMatch(/^ {2}all +5 {2}7 min \/ 4 h 33 min \(5\) +5 h 6 min \/ 23 h 3 min \(5\)/m);
    expect(r.stdout).toContain('Action items: 25 in 5 files, 11 open, 10 overdue on 2023-06-01');
  });

  it('writes the Markdown report page', async () => {
    const r = await runInProcess(['stats', 'examples', '--format', 'markdown', ...NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it('writes action items as CSV', async () => {
    const r = await runInProcess(['stats', 'examples', '--format', 'csv', ...NOW]);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('postmortem,file,line,action,type,owner,due,status,ticket,open,overdue');
    expect(lines).toHaveLength(26);
    // Line 116 of the crm example (96 before it gained timezone, windows and notice facts, 110 before French).
    expect(lines[1]).toBe(
      '2018-05-15-crm-release-rollback-failed,examples/2018-05-15-crm-release-rollback-failed.md,116,' +
        'Fail the release pipeline when production lacks a config key that staging has,' +
        'prevent,release-eng,2018-05-31,done,CRM-4711,false,false',
    );
  });

  it('writes --out once and refuses to overwrite it without --force', async () => {
    const out = join(dir, 'stats.html');
    const first = await runInProcess(['stats', join(ROOT, 'examples'), '--format', 'html', '--out', out, ...NOW]);
    expect(first.code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^<!doctype html>/);
    const again = await runInProcess(['stats', join(ROOT, 'examples'), '--format', 'html', '--out', out, ...NOW]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; use --force');
    const forced = await runInProcess(['stats', join(ROOT, 'examples'), '--out', out, '--force', ...NOW]);
    expect(forced.code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/^Postmortem stats/);
  });

  it.each([
    [['--format', 'pdf'], /--format/],
    [['--window-days', '0'], /--window-days 0: expected a whole number/],
    [['--now', 'yesterday'], /--now yesterday: expected a date/],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await runInProcess(['stats', 'examples', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 when no file matches', async () => {
    const r = await runInProcess(['stats'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('postmortems/**/*.md: no files matched.');
  });
});

describe('stats --format json: moments', () => {
  it('writes RFC 3339 with seconds when the files leave them out, as the schema requires', async () => {
    const at = (day: string, time: string) => `${day}T${time}+02:00`;
    await writeIncidents(
      dir,
      ['2019-03-10', '2019-04-01'].map((day) => ({
        id: `${day}-slow`,
        started: at(day, '10:00'),
        detected: at(day, '10:10'),
        mitigated: at(day, '11:00'),
        resolved: at(day, '12:00'),
      })),
    );
    const r = await runInProcess(['stats', '.', '--format', 'json', ...NOW], { cwd: dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { recurrence: { chains: Array<{ incidents: Array<{ started: string }> }> } };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.recurrence.chains.flatMap((c) => c.incidents.map((i) => i.started))).toEqual([
      '2019-03-10T10:00:00+02:00',
      '2019-04-01T10:00:00+02:00',
    ]);
  });
});
