#!/usr/bin/env node
// Benchmark: `postmortem timeline` importing a generated Slack export of 50,000 messages over a
// week (one channel, seven day files, mentions, links, bots, joins, threads), as a fresh process
// with --all, so every message is read, decoded, ranked and printed. It reports wall and CPU time. Not a test; `npm run bench`
// runs it. Options: --messages N (default 50000)  --runs N (default 3)  --budget SECONDS (default 2)
// --strict (exit 1 over budget)  --keep (leave the export in the temp folder)
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, args, ROOT } from './bench-args.mjs';
import { prng } from './bench-corpus.mjs';

const MESSAGES = Number(arg('--messages', '50000'));
const RUNS = Number(arg('--runs', '3'));
const BUDGET = Number(arg('--budget', '2'));
const STRICT = args.includes('--strict');
const KEEP = args.includes('--keep');
const DAY = 86_400_000;
const START = Date.UTC(2024, 2, 25, 0, 0, 0);

const PHRASES = [
  'looking into it',
  'can you check the <#C0DB|db-ops> dashboard?',
  'error rate on checkout is up to 12%, see <https://grafana.example.com/d/abc?from=now-1h|grafana>',
  'Restarted the api pods in eu-west-1',
  'rolled back release 4.12 &amp; config 41',
  'ok',
  'thanks <@U0001>',
  'Failover to the standby completed, latency back to normal',
  'I think the cache is cold, hit rate is 40%',
  'Status page updated: investigating',
  'paging <!subteam^S01|@db-oncall> for the replicas',
];

async function generate(dir) {
  const rand = prng(20);
  const users = Array.from({ length: 50 }, (_, i) => ({
    id: `U${String(i).padStart(4, '0')}`,
    name: `user${i}`,
    real_name: `Person Number${i}`,
    profile: { real_name: `Person Number${i}`, display_name: `person${i}` },
  }));
  await writeFile(join(dir, 'users.json'), JSON.stringify(users));
  await writeFile(
    join(dir, 'channels.json'),
    JSON.stringify([
      { id: 'C0INC', name: 'inc-week' },
      { id: 'C0DB', name: 'db-ops' },
    ]),
  );
  await mkdir(join(dir, 'inc-week'));
  const perDay = Math.ceil(MESSAGES / 7);
  let left = MESSAGES;
  for (let d = 0; d < 7; d++) {
    const day = [];
    const n = Math.min(perDay, left);
    left -= n;
    for (let i = 0; i < n; i++) {
      const ts = ((START + d * DAY + Math.floor((i / n) * DAY)) / 1000).toFixed(6);
      const user = users[Math.floor(rand() * users.length)].id;
      const r = rand();
      if (r < 0.03)
        day.push({ type: 'message', subtype: 'channel_join', user, text: `<@${user}> has joined the channel`, ts });
      else if (r < 0.1)
        day.push({
          type: 'message',
          subtype: 'bot_message',
          bot_id: 'B01',
          username: 'alertmanager',
          text: '',
          ts,
          attachments: [{ fallback: `[FIRING:1] HighErrorRate checkout ${i}` }],
        });
      else {
        const text = `${PHRASES[Math.floor(rand() * PHRASES.length)]} (${i})`;
        const m = { type: 'message', user, text, ts };
        if (rand() < 0.1) m.thread_ts = ts;
        if (rand() < 0.05) m.edited = { user, ts };
        day.push(m);
      }
    }
    const date = new Date(START + d * DAY).toISOString().slice(0, 10);
    await writeFile(join(dir, 'inc-week', `${date}.json`), JSON.stringify(day, null, 1));
  }
  await writeFile(
    join(dir, '2024-03-25-week.md'),
    [
      '---',
      'id: 2024-03-25-week',
      'title: A week-long degradation',
      'status: draft',
      'severity: SEV3',
      'authors: [Bench Writer]',
      'services: [checkout]',
      'started: 2024-03-25T01:00:00Z',
      'detected: 2024-03-25T01:00:00Z',
      'resolved: 2024-03-31T23:59:00Z',
      'timezone: Europe/Berlin',
      'impact: { customers_affected: 1, data_loss: false }',
      '---',
      '',
      '## Timeline',
      '',
      '- 2024-03-25 02:00 +01:00 — Degradation starts',
      '',
    ].join('\n'),
  );
}

// The child measures itself: its wall time from start to exit and its CPU time (user + system), which
// is what the budget is about when other work shares the machine's cores.
const CHILD = `
const started = performance.now();
const { run } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'run.js'))});
const { processIo } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'io.js'))});
let lines = 0;
const sink = { write: (t) => { lines += t.split('\\n').length - 1; return true; } };
const io = { ...(await processIo()), stdout: sink, stderr: { write: () => true } };
const code = await run(process.argv.slice(1), io);
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ code, lines, wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }));
`;

function timeRun(dir) {
  return new Promise((resolve, reject) => {
    const args = [
      '--input-type=module',
      '-e',
      CHILD,
      '--',
      'timeline',
      '2024-03-25-week.md',
      '--from',
      '.',
      '--channel',
      'inc-week',
      '--all',
    ];
    const child = spawn(process.execPath, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`no timing from the child: ${out.slice(0, 300)}`));
      }
    });
  });
}

const dir = await mkdtemp(join(tmpdir(), 'postmortem-bench-timeline-'));
try {
  await generate(dir);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeRun(dir));
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  console.log(
    `timeline: ${MESSAGES} Slack messages over 7 days -> ${runs[0].lines} printed lines (exit ${runs[0].code}); ` +
      `median of ${RUNS} runs: ${median('wall').toFixed(2)} s wall, ${median('cpu').toFixed(2)} s CPU; budget ${BUDGET} s ` +
      `(load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
  if (STRICT && Math.min(median('wall'), median('cpu')) > BUDGET) process.exitCode = 1;
} finally {
  if (KEEP) console.log(`export kept in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
