import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { compileFunction } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { holdTurbofan, lintFiles, releaseTurbofan } from '../../src/lint/run.js';
import type { LintSettings } from '../../src/lint/types.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// A `lint --cache` run holds V8's optimising compiler back until it has a file to lint. What is
// asked of V8 here is V8's own answer: whether it optimises a function with TurboFan when told to.
setFlagsFromString('--allow-natives-syntax');
const prepare = compileFunction('%PrepareFunctionForOptimization(f)', ['f']) as (f: unknown) => void;
const optimiseOnNextCall = compileFunction('%OptimizeFunctionOnNextCall(f)', ['f']) as (f: unknown) => void;
const status = compileFunction('return %GetOptimizationStatus(f)', ['f']) as (f: unknown) => number;
/** V8's bit for "optimised by TurboFan" in %GetOptimizationStatus. */
const TURBOFANNED = 1 << 6;

let made = 0;
/**
 * True when V8 optimises a new function with TurboFan now. Each function's text is new: V8 keeps
 * the code of a text it has compiled, and would answer with an optimised copy from earlier.
 */
function turbofanOn(): boolean {
  made++;
  const f = compileFunction(`let s = ${made}; for (let i = 0; i < n; i++) s += i; return s;`, ['n']) as (
    n: number,
  ) => number;
  prepare(f);
  f(10);
  optimiseOnNextCall(f);
  f(10);
  return (status(f) & TURBOFANNED) !== 0;
}

const settings: LintSettings = { rules: {}, format: {}, internalPatterns: [], now: '2026-01-01T00:00:00Z' };

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-turbofan-'));
});
afterAll(() => cleanup());
// A test that fails must not leave the rest of the file without TurboFan.
afterEach(() => releaseTurbofan());

describe('holding TurboFan back for a cached lint run', () => {
  it('turns it off and on again', async () => {
    expect(turbofanOn()).toBe(true);
    await holdTurbofan();
    expect(turbofanOn()).toBe(false);
    await releaseTurbofan();
    expect(turbofanOn()).toBe(true);
  });

  it('leaves a process alone whose TurboFan setting the user chose', async () => {
    const before = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--max-opt=3';
    try {
      await holdTurbofan();
      expect(turbofanOn()).toBe(true);
    } finally {
      if (before === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = before;
    }
  });

  it('lints with TurboFan on: it is released before the first file is linted', async () => {
    const folder = join(dir, 'lint');
    await mkdir(folder, { recursive: true });
    const paths = ['2020-01-01-a.md', '2020-01-02-b.md'].map((name) => join(folder, name));
    for (const path of paths) await copyFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), path);
    await holdTurbofan();
    const seen: boolean[] = [];
    const results = await lintFiles(paths, {
      settings,
      workers: 0,
      cache: { location: join(folder, 'cache.json'), toolVersion: '1.0.0' },
      // Called after each file is linted in this thread.
      onProgress: () => seen.push(turbofanOn()),
    });
    expect(results).toHaveLength(2);
    expect(seen).toEqual([true, true]);
  });

  it('turns it on again when a fully cached run ends', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, 'postmortems'), { recursive: true });
    await copyFile(
      join(ROOT, 'test/fixtures/complete-postmortem.md'),
      join(project, 'postmortems/2020-01-01-api-outage.md'),
    );
    const args = ['lint', '--cache', '--cache-location', '.cache/'];
    const first = await runInProcess(args, { cwd: project });
    const second = await runInProcess(args, { cwd: project });
    expect(second.stdout).toBe(first.stdout);
    expect(turbofanOn()).toBe(true);
  });
});
