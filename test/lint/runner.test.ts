import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../../src/lint/run.js';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

// End to end (the built binary pinned to one core with taskset): where a large run is linted.

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-runner-'));
});
afterAll(async () => cleanup());

// Preloaded: counts the worker threads the process starts (Node emits 'worker' on process).
const COUNT_WORKERS =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { appendFileSync } from 'node:fs';" +
      "process.on('worker', () => appendFileSync(process.env.WORKER_LOG, 'worker\\n'));",
  );

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
      const { stdout } = await promisify(execFile)('taskset', argv, {
        cwd: dir,
        env: { ...process.env, WORKER_LOG: log },
        maxBuffer: 64 * 1024 * 1024,
      }).catch((error: { code?: number; stdout: string }) => {
        if (error.code !== 1) throw error;
        return error;
      });
      return stdout;
    };
    const oneCore = await run('0');
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean)).toHaveLength(1);
    expect(oneCore).toBe(await run('0,1'));
  });
});
