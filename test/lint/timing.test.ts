import { readdir, writeFile } from 'node:fs/promises';
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

describe('TIMING over worker threads (the binary)', () => {
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
  });
  afterAll(() => cleanup());

  it('sums each rule over the workers and keeps the report of one thread', async () => {
    expect((await readdir(dir)).length).toBe(WORKER_THRESHOLD);
    const args = ['lint', dir, '--format', 'json'];
    const timed = await runCli(args, { env: { TIMING: 'all' }, timeout: 60_000 });
    const table = rows(timed.stderr);
    expect(new Set(table.map((r) => r.id))).toEqual(RULE_IDS);
    expectConsistent(table);
    // In-process there is no compiled worker: the same run in one thread, untimed, gives the same report.
    const plain = await runInProcess(args, { env: { TIMING: '' } });
    expect([plain.code, plain.stdout, plain.stderr]).toEqual([timed.code, timed.stdout, '']);
  });
});
