import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const OK = join(ROOT, 'test/fixtures/complete-postmortem.md');
const ESC = '\u001b';
const BEL = '\u0007';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-lint-escapes-'));
  const text = await readFile(OK, 'utf8');
  await mkdir(join(dir, 'postmortems'), { recursive: true });
  // Content and a file name that would retitle the terminal and clear the screen if printed raw.
  const hostile = text.replace(/^severity: .*$/m, `severity: "SEV${ESC}]0;pwned${BEL}${ESC}[2J\u202e9"`);
  await writeFile(join(dir, 'postmortems', `2020-01-01-api-outage${ESC}[31m.md`), hostile);
});
afterAll(async () => cleanup());

// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal escapes from files never reach the output raw', () => {
  it.each(['stylish', 'github', 'junit'])('%s escapes them visibly', async (format) => {
    const result = await runInProcess(['lint', '--format', format], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stdout).toContain('\\u001b]0;pwned\\u0007\\u001b[2J\\u202e9');
    expect(result.stdout).toContain('2020-01-01-api-outage\\u001b[31m.md');
  });

  it.each(['json', 'sarif'])('%s escapes them as JSON does and keeps the text', async (format) => {
    const result = await runInProcess(['lint', '--format', format], { cwd: dir });
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('\\u001b]0;pwned\\u0007');
    expect(JSON.stringify(JSON.parse(result.stdout))).toContain('pwned');
  });

  it('escapes file names in the notes on stderr', async () => {
    await writeFile(join(dir, 'postmortems', `x${ESC}[2J.md`), 'x');
    const result = await runInProcess(['lint', `postmortems/x${ESC}[2J.md`, '--ignore', 'postmortems/x*'], {
      cwd: dir,
    });
    expect(result.stderr).toContain('x\\u001b[2J.md: skipped: matches an ignore pattern');
    expect(result.stderr).not.toMatch(RAW);
  });
});
