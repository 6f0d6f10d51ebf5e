import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../../src/lint/run.js';
import { BIN, ROOT, runCli, runInProcess, tempDir } from '../helpers/cli.js';
import { examples } from '../helpers/examples.js';

const run = promisify(execFile);

/** Writes `count` copies of an example, each with its own id, into `dir`. */
async function copies(dir: string, count: number): Promise<void> {
  const base = examples()[0]!;
  const oldId = /^id: (.*)$/m.exec(base.text)![1]!;
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const id = `${oldId}-${i}`;
      return writeFile(join(dir, `${id}.md`), base.text.replace(/^id: .*$/m, `id: ${id}`));
    }),
  );
}

describe('lint progress on a terminal', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await copies(dir, 5);
  });
  afterAll(() => cleanup());

  it('shows "Linting N of M files" on a TTY (a real pseudo-terminal via script) and clears it', async () => {
    // No delay: the injected threshold shows progress for a few files instead of thousands.
    const { stdout } = await run(
      'script',
      ['-qec', `node '${BIN}' lint '${dir}' --format json > /dev/null`, '/dev/null'],
      { env: { ...process.env, NO_COLOR: '1', POSTMORTEM_PROGRESS_DELAY_MS: '0' } },
    );
    expect(stdout).toMatch(/Linting \d+ of 5 files/);
    expect(stdout).toContain('\r\u001b[K');
  });

  it('shows it only once the delay has passed', async () => {
    const env = { POSTMORTEM_PROGRESS_DELAY_MS: '0' };
    const shown = await runInProcess(['lint', dir, '--format', 'json'], { env, stderrTTY: true });
    expect(shown.stderr).toMatch(/^\rLinting 1 of 5 files…/);
    expect(shown.stderr.endsWith('\r\u001b[K')).toBe(true);
    const late = { POSTMORTEM_PROGRESS_DELAY_MS: '600000' };
    const quiet = await runInProcess(['lint', dir, '--format', 'json'], { env: late, stderrTTY: true });
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
  });

  it('stays silent when stderr is not a terminal', async () => {
    const env = { POSTMORTEM_PROGRESS_DELAY_MS: '0' };
    const result = await runInProcess(['lint', dir, '--format', 'json'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toHaveLength(5);
  });
});

describe('lint over worker threads (the binary)', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await copies(dir, WORKER_THRESHOLD);
    // A second file with the first one's id: the cross-file check must see every worker's ids.
    const first = (await readdir(dir)).sort()[0]!;
    await writeFile(join(dir, 'zz-same-id.md'), await readFile(join(dir, first), 'utf8'));
  });
  afterAll(() => cleanup());

  it('lints a large run in real workers, with the results of one thread and no progress off a terminal', async () => {
    const log = join(dir, 'imports.log');
    const args = ['lint', join(dir, '*.md'), '--format', 'json'];
    const result = await runCli(args, {
      env: { POSTMORTEM_IMPORT_LOG: log, NODE_OPTIONS: `--import=${join(ROOT, 'test/helpers/record-imports.mjs')}` },
      timeout: 60_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
    expect(results).toHaveLength(WORKER_THRESHOLD + 1);
    const flagged = results.filter((r) => r.messages.some((m) => m.message.includes('unique')));
    expect(flagged.map((r) => r.filePath.split('/').pop())).toHaveLength(2);
    // Each worker thread loads the compiled worker script; the in-process run never does.
    const workers = (await readFile(log, 'utf8')).split('\n').filter((u) => u.endsWith('/dist/lint/worker.js'));
    expect(workers.length).toBeGreaterThan(1);
    // In-process there is no compiled worker: the same run stays in one thread and agrees.
    expect(await runInProcess(args)).toEqual(result);
  });
});
