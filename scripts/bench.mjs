#!/usr/bin/env node
// Benchmark: `postmortem lint` against markdownlint-cli2 on the same generated corpus.
// Not a test; run with `npm run bench`. Options: --sizes 1000,10000  --keep  --dir PATH
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const SIZES = arg('--sizes', '1000,10000').split(',').map(Number);
const DIR = arg('--dir', join(ROOT, 'bench-corpus'));
const KEEP = args.includes('--keep');
const BIN = join(ROOT, 'bin', 'postmortem.js');
const MDL = join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2');

/** A small deterministic PRNG (mulberry32), so every run lints the same corpus. */
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
function shiftDates(text, days) {
  // `(?=T|\b)`: front-matter timestamps (`2017-09-21T14:02`) move with the timeline.
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})(?=T|\b)/g, (m, y, mo, d) => {
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d)) + days * DAY;
    if (Number.isNaN(t)) return m;
    return new Date(t).toISOString().slice(0, 10);
  });
}

const FILLER = [
  'the service',
  'latency',
  'queue depth',
  'a retry',
  'the replica',
  'traffic',
  'the cluster',
  'an alert',
  'the runbook',
  'capacity',
];

/** Shortens prose paragraphs (not lists, tables or headings) until the file fits `target` bytes. */
function fit(text, target) {
  const [, fm, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(text);
  let front = fm;
  let lines = body.split('\n');
  const size = () => Buffer.byteLength(front + lines.join('\n'));
  if (size() > target) front = front.replace(/\nnotice:\n(?: .*\n)*/, '\n');
  for (let pass = 0; pass < 20 && size() > target; pass++) {
    lines = lines.map((l) => {
      if (size() <= target || /^\s*([-|#>]|$)/.test(l)) return l;
      const words = l.split(' ');
      return words.length > 12
        ? `${words
            .slice(0, Math.ceil(words.length * 0.7))
            .join(' ')
            .replace(/[,;:]$/, '')}.`
        : l;
    });
  }
  return front + lines.join('\n');
}

/** Subtle breakage, each caught by one rule. */
const BREAKAGES = [
  (t) => t.replace(/^(- \d{4}-\d{2}-\d{2} \d{2}:\d{2} [^\n]*)\n(- \d{4}-\d{2}-\d{2} \d{2}:\d{2} [^\n]*)$/m, '$2\n$1'),
  (t) => t.replace(/^severity: SEV\d/m, 'severity: SEV5'),
  (t) => t.replace(/^(started: "[^"]*?)(Z|[+-]\d{2}:\d{2})"/m, '$1"'),
  (t) =>
    t.replace(/^(\|[^|\n]+\|[^|\n]+\|)[^|\n]+(\|[^|\n]+\|[^|\n]+\|)/m, (m, a, b) =>
      /Action/.test(m) ? m : `${a}  ${b}`,
    ),
  (t) => t.replace(/## Detection\n\n/, '## Detection\n\nTBD. '),
  (t) => t.replace(/## Resolution\n\n/, '## Resolution\n\nThe outage was caused by human error. '),
];

async function generate(count) {
  const dir = join(DIR, String(count));
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const examples = [];
  for (const f of (await readdir(join(ROOT, 'examples'))).filter((f) => f.endsWith('.md')).sort()) {
    examples.push(await readFile(join(ROOT, 'examples', f), 'utf8'));
  }
  const rand = prng(count);
  for (let i = 0; i < count; i++) {
    const base = examples[i % examples.length];
    const oldId = /^id: (.*)$/m.exec(base)[1];
    let text = shiftDates(base, Math.floor(rand() * 3000) - 1500);
    const date = /^id: (\d{4}-\d{2}-\d{2})/m.exec(text)[1];
    const id = `${date}-${oldId.slice(11, 40).replace(/-+$/, '')}-${i}`;
    text = text.replace(/^id: .*$/m, `id: ${id}`);
    const extra = Array.from({ length: 3 }, () => FILLER[Math.floor(rand() * FILLER.length)]).join(', ');
    text = text.replace('## Impact\n\n', `## Impact\n\nArchive entry ${i}; we watched ${extra}.\n\n`);
    text = fit(text, 3000 + Math.floor(rand() * 5000));
    if (i % 100 === 37) text = BREAKAGES[Math.floor(i / 100) % BREAKAGES.length](text);
    await writeFile(join(dir, `${id}.md`), text);
  }
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

/** Runs a command, returning wall seconds and peak RSS in MB (GNU time when present, else the child's own report). */
function measure(cmd, cmdArgs, cwd) {
  const gnuTime = existsSync('/usr/bin/time');
  const [file, argv] = gnuTime ? ['/usr/bin/time', ['-f', '__PEAK_KB__ %M', cmd, ...cmdArgs]] : [cmd, cmdArgs];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 1e6) stderr = stderr.slice(-1e5);
    });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const peak = /__PEAK_KB__ (\d+)/.exec(stderr);
      resolve({ seconds, code, peakMb: peak ? Number(peak[1]) / 1024 : NaN });
    });
  });
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

async function main() {
  await mkdir(DIR, { recursive: true });
  console.log(`postmortem lint vs markdownlint-cli2 — ${cpus().length} cores, Node ${process.version}`);
  const rows = [];
  for (const count of SIZES) {
    process.stdout.write(`\nGenerating ${count} files… `);
    const dir = await generate(count);
    console.log('done');
    const cacheDir = join(DIR, `.cache-${count}`);
    await rm(cacheDir, { recursive: true, force: true });
    const ours = await measure(process.execPath, [BIN, 'lint', '--format', 'json', dir], ROOT);
    const cold = await measure(
      process.execPath,
      [BIN, 'lint', '--format', 'json', '--cache', '--cache-location', `${cacheDir}/`, dir],
      ROOT,
    );
    const warm = await measure(
      process.execPath,
      [BIN, 'lint', '--format', 'json', '--cache', '--cache-location', `${cacheDir}/`, dir],
      ROOT,
    );
    const theirs = await measure(MDL, [`${dir}/**/*.md`], ROOT);
    const row = { count, ours, cold, warm, theirs };
    rows.push(row);
    console.log(
      `  postmortem lint        ${fmt(ours.seconds, 2)} s  ${fmt(count / ours.seconds, 0)} files/s  peak ${fmt(ours.peakMb)} MB  (exit ${ours.code})`,
    );
    console.log(
      `  postmortem lint cache  cold ${fmt(cold.seconds, 2)} s, re-run ${fmt(warm.seconds, 2)} s  (${fmt(cold.seconds / warm.seconds)}x faster)  peak ${fmt(warm.peakMb)} MB`,
    );
    console.log(
      `  markdownlint-cli2      ${fmt(theirs.seconds, 2)} s  ${fmt(count / theirs.seconds, 0)} files/s  peak ${fmt(theirs.peakMb)} MB  (exit ${theirs.code})`,
    );
    console.log(`  ratio (markdownlint-cli2 wall / postmortem wall): ${fmt(theirs.seconds / ours.seconds, 1)}x`);
  }
  console.log(
    '\n| files | postmortem lint | files/s | peak MB | cached re-run | markdownlint-cli2 | files/s | peak MB | ratio |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.count} | ${fmt(r.ours.seconds, 2)} s | ${fmt(r.count / r.ours.seconds, 0)} | ${fmt(r.ours.peakMb, 0)} | ${fmt(r.warm.seconds, 2)} s (${fmt(r.cold.seconds / r.warm.seconds, 0)}x) | ${fmt(r.theirs.seconds, 2)} s | ${fmt(r.count / r.theirs.seconds, 0)} | ${fmt(r.theirs.peakMb, 0)} | ${fmt(r.theirs.seconds / r.ours.seconds, 1)}x |`,
    );
  }
  if (!KEEP) await rm(DIR, { recursive: true, force: true });
}

await main();
