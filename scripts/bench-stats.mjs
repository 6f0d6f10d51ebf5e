#!/usr/bin/env node
// Benchmark: `postmortem stats` over a generated corpus (default 10,000 postmortems), cold (no
// cache of any kind; a fresh process). Not a test; `npm run bench` runs it after the lint bench.
// Options: --sizes 1000,10000  --keep  --dir PATH  --budget SECONDS (default 3)  --strict (exit 1 over budget)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { arg, args, ROOT } from './bench-args.mjs';

const SIZES = arg('--sizes', '10000').split(',').map(Number);
// Inside bench-corpus/, which git ignores; the lint bench has its own folder there.
const DIR = arg('--dir', join(ROOT, 'bench-corpus', 'stats'));
const BUDGET = Number(arg('--budget', '3'));
const KEEP = args.includes('--keep');
const STRICT = args.includes('--strict');
const BIN = join(ROOT, 'bin', 'postmortem.js');

/** mulberry32: a small deterministic PRNG, so every run reads the same corpus. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const CATEGORIES = ['capacity', 'network', 'configuration', 'dependency', 'untested-update', 'data-migration'];
const SERVICES = ['checkout', 'search', 'login', 'cart', 'billing', 'api', 'sync', 'web'];
const SEVERITIES = ['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV3', 'SEV4'];

function shiftDates(text, days) {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})(?=T|\b)/g, (m, y, mo, d) => {
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d)) + days * DAY;
    return Number.isNaN(t) ? m : new Date(t).toISOString().slice(0, 10);
  });
}

/** Examples with shifted dates and drawn severity, services and categories (so chains form); 1 % broken. */
async function generate(count) {
  const dir = join(DIR, String(count));
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const examples = [];
  for (const f of (await readdir(join(ROOT, 'examples'))).filter((f) => f.endsWith('.md')).sort())
    examples.push(await readFile(join(ROOT, 'examples', f), 'utf8'));
  const rand = prng(count);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  for (let i = 0; i < count; i++) {
    const base = examples[i % examples.length];
    let text = shiftDates(base, Math.floor(rand() * 3000) - 1500);
    const date = /^id: (\d{4}-\d{2}-\d{2})/m.exec(text)[1];
    const id = `${date}-incident-${i}`;
    text = text
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^severity: .*$/m, `severity: ${pick(SEVERITIES)}`)
      .replace(/^services:\n(?: {2}- .*\n)+/m, `services:\n  - ${pick(SERVICES)}\n  - ${pick(SERVICES)}\n`)
      .replace(/^ {2}- category: .*$/gm, () => `  - category: ${pick(CATEGORIES)}`);
    if (i % 100 === 37) text = text.replace(/^---\n/, i % 200 === 37 ? '' : '---\nseverity: [\n');
    await writeFile(join(dir, `${id}.md`), text);
  }
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

/** Runs a command; wall seconds and peak RSS (GNU time when present). */
function measure(cmd, cmdArgs) {
  const gnuTime = existsSync('/usr/bin/time');
  const [file, argv] = gnuTime
    ? ['/usr/bin/time', ['-f', '__PEAK_KB__ %M __CPU__ %U %S', cmd, ...cmdArgs]]
    : [cmd, cmdArgs];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-100_000)));
    child.on('close', (code) => {
      const peak = /__PEAK_KB__ (\d+)/.exec(stderr);
      const cpu = /__CPU__ ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
        code,
        peakMb: peak ? Number(peak[1]) / 1024 : NaN,
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
      });
    });
  });
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

async function main() {
  // On a shared machine the wall time says more about the neighbours than about us; CPU time
  // (user + system, all threads) and the load average put it in context.
  console.log(
    `postmortem stats — ${cpus().length} cores, Node ${process.version}, budget ${BUDGET} s, load average ${loadavg()[0].toFixed(1)}`,
  );
  let slow = false;
  for (const count of SIZES) {
    const dir = await generate(count);
    for (const format of ['json', 'html']) {
      const r = await measure(process.execPath, [BIN, 'stats', dir, '--format', format, '--now', '2024-01-01']);
      // Exit 1 is expected: 1 % of the corpus is broken on purpose and listed as unreadable.
      console.log(
        `  ${count} files, --format ${format}: ${fmt(r.seconds, 2)} s  ${fmt(count / r.seconds, 0)} files/s  ` +
          `cpu ${fmt(r.cpuSeconds, 2)} s  peak ${fmt(r.peakMb, 0)} MB  (exit ${r.code})`,
      );
      if (count >= 10_000 && r.seconds > BUDGET) slow = true;
    }
  }
  if (!KEEP) await rm(DIR, { recursive: true, force: true });
  if (slow) {
    console.log(`  over the budget of ${BUDGET} s for 10,000 files (compare the CPU time and the load average)`);
    // Only on request: on a shared machine the wall time can be over budget for reasons of its own.
    if (STRICT) process.exitCode = 1;
  }
}

await main();
