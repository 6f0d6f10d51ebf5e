#!/usr/bin/env node
// Benchmark: inputs shaped to find superlinear work, each at growing sizes, so that the output shows
// whether time grows linearly: `render` of one file with N timeline items, `stats` of two files with
// N services and N root-cause categories each (N x N pairs), and `lint` of a notice whose German text
// is one word of N letters (the outage-word pattern). Not a test; `npm run bench` runs it.
// Options: --sizes 1000,10000,100000  --shapes render,stats,regex  --timeout SECONDS (default 120)  --keep  --dir PATH
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { arg, args, ROOT } from './bench-args.mjs';
import { measure } from './bench-measure.mjs';

const SIZES = arg('--sizes', '1000,10000,100000').split(',').map(Number);
const SHAPES = arg('--shapes', 'render,stats,regex').split(',');
const TIMEOUT = Number(arg('--timeout', '120'));
const DIR = arg('--dir', join(ROOT, 'bench-corpus', 'shapes'));
const KEEP = args.includes('--keep');
const BIN = join(ROOT, 'bin', 'postmortem.js');
const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');

/** The example with its timeline replaced by `n` items, one a second from `started` on. */
function timelineFile(example, n) {
  const start = Date.parse('2018-05-15T12:02:00Z');
  const items = [];
  for (let i = 0; i < n; i++) {
    const t = new Date(start + i * 1000).toISOString();
    items.push(`- ${t.slice(0, 10)} ${t.slice(11, 19)} Z — step ${i}`);
  }
  return example.replace(/## Timeline\n\n(?:- .*\n)+/, `## Timeline\n\n${items.join('\n')}\n`);
}

/** A file with `n` services and `n` root-cause categories, all shared with its twin a day later. */
function crossFile(example, n, day) {
  const services = Array.from({ length: n }, (_, i) => `  - s${i}`).join('\n');
  const causes = Array.from({ length: n }, (_, i) => `  - category: c${i}`).join('\n');
  return example
    .replace(/^id: .*$/m, `id: 2018-05-1${day}-cross`)
    .replace(/2018-05-15T/g, `2018-05-1${day}T`)
    .replace(/^services:\n(?: {2}- .*\n)+/m, `services:\n${services}\n`)
    .replace(/^root_causes:\n(?: {2}[- ] .*\n)+/m, `root_causes:\n${causes}\n`);
}

/** The example with one German word of `n` letters in `what_happened`. */
function longWordFile(example, n) {
  return example.replace(/^( {4}de: )"Ein Software-Update/m, `$1"${'a'.repeat(n)} Software-Update`);
}

async function generate(shape, n) {
  const dir = join(DIR, `${shape}-${n}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const example = await readFile(EXAMPLE, 'utf8');
  const name = '2018-05-15-crm-release-rollback-failed.md';
  if (shape === 'render') await writeFile(join(dir, name), timelineFile(example, n));
  if (shape === 'regex') await writeFile(join(dir, name), longWordFile(example, n));
  if (shape === 'stats') {
    await writeFile(join(dir, '2018-05-15-cross.md'), crossFile(example, n, 5));
    await writeFile(join(dir, '2018-05-16-cross.md'), crossFile(example, n, 6));
  }
  return dir;
}

/** The command each shape runs, with the size of what it writes to stdout counted. */
function command(shape, dir) {
  const file = join(dir, '2018-05-15-crm-release-rollback-failed.md');
  if (shape === 'render') return [BIN, 'render', file];
  if (shape === 'regex') return [BIN, 'lint', '--format', 'json', file];
  return [BIN, 'stats', dir, '--format', 'json', '--now', '2024-01-01'];
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

const UNITS = { render: 'timeline items', stats: 'services and categories per file', regex: 'letters in one word' };

async function main() {
  console.log(
    `postmortem input shapes — ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}, ` +
      `limit ${TIMEOUT} s a run`,
  );
  for (const shape of SHAPES) {
    console.log(`\n${shape}: N = ${UNITS[shape]}`);
    let previous = null;
    for (const n of SIZES) {
      const dir = await generate(shape, n);
      const r = await measure(process.execPath, command(shape, dir), { timeoutSeconds: TIMEOUT });
      // CPU time each further 1,000 of N costs over the size before: about the same at every size when
      // time grows linearly (start-up left out), ten times more at each step when it grows quadratically.
      const step = previous && !r.timedOut ? (r.cpuSeconds - previous.cpuSeconds) / ((n - previous.n) / 1000) : NaN;
      const growth = Number.isFinite(step) ? `  ${fmt(step * 1000, 1)} ms cpu per 1,000 more` : '';
      console.log(
        `  N ${String(n).padStart(7)}: ${r.timedOut ? `over ${TIMEOUT} s (stopped)` : `${fmt(r.seconds, 2)} s`}  ` +
          `cpu ${fmt(r.cpuSeconds, 2)} s  peak ${fmt(r.peakMb, 0)} MB  output ${fmt(r.outBytes / 1024, 0)} KB  ` +
          `(exit ${r.code ?? 'killed'})${growth}`,
      );
      previous = r.timedOut ? null : { n, cpuSeconds: r.cpuSeconds };
      if (!KEEP) await rm(dir, { recursive: true, force: true });
    }
  }
  if (!KEEP) await rm(DIR, { recursive: true, force: true });
}

await main();
