import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINT_WORKER_V8_FLAGS, WORKER_THRESHOLD } from '../../src/lint/run.js';
import { BIN, ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// End to end (the built binary pinned to one core with taskset): where a large run is linted.

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-runner-'));
});
afterAll(async () => cleanup());

// Preloaded: counts the worker threads the process starts.
const COUNT_WORKERS = join(ROOT, 'test/helpers/count-workers.mjs');

describe('a large lint run on one core', () => {
  it('goes to one worker thread (whose small young generation bounds the peak), with the same findings', async () => {
    const text = await readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');
    const folder = join(dir, 'postmortems');
    await mkdir(folder, { recursive: true });
    for (let i = 0; i < WORKER_THRESHOLD; i++) {
      const id = `2020-01-01-outage-${i}`;
      const body = text.replace('id: 2020-01-01-api-outage', `id: ${id}`);
      await writeFile(join(folder, `${id}.md`), body);
    }
    const log = join(dir, 'workers.log');
    await writeFile(log, '');
    const run = async (cores: string) => {
      const argv = ['-c', cores, process.execPath, '--import', COUNT_WORKERS, BIN, 'lint', '--format', 'json'];
      return promisify(execFile)('taskset', argv, {
        cwd: dir,
        env: { ...process.env, WORKER_LOG: log },
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code?: number; stdout: string }) => {
          if (error.code !== 1) throw error;
          return { code: 1, stdout: error.stdout };
        },
      );
    };
    const oneCore = await run('0');
    const started = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    expect(started).toHaveLength(1);
    // The worker runs with the lint workers' V8 flags: the tag is the one of a process started with
    // them, not the one of a process without.
    const tag = async (flags: string[]) =>
      (await promisify(execFile)(process.execPath, [...flags, '-p', "require('node:v8').cachedDataVersionTag()"]))
        .stdout;
    const [withFlags, without] = [await tag([LINT_WORKER_V8_FLAGS]), await tag([])];
    expect(withFlags).not.toBe(without);
    expect(started[0]).toBe(`worker ${withFlags.trim()}`);
    // The findings of one thread: in-process there is no compiled worker, so the run stays in this
    // thread (several workers against one thread: progress.test.ts).
    const inProcess = await runInProcess(['lint', '--format', 'json'], { cwd: dir });
    expect(inProcess.stderr).toBe('');
    expect(JSON.parse(inProcess.stdout)).toHaveLength(WORKER_THRESHOLD);
    expect(oneCore).toEqual({ code: inProcess.code, stdout: inProcess.stdout });
  });
});
