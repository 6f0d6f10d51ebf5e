#!/usr/bin/env node
// Benchmark: `postmortem stats` over a corpus (default 10,000 postmortems), cold (no cache of any
// kind; a fresh process), in one thread (taskset) and on every core. The corpus is the real-prose
// one of the lint bench (bench-real-corpus.mjs) unless `--corpus examples` asks for the examples
// with shifted dates, drawn severities, services and categories. Not a test; `npm run bench` runs it
// after the lint bench. Options: --sizes 1000,10000  --keep  --dir PATH  --budget SECONDS (default 1.5,
// the target for 10,000 files)  --strict (exit 1 over budget)  --corpus real|examples
// --runs 3 (each figure is the median of this many runs, as in the lint bench: one run moved by a
// fifth between two benches of the same build)
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { arg, args, ROOT } from './bench-args.mjs';
import { prng } from './bench-corpus.mjs';
import { fmt, measureRuns } from './bench-measure.mjs';
import { loadRealProse, writeRealCorpus } from './bench-real-corpus.mjs';

const SIZES = arg('--sizes', '10000').split(',').map(Number);
// Inside bench-corpus/, which git ignores; the lint bench has its own folder there.
const DIR = arg('--dir', join(ROOT, 'bench-corpus', 'stats'));
const BUDGET = Number(arg('--budget', '1.5'));
const CORPUS = arg('--corpus', 'real');
const KEEP = args.includes('--keep');
const STRICT = args.includes('--strict');
const RUNS = Number(arg('--runs', '3'));
const BIN = join(ROOT, 'bin', 'postmortem.js');

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
  const dir = join(DIR, `${CORPUS}-${count}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  if (CORPUS === 'real') {
    await writeRealCorpus(dir, count, (await loadRealProse()).prose);
    await writeFile(join(dir, '.complete'), '');
    return dir;
  }
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

async function main() {
  // On a shared machine the wall time says more about the neighbours than about us; CPU time
  // (user + system, all threads) and the load average put it in context.
  console.log(
    `postmortem stats on the ${CORPUS} corpus — ${cpus().length} cores, Node ${process.version}, budget ${BUDGET} s, load average ${loadavg()[0].toFixed(1)}`,
  );
  let slow = false;
  for (const count of SIZES) {
    const dir = await generate(count);
    for (const format of ['json', 'html']) {
      const statsArgs = [BIN, 'stats', dir, '--format', format, '--now', '2024-01-01'];
      const r = await measureRuns(RUNS, process.execPath, statsArgs);
      // Exit 1 is expected on the examples corpus: 1 % of it is broken on purpose and listed as unreadable.
      console.log(
        `  ${count} files, --format ${format}: ${fmt(r.seconds, 2)} s  ${fmt(count / r.seconds, 0)} files/s  ` +
          `cpu ${fmt(r.cpuSeconds, 2)} s  peak ${fmt(r.peakMb, 0)} MB  (exit ${r.code}; runs ${r.all.map((x) => fmt(x, 2)).join(', ')})`,
      );
      if (count >= 10_000 && r.seconds > BUDGET) slow = true;
      if (format === 'json' && existsSync('/usr/bin/taskset')) {
        // One core: stats reads in one thread (its workers follow the cores available).
        const one = await measureRuns(RUNS, 'taskset', ['-c', '0', process.execPath, ...statsArgs]);
        console.log(
          `  ${count} files, --format ${format}, one thread: ${fmt(one.seconds, 2)} s  cpu ${fmt(one.cpuSeconds, 2)} s ` +
            `(${fmt((1000 * one.cpuSeconds) / count, 2)} ms/file)  peak ${fmt(one.peakMb, 0)} MB`,
        );
      }
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
