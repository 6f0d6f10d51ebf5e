import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const OK = join(ROOT, 'test/fixtures/complete-postmortem.md');

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-lint-ci-log-'));
  const text = await readFile(OK, 'utf8');
  await mkdir(join(dir, 'postmortems'), { recursive: true });
  // File names and content a GitHub Actions log would run as workflow commands if printed as they are.
  const hostile = text.replace(/^severity: .*$/m, 'severity: "##[error]forged annotation"');
  await writeFile(join(dir, 'postmortems', '::notice::x.md'), hostile);
  await writeFile(join(dir, 'postmortems', ' ::warning::y.md'), hostile);
  await writeFile(join(dir, 'postmortems', '##[error]z.md'), hostile);
});
afterAll(async () => cleanup());

/**
 * The lines GitHub Actions' runner takes as workflow commands (actions/runner ActionCommand):
 * `::` at the start after leading white space (TryParseV2), `##[` anywhere (the legacy TryParse).
 */
function workflowCommands(log: string): string[] {
  return log.split('\n').filter((line) => line.trimStart().startsWith('::') || line.includes('##['));
}

describe('stylish output in a GitHub Actions log runs no workflow command', () => {
  it('file names starting with :: and ##[ in names or messages are shown escaped, readably', async () => {
    const result = await runInProcess(['lint', 'postmortems/::notice::x.md', 'postmortems', '--format', 'stylish'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(workflowCommands(result.stdout)).toEqual([]);
    expect(result.stdout).toContain('postmortems/::notice::x.md');
    expect(result.stdout).toContain('postmortems/ ::warning::y.md');
    expect(result.stdout).toContain('postmortems/##\\[error]z.md');
    expect(result.stdout).toContain('##\\[error]forged annotation');
  });

  it('a name that starts a line with :: (the file linted from its own folder) gets ./ before it', async () => {
    const result = await runInProcess(['lint', '::notice::x.md', ' ::warning::y.md', '--format', 'stylish'], {
      cwd: join(dir, 'postmortems'),
    });
    expect(result.code).toBe(1);
    expect(workflowCommands(result.stdout)).toEqual([]);
    expect(result.stdout).toMatch(/^\.\/::notice::x\.md$/m);
    expect(result.stdout).toMatch(/^\.\/ ::warning::y\.md$/m);
  });
});
