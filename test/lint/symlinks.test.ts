import { readFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// One policy in the one walker (src/lint/files.ts), which lint, stats, actions and export share:
// a symbolic link whose real path leaves the project (the working folder, or the config's folder)
// is skipped with a warning, a link loop is a warning too, and `--fix` never writes outside.
const NAME = '2018-05-15-crm-release-rollback-failed.md';
const EXAMPLE = await readFile(join(ROOT, 'examples', NAME), 'utf8');
/** The example with two timeline items swapped: a timeline-order error that `--fix` repairs. */
const UNSORTED = (() => {
  const lines = EXAMPLE.split('\n');
  const at = lines.findIndex((l) => l.startsWith('- 2018-05-15 14:02'));
  [lines[at], lines[at + 1]] = [lines[at + 1] as string, lines[at] as string];
  return lines.join('\n');
})();
const URL = ['--url', 'https://status.example.com'];

let dir = '';
let project = '';
let outside = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-symlinks-'));
  project = join(dir, 'project');
  outside = join(dir, 'outside');
  await mkdir(project);
  await mkdir(outside);
  await writeFile(join(outside, NAME), UNSORTED);
});
afterEach(async () => cleanup());

const commands: Array<[string, string[]]> = [
  ['lint', ['lint', '--format', 'json']],
  ['stats', ['stats', '--format', 'json']],
  ['actions', ['actions', '--format', 'json']],
  ['export', ['export', '--format', 'atom', ...URL]],
];

describe('postmortems linked to a folder outside the project', () => {
  it.each(commands)('%s skips it with a warning and reads nothing there', async (_name, args) => {
    await symlink(outside, join(project, 'postmortems'));
    const result = await runInProcess(args, { cwd: project });
    expect(result.stderr).toContain('postmortems: skipped: a symbolic link to a folder outside the project');
    expect(result.stderr).not.toContain('internal error');
    expect(result.stdout).not.toContain('2018-05-15-crm-release-rollback-failed');
    expect(result.stdout).not.toContain('crm-web');
  });

  it('lint --fix leaves the files there untouched', async () => {
    await symlink(outside, join(project, 'postmortems'));
    const result = await runInProcess(['lint', '--fix'], { cwd: project });
    expect(result.code).toBe(0);
    expect(await readFile(join(outside, NAME), 'utf8')).toBe(UNSORTED);
  });

  it('a file linked from inside to outside is skipped by lint --fix, stats and actions', async () => {
    await mkdir(join(project, 'postmortems'));
    await symlink(join(outside, NAME), join(project, 'postmortems', NAME));
    for (const args of [
      ['lint', '--fix'],
      ['stats', '--format', 'json'],
      ['actions', '--format', 'json'],
    ]) {
      const result = await runInProcess(args, { cwd: project });
      expect(result.stderr).toContain(`${NAME}: skipped: a symbolic link to a file outside the project`);
      expect(result.stdout).not.toContain('crm-web');
    }
    expect(await readFile(join(outside, NAME), 'utf8')).toBe(UNSORTED);
  });

  it('links inside the project are still followed, and --fix writes their target', async () => {
    await mkdir(join(project, 'archive'));
    await writeFile(join(project, 'archive', NAME), UNSORTED);
    await symlink(join(project, 'archive'), join(project, 'postmortems'));
    expect((await runInProcess(['lint'], { cwd: project })).code).toBe(1);
    expect((await runInProcess(['lint', '--fix'], { cwd: project })).code).toBe(0);
    expect(await readFile(join(project, 'archive', NAME), 'utf8')).toBe(EXAMPLE);
    const stats = await runInProcess(['stats', '--format', 'json'], { cwd: project });
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ files: { total: 1, readable: 1 } });
  });

  it("a folder named on the command line outside the project is the user's choice", async () => {
    const result = await runInProcess(['lint', outside], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('timeline-order');
  });

  it("the config's folder belongs to the project: a link from a subfolder up to it is followed", async () => {
    await writeFile(join(project, '.postmortemrc.json'), '{}\n');
    await mkdir(join(project, 'archive'));
    await writeFile(join(project, 'archive', NAME), EXAMPLE);
    const sub = join(project, 'docs');
    await mkdir(sub);
    await symlink(join(project, 'archive'), join(sub, 'postmortems'));
    const result = await runInProcess(['lint', '--format', 'json'], { cwd: sub });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
  });
});

describe('symbolic link loops', () => {
  it.each(commands)('%s reports a looping postmortems folder as a warning, not an internal error', async (_n, args) => {
    await symlink('postmortems', join(project, 'postmortems'));
    const result = await runInProcess(args, { cwd: project });
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('postmortems: skipped: a symbolic link loop');
    expect(result.code).not.toBe(70);
  });

  it.each(commands)('%s reports a looping file link inside the folder as a warning', async (_n, args) => {
    await mkdir(join(project, 'postmortems'));
    await writeFile(join(project, 'postmortems', NAME), EXAMPLE);
    await symlink('a.md', join(project, 'postmortems', 'b.md'));
    await symlink('b.md', join(project, 'postmortems', 'a.md'));
    const result = await runInProcess(args, { cwd: project });
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('a.md: skipped: a symbolic link loop');
    expect(result.code).toBe(0);
  });

  it('lint names a looping file given on the command line', async () => {
    await symlink('loop.md', join(project, 'loop.md'));
    const result = await runInProcess(['lint', 'loop.md'], { cwd: project });
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('loop.md: skipped: a symbolic link loop');
  });
});
