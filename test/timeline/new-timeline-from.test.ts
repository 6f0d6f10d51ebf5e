import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

/** A workspace with the timeline fixtures and an answers file for the same incident. */
async function workspace(keepTimeline: boolean): Promise<string> {
  const { dir, cleanup } = await tempDir('postmortem-new-timeline-');
  cleanups.push(cleanup);
  await cp(join(ROOT, 'test', 'fixtures', 'timeline'), dir, { recursive: true });
  const answers = parse(
    await readFile(join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml'), 'utf8'),
  ) as Record<string, unknown>;
  Object.assign(answers, {
    started: '2024-03-30 23:10',
    detected: '2024-03-30 23:12',
    mitigated: '2024-03-30 23:55',
    resolved: '2024-03-31 03:40',
  });
  // The example's action items fall due in 2018; this incident is in 2024.
  for (const item of answers.action_items as Array<Record<string, unknown>>) item.due = '2024-05-31';
  if (keepTimeline) answers.timeline = [{ at: '2024-03-30 23:20', event: 'Replica restarted by hand' }];
  else delete answers.timeline;
  await writeFile(join(dir, 'answers.yaml'), stringify(answers));
  return dir;
}

async function writtenTimeline(dir: string): Promise<string> {
  const [name] = await readdir(join(dir, 'out'));
  const text = await readFile(join(dir, 'out', name as string), 'utf8');
  return text.slice(text.indexOf('## Timeline'), text.indexOf('\n## ', text.indexOf('## Timeline') + 1));
}

describe('new --timeline-from', () => {
  it('takes the preselected candidates without a terminal, in the incident zone, and the file passes lint', async () => {
    const dir = await workspace(false);
    const r = await runInProcess(
      [
        'new',
        '--answers',
        'answers.yaml',
        '--dir',
        'out',
        '--timeline-from',
        'pagerduty-log-entries.json',
        '--timeline-from',
        'slack',
        '--timeline-channel',
        'inc-db',
      ],
      { cwd: dir },
    );
    expect(r.stderr).toContain('pagerduty-log-entries.json:70: expected a log entry');
    expect(r.code).toBe(0);
    const timeline = await writtenTimeline(dir);
    expect(timeline).toContain(
      '2024-03-30 23:12 +01:00 — PagerDuty incident triggered: PostgresReplicationLag on db-primary',
    );
    expect(timeline).toContain('2024-03-31 03:05 +02:00 — Rolled back the connection pool config change');
    expect(timeline).not.toContain('— ok');
    // The example's notice needs the display names its project config gives; that is not this test's business.
    const lint = await runInProcess(
      ['lint', 'out', '--rule', 'notice-services:off', '--rule', 'notice-signature:off'],
      { cwd: dir },
    );
    expect(lint.stdout).toBe('');
  });

  it('adds them to a timeline the answers give', async () => {
    const dir = await workspace(true);
    const r = await runInProcess(
      ['new', '--answers', 'answers.yaml', '--dir', 'out', '--timeline-from', 'pagerduty-log-entries.json'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    const timeline = await writtenTimeline(dir);
    expect(timeline).toContain('2024-03-30 23:20 +01:00 — Replica restarted by hand');
    expect(timeline).toContain('2024-03-31 03:40 +02:00 — PagerDuty incident resolved by a responder');
  });
});
