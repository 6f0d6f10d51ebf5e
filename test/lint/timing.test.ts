import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/lint/catalog.js';
import { WORKER_THRESHOLD } from '../../src/lint/run.js';
import { ROOT, runCli, runInProcess, tempDir } from '../helpers/cli.js';
import { examples } from '../helpers/examples.js';

/** The rules a project without config runs. */
const RULE_IDS = new Set(RULE_CATALOG.filter((r) => r.defaultLevel !== 'off').map((r) => r.id));

/** The rows of a TIMING table: rule id, milliseconds, per cent; throws on anything else on stderr. */
function rows(stderr: string): Array<{ id: string; ms: number; share: number }> {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^Rule +\| Time \(ms\) \| Relative$/);
  expect(lines[1]).toMatch(/^:-+ \| -+: \| -+:$/);
  return lines.slice(2).map((line) => {
    const m = /^(\S+) +\| +(\d+\.\d{3}) \| +(\d+\.\d)%$/.exec(line);
    expect(m, line).not.toBeNull();
    return { id: m![1]!, ms: Number(m![2]), share: Number(m![3]) };
  });
}

/** Checks a full table: known rules, slowest first, shares that are the rules' ms over their sum and add to 100 %. */
function expectConsistent(table: Array<{ id: string; ms: number; share: number }>): void {
  for (const row of table)
    expect(
      RULE_CATALOG.some((r) => r.id === row.id),
      row.id,
    ).toBe(true);
  expect(table.map((r) => r.ms)).toEqual([...table.map((r) => r.ms)].sort((a, b) => b - a));
  const total = table.reduce((n, r) => n + r.ms, 0);
  expect(total).toBeGreaterThan(0);
  for (const row of table) expect(Math.abs(row.share - (100 * row.ms) / total)).toBeLessThan(0.2);
  expect(Math.abs(table.reduce((n, r) => n + r.share, 0) - 100)).toBeLessThan(0.1 * table.length);
}

describe('TIMING=1 postmortem lint', () => {
  const dir = join(ROOT, 'examples');
  const args = ['lint', dir, '--format', 'json'];

  it('prints nothing more without TIMING, and the same report with it', async () => {
    const plain = await runInProcess(args, { env: { TIMING: undefined } });
    expect(plain.stderr).toBe('');
    const timed = await runInProcess(args, { env: { TIMING: '1' } });
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.code).toBe(plain.code);
    expect(timed.stderr).not.toBe('');
  });

  it('names the ten slowest rules with times and shares of the whole run', async () => {
    const timed = await runInProcess(args, { env: { TIMING: '1' } });
    const table = rows(timed.stderr);
    expect(table).toHaveLength(10);
    const all = rows((await runInProcess(args, { env: { TIMING: 'all' } })).stderr);
    // Every enabled rule (all of them by default) ran and is listed.
    expect(new Set(all.map((r) => r.id))).toEqual(RULE_IDS);
    expectConsistent(all);
    // The top ten's shares are of all rules' time, so they add to less than 100 %.
    expect(table.reduce((n, r) => n + r.share, 0)).toBeLessThanOrEqual(100.5);
    // As in ESLint: a number above ten asks for that many rows, a smaller one still gets ten.
    expect(rows((await runInProcess(args, { env: { TIMING: '3' } })).stderr)).toHaveLength(10);
    expect(rows((await runInProcess(args, { env: { TIMING: '12' } })).stderr)).toHaveLength(12);
  });

  it('counts only the rules that are on', async () => {
    const { dir: cwd, cleanup } = await tempDir();
    try {
      await writeFile(join(cwd, '.postmortemrc.json'), JSON.stringify({ rules: { 'blameless-language': 'off' } }));
      const table = rows(
        (await runInProcess(['lint', dir, '--format', 'json'], { cwd, env: { TIMING: 'all' } })).stderr,
      );
      expect(table.map((r) => r.id)).not.toContain('blameless-language');
      expect(table).toHaveLength(RULE_IDS.size - 1);
    } finally {
      await cleanup();
    }
  });
});

// One run of the binary over worker threads proves what is said of them: TIMING sums each rule over
// the workers, the report is the one thread's, ids are checked across workers, and off a terminal
// nothing but the table reaches stderr (no progress). Each claim had a run of its own (here and in
// progress.test.ts): 200 files in two threads cost about 2 s of CPU a run.
describe('lint over worker threads (the binary)', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const base = examples()[0]!;
    await Promise.all(
      Array.from({ length: WORKER_THRESHOLD }, (_, i) =>
        writeFile(join(dir, `copy-${i}.md`), base.text.replace(/^id: (.*)$/m, `id: $1-${i}`)),
      ),
    );
    // A second file with the first one's id: the cross-file check must see every worker's ids.
    await writeFile(join(dir, 'zz-same-id.md'), base.text.replace(/^id: (.*)$/m, 'id: $1-0'));
  });
  afterAll(() => cleanup());

  it('sums each rule over the workers, keeps the report of one thread, checks ids across them, shows no progress', async () => {
    expect((await readdir(dir)).length).toBe(WORKER_THRESHOLD + 1);
    const log = join(dir, 'workers.log');
    const args = ['lint', join(dir, '*.md'), '--format', 'json'];
    const preload = `--import=${join(ROOT, 'test/helpers/count-workers.mjs')}`;
    const timed = await runCli(args, {
      env: { TIMING: 'all', WORKER_LOG: log, NODE_OPTIONS: preload },
      timeout: 60_000,
    });
    // stderr holds the table and nothing else: rows() refuses any other line, a progress line too.
    const table = rows(timed.stderr);
    expect(new Set(table.map((r) => r.id))).toEqual(RULE_IDS);
    expectConsistent(table);
    // The binary has the compiled worker script and starts a thread for each core (two or more here).
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean).length).toBeGreaterThan(1);
    expect(timed.code).toBe(1);
    const results = JSON.parse(timed.stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
    expect(results).toHaveLength(WORKER_THRESHOLD + 1);
    const flagged = results.filter((r) => r.messages.some((m) => m.message.includes('unique')));
    expect(flagged.map((r) => r.filePath.split('/').pop())).toEqual(['copy-0.md', 'zz-same-id.md']);
    // In-process there is no compiled worker: the same run in one thread, untimed, gives the same report.
    const plain = await runInProcess(args, { env: { TIMING: '' } });
    expect([plain.code, plain.stdout, plain.stderr]).toEqual([timed.code, timed.stdout, '']);
  });
});
