import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from '../helpers/cli.js';
import { examples } from '../helpers/examples.js';

const run = promisify(execFile);

describe('lint progress on a terminal', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    // Enough files that a run takes well over a second on any machine we run on.
    const base = examples()[0]!;
    const oldId = /^id: (.*)$/m.exec(base.text)![1]!;
    await Promise.all(
      Array.from({ length: 4000 }, (_, i) => {
        const id = `${oldId}-${i}`;
        return writeFile(join(dir, `${id}.md`), base.text.replace(/^id: .*$/m, `id: ${id}`));
      }),
    );
  });
  afterAll(() => cleanup());

  it('shows "Linting N of M files" on a TTY (a real pseudo-terminal via script) and clears it', async () => {
    const { stdout } = await run(
      'script',
      ['-qec', `node '${BIN}' lint '${dir}' --format json > /dev/null`, '/dev/null'],
      {
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    expect(stdout).toMatch(/Linting \d+ of 4000 files/);
    expect(stdout).toContain('\r\u001b[K');
  });

  it('stays silent when stderr is not a terminal', async () => {
    const result = await runCli(['lint', dir, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toHaveLength(4000);
  });
});
