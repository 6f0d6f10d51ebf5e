#!/usr/bin/env node
// Benchmark: `postmortem lint` against markdownlint-cli2 on the same corpus, plus the start-up time of
// `postmortem --version` against `node -e 0`. The corpus is by default the real-prose one
// (bench-real-corpus.mjs: sentences of public postmortems, see docs/bench.md); `--corpus generated`
// takes the older one our own generator writes (bench-corpus.mjs).
// Not a test; run with `npm run bench`. Options: --sizes 1000,10000  --runs 3  --keep  --dir PATH  --no-markdownlint
//   --corpus real|generated
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { arg, args, ROOT } from './bench-args.mjs';
import { BREAKAGES, postmortem, prng } from './bench-corpus.mjs';
import { loadRealProse, writeRealCorpus } from './bench-real-corpus.mjs';

const SIZES = arg('--sizes', '1000,10000').split(',').map(Number);
const DIR = arg('--dir', join(ROOT, 'bench-corpus'));
const KEEP = args.includes('--keep');
const NO_MDL = args.includes('--no-markdownlint');
const RUNS = Number(arg('--runs', '3'));
const CORPUS = arg('--corpus', 'real');
if (!['real', 'generated'].includes(CORPUS)) throw new Error(`--corpus is real or generated, not ${CORPUS}`);
const BIN = join(ROOT, 'bin', 'postmortem.js');
// markdownlint-cli2 lives in a project of its own (scripts/bench-tools, with its lockfile), installed
// on first use, so that it is not among the devDependencies every npm ci and every install of the
// pre-commit hook fetch.
const TOOLS = join(ROOT, 'scripts', 'bench-tools');
const MDL = join(TOOLS, 'node_modules', '.bin', 'markdownlint-cli2');

/** Installs the comparison tools from their lockfile unless they are there already. */
async function installTools() {
  if (NO_MDL || existsSync(MDL)) return;
  console.log('Installing markdownlint-cli2 into scripts/bench-tools (npm ci, once)…');
  const code = await new Promise((resolve) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], {
      cwd: TOOLS,
      stdio: 'inherit',
    });
    child.on('error', () => resolve(1));
    child.on('close', resolve);
  });
  if (code !== 0)
    throw new Error('npm ci in scripts/bench-tools failed; run the bench with --no-markdownlint, or try again');
}

let realProse;

async function generate(count) {
  const dir = join(DIR, `${CORPUS}-${count}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  if (CORPUS === 'real') {
    realProse ??= loadRealProse().prose;
    await writeRealCorpus(dir, count, realProse);
    await writeFile(join(dir, '.complete'), '');
    return dir;
  }
  const rand = prng(count);
  for (let i = 0; i < count; i++) {
    let text = postmortem(rand, i);
    if (i % 100 === 37) text = BREAKAGES[Math.floor(i / 100) % BREAKAGES.length](text);
    const id = /^id: (.*)$/m.exec(text)[1];
    await writeFile(join(dir, `${id}.md`), text);
  }
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

/** Runs a command, returning wall seconds and peak RSS in MB (GNU time when present, else the child's own report). */
function measure(cmd, cmdArgs, cwd) {
  const gnuTime = existsSync('/usr/bin/time');
  const [file, argv] = gnuTime
    ? ['/usr/bin/time', ['-f', '__PEAK_KB__ %M __CPU__ %U %S', cmd, ...cmdArgs]]
    : [cmd, cmdArgs];
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
      const cpu = /__CPU__ ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        seconds,
        code,
        peakMb: peak ? Number(peak[1]) / 1024 : NaN,
        // On a shared machine wall time depends on the other load; CPU time much less so.
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
      });
    });
  });
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of `runs` measurements (wall seconds and peak MB each taken as the median). */
async function measureRuns(runs, cmd, cmdArgs, cwd, before) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    if (before) await before();
    all.push(await measure(cmd, cmdArgs, cwd));
  }
  return {
    seconds: median(all.map((r) => r.seconds)),
    peakMb: median(all.map((r) => r.peakMb)),
    cpuSeconds: median(all.map((r) => r.cpuSeconds)),
    code: all[0].code,
    all: all.map((r) => r.seconds),
  };
}

async function main() {
  await installTools();
  await mkdir(DIR, { recursive: true });
  console.log(
    `postmortem lint vs markdownlint-cli2 — ${cpus().length} cores, Node ${process.version}, median of ${RUNS} runs`,
  );
  const node = await measureRuns(RUNS * 3, process.execPath, ['-e', '0'], ROOT);
  const version = await measureRuns(RUNS * 3, process.execPath, [BIN, '--version'], ROOT);
  console.log(
    `\nStart-up: node -e 0 ${fmt(node.seconds * 1000, 0)} ms, ` +
      `postmortem --version ${fmt(version.seconds * 1000, 0)} ms (${fmt(version.seconds / node.seconds, 2)}x)`,
  );
  const rows = [];
  for (const count of SIZES) {
    process.stdout.write(`\nGenerating ${count} files… `);
    const dir = await generate(count);
    console.log('done');
    const cacheDir = join(DIR, `.cache-${count}`);
    const ours = await measureRuns(RUNS, process.execPath, [BIN, 'lint', '--format', 'json', dir], ROOT);
    const cacheArgs = [BIN, 'lint', '--format', 'json', '--cache', '--cache-location', `${cacheDir}/`, dir];
    const cold = await measureRuns(RUNS, process.execPath, cacheArgs, ROOT, () =>
      rm(cacheDir, { recursive: true, force: true }),
    );
    const warm = await measureRuns(RUNS, process.execPath, cacheArgs, ROOT);
    const theirs = NO_MDL ? null : await measure(MDL, [`${dir}/**/*.md`], ROOT);
    const row = { count, ours, cold, warm, theirs };
    rows.push(row);
    console.log(
      `  postmortem lint        ${fmt(ours.seconds, 2)} s  ${fmt(count / ours.seconds, 0)} files/s  ` +
        `CPU ${fmt(ours.cpuSeconds, 2)} s  peak ${fmt(ours.peakMb)} MB  ` +
        `(exit ${ours.code}; runs ${ours.all.map((x) => fmt(x, 2)).join(', ')})`,
    );
    console.log(
      `  postmortem lint cache  cold ${fmt(cold.seconds, 2)} s, re-run ${fmt(warm.seconds, 2)} s ` +
        `(CPU ${fmt(warm.cpuSeconds, 2)} s)  (${fmt(cold.seconds / warm.seconds)}x faster)  peak ${fmt(warm.peakMb)} MB`,
    );
    if (theirs) {
      console.log(
        `  markdownlint-cli2      ${fmt(theirs.seconds, 2)} s  ${fmt(count / theirs.seconds, 0)} files/s  ` +
          `CPU ${fmt(theirs.cpuSeconds, 2)} s  peak ${fmt(theirs.peakMb)} MB  (exit ${theirs.code})`,
      );
      console.log(
        `  ratio (markdownlint-cli2 / postmortem): wall ${fmt(theirs.seconds / ours.seconds, 1)}x, CPU ${fmt(theirs.cpuSeconds / ours.cpuSeconds, 1)}x`,
      );
    }
  }
  console.log(
    '\n| files | postmortem lint | files/s | peak MB | cached re-run | markdownlint-cli2 | files/s | peak MB | ratio |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const t = r.theirs ?? { seconds: NaN, peakMb: NaN };
    console.log(
      `| ${r.count} | ${fmt(r.ours.seconds, 2)} s | ${fmt(r.count / r.ours.seconds, 0)} | ${fmt(r.ours.peakMb, 0)} ` +
        `| ${fmt(r.warm.seconds, 2)} s (${fmt(r.cold.seconds / r.warm.seconds, 0)}x) ` +
        `| ${fmt(t.seconds, 2)} s | ${fmt(r.count / t.seconds, 0)} | ${fmt(t.peakMb, 0)} | ${fmt(t.seconds / r.ours.seconds, 1)}x |`,
    );
  }
  if (!KEEP) await rm(DIR, { recursive: true, force: true });
}

await main();
