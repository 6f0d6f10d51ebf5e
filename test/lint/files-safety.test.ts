import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/model/index.js';
import { findFiles } from '../../src/lint/files.js';
import { MAX_READ_BYTES, readBounded } from '../../src/lint/read.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const OK = join(ROOT, 'test/fixtures/complete-postmortem.md');
const NAME = '2020-01-01-api-outage.md';

let dir: string;
let cleanup: () => Promise<void>;
let text: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-lint-safety-'));
  text = await readFile(OK, 'utf8');
});
afterAll(async () => cleanup());

/** A repository folder with `postmortems/` holding the given files. */
async function repo(name: string, files: Record<string, string> = {}): Promise<string> {
  const root = join(dir, name);
  await mkdir(join(root, 'postmortems'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe('lint reads only what it should', () => {
  it('skips a symlink to a file outside the linted folders, never printing its content', async () => {
    const root = await repo('outside', { [`postmortems/${NAME}`]: text });
    const secret = join(dir, 'credentials');
    await writeFile(secret, 'aws_secret_access_key = AKIAVERYSECRET\n');
    await symlink(secret, join(root, 'postmortems', '2020-01-02-leak.md'));
    const result = await runInProcess(['lint', '--format', 'stylish'], { cwd: root });
    expect(result.stdout + result.stderr).not.toContain('AKIAVERYSECRET');
    expect(result.stderr).toContain('2020-01-02-leak.md: skipped: a symbolic link to a file outside the project');
    expect(result.code).toBe(0);
    // Named explicitly, it is still not read: a file names its own folder, not its link's target.
    const direct = await runInProcess(['lint', 'postmortems/2020-01-02-leak.md', '--format', 'json'], { cwd: root });
    expect(direct.stdout + direct.stderr).not.toContain('AKIAVERYSECRET');
    expect(JSON.parse(direct.stdout)).toEqual([]);
  });

  it('lints a symlink whose target lies inside the linted folders', async () => {
    const root = await repo('inside', { [`archive/${NAME}`]: text });
    await symlink(join(root, 'archive', NAME), join(root, 'postmortems', NAME));
    const result = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject([{ filePath: join(root, 'postmortems', NAME), errorCount: 0 }]);
  });

  it('does not follow a symlinked folder (a link to / would walk the whole disk)', async () => {
    const root = await repo('folder-link', { [`postmortems/${NAME}`]: text });
    await symlink('/', join(root, 'postmortems', 'everything'));
    const found = findFiles(['postmortems'], root);
    expect(found.files).toEqual([join(root, 'postmortems', NAME)]);
  });

  it('skips a symlink to /dev/zero and a FIFO without reading them', async () => {
    const root = await repo('special', { [`postmortems/${NAME}`]: text });
    await symlink('/dev/zero', join(root, 'postmortems', '2020-01-03-zero.md'));
    execFileSync('mkfifo', [join(root, 'postmortems', '2020-01-04-fifo.md')]);
    const result = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    expect(result.stderr).toContain('2020-01-03-zero.md: skipped: a symbolic link to a file outside');
    expect(result.stderr).toContain('2020-01-04-fifo.md: skipped: a FIFO (named pipe), not a regular file');
    expect(JSON.parse(result.stdout)).toHaveLength(1);
    expect(result.code).toBe(0);
  });

  it('refuses /dev/zero and a FIFO named on the command line with one message, without blocking', async () => {
    const root = await repo('named');
    const fifo = join(root, 'postmortems', 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect(readBounded(fifo)).toEqual({ problem: 'a FIFO (named pipe), not a regular file', code: 'ENOTREG' });
    expect(readBounded('/dev/zero')).toEqual({ problem: 'a character device, not a regular file', code: 'ENOTREG' });
    const result = await runInProcess(['lint', '/dev/zero', '--format', 'json'], { cwd: root });
    expect(result.stderr).toContain('/dev/zero: skipped: a character device, not a regular file');
    expect(result.code).toBe(0);
  });

  it('checks the size before reading: a sparse 3 GB file costs one stat', async () => {
    const root = await repo('huge');
    const huge = join(root, 'postmortems', '2020-01-05-huge.md');
    await writeFile(huge, '');
    await truncate(huge, 3 * 1024 ** 3);
    const before = process.memoryUsage().rss;
    const result = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    expect(process.memoryUsage().rss - before).toBeLessThan(500 * 1024 ** 2);
    const [file] = JSON.parse(result.stdout) as Array<{ messages: Array<{ message: string }> }>;
    expect(file!.messages[0]!.message).toBe(
      'Expected a readable postmortem file, found a file of 3221225472 bytes (at most 5 MB are read).',
    );
    expect(result.code).toBe(1);
  });

  it("uses the model's size limit", () => {
    expect(MAX_READ_BYTES).toBe(MAX_FILE_BYTES);
  });
});

describe('ignores and unmatched patterns', () => {
  it('leaves out files matching the config\'s "ignores" and --ignore', async () => {
    const root = await repo('ignores', {
      [`postmortems/${NAME}`]: text,
      'postmortems/README.md': '# Our postmortems\n',
      'postmortems/drafts/2020-01-09-draft.md': 'not yet\n',
      '.postmortemrc.json': JSON.stringify({ ignores: ['postmortems/README.md'] }),
    });
    const withConfig = await runInProcess(['lint', '--format', 'json'], { cwd: root });
    expect((JSON.parse(withConfig.stdout) as Array<{ filePath: string }>).map((r) => r.filePath)).toEqual([
      join(root, 'postmortems', NAME),
      join(root, 'postmortems/drafts/2020-01-09-draft.md'),
    ]);
    const both = await runInProcess(['lint', '--format', 'json', '--ignore', 'postmortems/drafts/**'], { cwd: root });
    expect(JSON.parse(both.stdout)).toHaveLength(1);
    expect(both.code).toBe(0);
    // Config globs are relative to the config's folder, wherever lint runs from.
    const sub = await runInProcess(['lint', '.', '--format', 'json', '--ignore', 'drafts/**'], {
      cwd: join(root, 'postmortems'),
    });
    expect(JSON.parse(sub.stdout)).toHaveLength(1);
  });

  it('rejects `ignores` that is not a list of globs (exit 2, naming the key)', async () => {
    const root = await repo('bad-ignores', { '.postmortemrc.json': JSON.stringify({ ignores: 'README.md' }) });
    const result = await runInProcess(['lint'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`ignores`: expected a list of globs');
  });

  it('exits 0 with a note in a repository without postmortems (default pattern)', async () => {
    const root = join(dir, 'empty');
    await mkdir(root, { recursive: true });
    const result = await runInProcess(['lint'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('postmortems/**/*.md: no files matched; nothing to lint there.');
  });

  it('exits 2 when an explicit pattern matches nothing, unless --no-error-on-unmatched-pattern', async () => {
    const root = await repo('unmatched', { [`postmortems/${NAME}`]: text });
    const strict = await runInProcess(['lint', 'incidents/**/*.md'], { cwd: root });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('incidents/**/*.md: no files matched.');
    const lenient = await runInProcess(
      ['lint', 'incidents/**/*.md', 'postmortems', '--no-error-on-unmatched-pattern', '--format', 'json'],
      { cwd: root },
    );
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('incidents/**/*.md: no files matched');
    expect(JSON.parse(lenient.stdout)).toHaveLength(1);
  });
});
