import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runInProcess, tempDir } from '../helpers/cli.js';
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

// Off a terminal in worker threads (no progress, the results of one thread): timing.test.ts runs the binary
// over worker threads once for all it proves.
