import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'timeline');
const PM = '2024-03-30-replication-lag.md';
const run = promisify(execFile);

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

/** A temp folder holding a copy of the fixtures. */
async function workspace(): Promise<string> {
  const { dir, cleanup } = await tempDir('postmortem-timeline-');
  cleanups.push(cleanup);
  await cp(FIXTURES, dir, { recursive: true });
  return dir;
}

/** The Slack export of the fixtures, its incident channel. */
const SLACK = ['--from', 'slack', '--channel', 'inc-db'];

/** `postmortem timeline PM ARGS…` in `dir`. */
const timelineIn = (dir: string, args: string[]) => runInProcess(['timeline', PM, ...args], { cwd: dir });

/** `postmortem timeline PM ARGS…` in a fresh copy of the fixtures. */
async function timeline(args: string[]): ReturnType<typeof timelineIn> {
  return timelineIn(await workspace(), args);
}

const added = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('+ '))
    .map((l) => l.slice(2));

describe('timeline from a Slack export', () => {
  it('reads the channel in the window, in the incident zone across midnight and the DST change', async () => {
    const r = await timeline([...SLACK, '--all']);
    const items = added(r.stdout);
    expect(items).toContain(
      '- 2024-03-30 23:12 +01:00 — \\[FIRING:1\\] PostgresReplicationLag db-primary: replication lag above 30s',
    );
    // An edited message counts at the time it was first posted (23:40), with its final words.
    expect(items).toContain('- 2024-03-30 23:40 +01:00 — Failing over to the standby db-standby-1 now');
    // A thread reply counts; midnight (local) and the switch to summer time (+02:00 from 03:00) are placed right.
    expect(items).toContain('- 2024-03-30 23:25 +01:00 — Restarted the replica db-replica-2, lag still growing');
    expect(items).toContain('- 2024-03-31 01:05 +01:00 — Status page updated, monitoring recovery: status page @here');
    expect(items).toContain(
      '- 2024-03-31 03:05 +02:00 — Rolled back the connection pool config change (max_connections 500 -> 200)',
    );
    // Mentions, channel links, entities; names typed in the text become roles too.
    expect(items).toContain(
      '- 2024-03-30 23:14 +01:00 — a responder can you look? replication lag on #db-ops & checkout errors?',
    );
    expect(items).toContain('- 2024-03-30 23:50 +01:00 — thanks a responder, a responder restarted pgbouncer as well');
    const all = r.stdout;
    for (const absent of [
      'joined',
      'left the channel',
      'lunch',
      'postmortem tomorrow',
      'coffee',
      'Bob',
      'alice',
      'human error',
    ])
      expect(all).not.toContain(absent);
    // The existing items are kept, in order, unmarked.
    expect(r.stdout).toContain('  - 2024-03-30 23:10 +01:00 — Connection pool config change applied to pgbouncer\n');
    expect(r.stderr).toContain('slack/inc-db/2024-03-30.json:66: expected a message with a `ts`');
    expect(r.stderr).toMatch(/slack\/inc-db\/2024-03-30\.json:100: left out: .*"human error"/);
    expect(r.code).toBe(1);
  });

  it('preselects the events that matter and leaves chatter for --all', async () => {
    const r = await timeline([...SLACK]);
    const items = added(r.stdout).join('\n');
    expect(items).toContain('Failing over to the standby');
    expect(items).toContain('Rolled back the connection pool');
    expect(items).toContain('Deployed pgbouncer-config v41');
    expect(items).not.toContain('— ok');
    expect(items).not.toContain('can you look?');
    expect(r.stderr).toMatch(/lower-ranked candidates? not shown \(--all shows them\)/);
  });

  it('writes the roles the config maps instead of "a responder"', async () => {
    const dir = await workspace();
    await writeFile(
      join(dir, '.postmortemrc.json'),
      JSON.stringify({ timeline: { roles: { U02BOB: 'the on-call engineer', alice: 'the incident commander' } } }),
    );
    const r = await timelineIn(dir, [...SLACK, '--all']);
    expect(r.stdout).toContain('— the on-call engineer can you look?');
    expect(r.stdout).toContain('thanks the on-call engineer, the on-call engineer restarted pgbouncer');
  });

  it('refuses a config whose timeline.roles is not a map of text, naming the key', async () => {
    const dir = await workspace();
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify({ timeline: { roles: { U02BOB: 7 } } }));
    const r = await timelineIn(dir, [...SLACK]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`timeline.roles.U02BOB`: expected non-empty text (a role), found 7.');
  });

  it('reads the .zip Slack gives as it reads the folder', async () => {
    const dir = await workspace();
    const files: Record<string, Uint8Array> = {};
    for (const name of [
      'users.json',
      'channels.json',
      'inc-db/2024-03-30.json',
      'inc-db/2024-03-31.json',
      'random/2024-03-30.json',
    ])
      files[name] = strToU8(await readFile(join(dir, 'slack', name), 'utf8'));
    await writeFile(join(dir, 'export.zip'), zipSync(files));
    const folder = await timelineIn(dir, [...SLACK, '--all']);
    const zip = await timelineIn(dir, ['--from', 'export.zip', '--channel', 'inc-db', '--all']);
    expect(zip.stdout).toBe(folder.stdout);
    expect(zip.stderr).toContain('export.zip:inc-db/2024-03-30.json:66:');
  });

  it('asks for --channel when the export has several, naming them', async () => {
    const r = await timeline(['--from', 'slack']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('slack: this Slack export has inc-db, random; choose one with --channel NAME.');
  });
});

describe('timeline from pager logs', () => {
  it('reads PagerDuty log_entries: triggered, acknowledged, escalated, notes, resolved; no names, no notifications', async () => {
    const r = await timeline(['--from', 'pagerduty-log-entries.json', '--all']);
    expect(added(r.stdout)).toEqual([
      '- 2024-03-30 23:12 +01:00 — PagerDuty incident triggered: PostgresReplicationLag on db-primary',
      '- 2024-03-30 23:15 +01:00 — PagerDuty incident acknowledged by a responder',
      '- 2024-03-30 23:30 +01:00 — PagerDuty incident escalated',
      '- 2024-03-30 23:45 +01:00 — Note: Standby db-standby-1 promoted to primary',
      '- 2024-03-31 03:40 +02:00 — PagerDuty incident resolved by a responder',
    ]);
    expect(r.stderr).toContain(
      'pagerduty-log-entries.json:70: expected a log entry with a `created_at` timestamp with a zone; skipped',
    );
    expect(r.code).toBe(1);
  });

  it('reads Opsgenie alert logs without owners or notifications', async () => {
    const r = await timeline(['--from', 'opsgenie:opsgenie-alert-logs.json', '--all']);
    expect(added(r.stdout)).toEqual([
      '- 2024-03-30 23:12 +01:00 — Opsgenie: Alert created via Prometheus',
      '- 2024-03-30 23:15 +01:00 — Opsgenie: Alert acknowledged via web',
      '- 2024-03-31 03:40 +02:00 — Opsgenie: Alert closed by a responder via web',
    ]);
    expect(r.stderr).toContain('opsgenie-alert-logs.json:31: expected an alert log entry with a `createdAt` timestamp');
  });

  it('says what shape it expected when a forced source is other JSON', async () => {
    const r = await timeline(['--from', 'pagerduty:opsgenie-alert-logs.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected PagerDuty log entries ({"log_entries": [...]}), found JSON of another shape.');
  });
});

describe('timeline from text', () => {
  it('reads HH:MM lines on the incident date, rolling over midnight, without speakers', async () => {
    const r = await timeline(['--from', 'chat.txt', '--all']);
    expect(added(r.stdout)).toEqual([
      '- 2024-03-30 23:15 +01:00 — checking the replication dashboards',
      '- 2024-03-30 23:20 +01:00 — Restarted db-replica-2',
      '- 2024-03-30 23:58 +01:00 — Failover to db-standby-1 complete, errors dropping',
      '- 2024-03-31 00:10 +01:00 — Status page updated: monitoring',
      '- 2024-03-31 00:12 +01:00 — Error rate back to normal',
    ]);
    expect(r.stderr).toContain(
      'chat.txt:6:1: expected a time at the start of the line, found "not a time at all"; skipped',
    );
    expect(r.stderr).toContain('chat.txt:7:1: expected a real date and time, found "25:99"; skipped');
  });

  it('reads bracketed, German, ISO with a zone, zsh and bash history timestamps', async () => {
    const r = await timeline(['--from', 'text:history.txt', '--all']);
    expect(added(r.stdout)).toEqual([
      '- 2024-03-30 23:30 +01:00 — kubectl get pods -n checkout',
      '- 2024-03-30 23:31 +01:00 — kubectl rollout restart deploy/checkout -n checkout',
      // A handle speaks once: still a speaker, not copied ("Error rate …" in chat.txt is no speaker).
      '- 2024-03-31 03:05 +02:00 — Rolled back the pool config',
      "- 2024-03-31 03:15 +02:00 — Command run: psql -c 'select pg_is_in_recovery()'",
      '- 2024-03-31 03:20 +02:00 — Command run: helm rollback pgbouncer 40',
    ]);
    expect(r.code).toBe(0);
  });

  // The time pattern used to backtrack quadratically (41 s here, well under a second after the fix);
  // test/lint/builtin-patterns.test.ts proves it linear with recheck, the same on any machine.
  it('reads a line of 200,000 blanks then a word, and the line after it', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'blanks.txt'), `${' '.repeat(200_000)}x\n[ 23:15 ] bracketed with blanks\n`);
    const r = await timelineIn(dir, ['--from', 'text:blanks.txt', '--all']);
    expect(r.stderr).toContain('blanks.txt:1:1: expected a time at the start of the line, found "x"; skipped');
    expect(added(r.stdout)).toEqual(['- 2024-03-30 23:15 +01:00 — bracketed with blanks']);
  });
});

describe('timeline from git', () => {
  it('reads commits and tags in the window by subject, never the author, whatever GIT_DIR says', async () => {
    const dir = await workspace();
    const repo = join(dir, 'deploy-config');
    await mkdir(repo);
    const git = (args: string[], date?: string) =>
      run('git', args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Erin Committer',
          GIT_AUTHOR_EMAIL: 'erin@example.com',
          GIT_COMMITTER_NAME: 'Erin Committer',
          GIT_COMMITTER_EMAIL: 'erin@example.com',
          ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
        },
      });
    await git(['init', '-q', '-b', 'main']);
    await git(['commit', '-q', '--allow-empty', '-m', 'Old change outside the window'], '2024-03-29T12:00:00Z');
    await git(
      ['commit', '-q', '--allow-empty', '-m', 'Raise pgbouncer max_connections to 500'],
      '2024-03-30T22:09:00Z',
    );
    await git(
      ['commit', '-q', '--allow-empty', '-m', 'Revert "Raise pgbouncer max_connections to 500"'],
      '2024-03-31T01:04:00Z',
    );
    await git(['tag', 'v41'], '2024-03-31T01:04:00Z');
    // A GIT_DIR inherited from a hook must not send git to another repository.
    const r = await runInProcess(['timeline', PM, '--from', 'deploy-config', '--all'], {
      cwd: dir,
      env: { GIT_DIR: join(ROOT, '.git') },
    });
    const items = added(r.stdout).map((l) => l.replace(/\(commit [0-9a-f]+\)/, '(commit H)'));
    expect(items).toEqual([
      '- 2024-03-30 23:09 +01:00 — deploy-config: Raise pgbouncer max_connections to 500 (commit H)',
      '- 2024-03-31 03:04 +02:00 — deploy-config: Revert "Raise pgbouncer max_connections to 500" (commit H)',
      '- 2024-03-31 03:04 +02:00 — deploy-config: tag v41 (Revert "Raise pgbouncer max_connections to 500")',
    ]);
    expect(r.stdout).not.toContain('Erin');
    expect(r.code).toBe(0);
  });

  it('runs git only through the publish runner (one place that clears GIT_DIR and runs without a shell)', async () => {
    const { readdir } = await import('node:fs/promises');
    const sources = (await readdir(join(ROOT, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
    const spawning: string[] = [];
    for (const file of sources)
      if (/from 'node:child_process'/.test(await readFile(join(ROOT, 'src', file), 'utf8'))) spawning.push(file);
    expect(spawning).toEqual([join('publish', 'git.ts')]);
  });

  it('says so when the folder is not a repository', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'plain'));
    const r = await runInProcess(['timeline', PM, '--from', 'git:plain'], {
      cwd: '/tmp' === dir ? dir : dir,
      env: { GIT_CEILING_DIRECTORIES: dir },
    });
    expect(r.stderr).toContain('plain: expected a git repository');
  });
});

describe('timeline --write', () => {
  it('merges sorted and atomically, keeps the mode, passes lint, and adds nothing the second time', async () => {
    const dir = await workspace();
    const file = join(dir, PM);
    await chmod(file, 0o640);
    const args = ['timeline', PM, ...SLACK, '--from', 'pagerduty-log-entries.json', '--from', 'chat.txt', '--write'];
    const first = await runInProcess(args, { cwd: dir });
    expect(first.stdout).toMatch(/added \d+ timeline items/);
    const once = await readFile(file, 'utf8');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    const stamps = [...once.matchAll(/^- (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) ([+-]\d{2}:\d{2})/gm)].map((m) =>
      Date.parse(`${m[1]?.replace(' ', 'T')}:00${m[2]}`),
    );
    expect(stamps.length).toBeGreaterThan(8);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    const lint = await runInProcess(['lint', PM], { cwd: dir });
    expect(lint.stdout + lint.stderr).not.toMatch(/error|warning/);
    expect(lint.code).toBe(0);
    const second = await runInProcess(args, { cwd: dir });
    expect(second.stdout).toContain('nothing new to add');
    expect(await readFile(file, 'utf8')).toBe(once);
  });

  it('refuses to write without a Timeline section', async () => {
    const dir = await workspace();
    const file = join(dir, PM);
    await writeFile(file, (await readFile(file, 'utf8')).replace('## Timeline', '## Chronology'));
    const r = await timelineIn(dir, ['--from', 'chat.txt', '--write']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a "## Timeline" section to merge into');
  });
});

describe('timeline options and broken files', () => {
  it('keeps only the events between --since and --until (times in the incident zone)', async () => {
    const r = await timeline([...SLACK, '--all', '--since', '2024-03-31 03:00', '--until', '2024-03-31T03:30+02:00']);
    expect(added(r.stdout)).toEqual([
      '- 2024-03-31 03:05 +02:00 — Rolled back the connection pool config change (max_connections 500 -> 200)',
      '- 2024-03-31 03:10 +02:00 — Deployed pgbouncer-config v41 (rollback) to production',
    ]);
  });

  it('names the line and column of a JSON syntax error and goes on with the other files', async () => {
    const dir = await workspace();
    await writeFile(
      join(dir, 'slack', 'inc-db', '2024-03-31.json'),
      '[\n  {"type": "message", "ts": "1711847100.0001" "text": "x"}\n]\n',
    );
    const r = await timelineIn(dir, [...SLACK, '--all']);
    expect(r.stderr).toMatch(/slack\/inc-db\/2024-03-31\.json:2:\d+: expected JSON, found a syntax error/);
    expect(r.stdout).toContain('Failover done, checkout errors dropping');
    expect(r.code).toBe(1);
  });
});
