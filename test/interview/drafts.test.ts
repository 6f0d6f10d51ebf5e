import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftPath, runSession } from '../../src/interview/index.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { scriptedAsk } from './scripted-ask.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-drafts-'));
});
afterEach(async () => cleanup());

/** Starts an interview in `cwd`, answers the title and stops (as Ctrl-C would); returns what was said. */
async function interrupted(cwd: string, title = 'Checkout down'): Promise<string[]> {
  const said: string[] = [];
  await runSession({
    cwd,
    ask: scriptedAsk([{ input: title, expect: 'Title' }]),
    now: Date.parse('2024-03-02T09:00:00Z'),
    machineZone: 'UTC',
    say: (t) => said.push(t),
  }).catch(() => undefined);
  return said;
}

describe('drafts and git', () => {
  it('adds .postmortem/ to the repository .gitignore once, and says so once', async () => {
    execFileSync('git', ['init', '-q', dir]);
    await writeFile(join(dir, '.gitignore'), 'node_modules/');
    const sub = join(dir, 'docs');
    await mkdir(sub);
    const first = await interrupted(sub);
    expect(first).toContain('Added .postmortem/ to ../.gitignore so that drafts stay out of git.');
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\n# postmortem new: unfinished interviews\n.postmortem/\n',
    );
    const second = await interrupted(sub);
    expect(second.join('\n')).not.toContain('.gitignore');
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('?? .gitignore\n');
  });

  it('leaves a .gitignore linked to a file outside the repository alone, and says so', async () => {
    const repo = join(dir, 'repo');
    execFileSync('git', ['init', '-q', repo]);
    await writeFile(join(dir, 'elsewhere'), 'node_modules/\n');
    await symlink('../elsewhere', join(repo, '.gitignore'));
    const said = await interrupted(repo);
    expect(said.join('\n')).toContain('Left .gitignore alone: it is a symbolic link to a file outside the repository.');
    expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe('node_modules/\n');
    expect((await lstat(join(repo, '.gitignore'))).isSymbolicLink()).toBe(true);
    expect(await readdir(join(repo, '.postmortem', 'drafts'))).toHaveLength(1);
  });

  it('follows a .gitignore linked inside the repository, writing its target and keeping the link', async () => {
    execFileSync('git', ['init', '-q', dir]);
    await mkdir(join(dir, 'config'));
    await writeFile(join(dir, 'config', 'gitignore'), 'node_modules/\n', { mode: 0o640 });
    await symlink('config/gitignore', join(dir, '.gitignore'));
    await interrupted(dir);
    expect(await readFile(join(dir, 'config', 'gitignore'), 'utf8')).toBe(
      'node_modules/\n# postmortem new: unfinished interviews\n.postmortem/\n',
    );
    expect((await lstat(join(dir, '.gitignore'))).isSymbolicLink()).toBe(true);
    expect((await stat(join(dir, 'config', 'gitignore'))).mode & 0o777).toBe(0o640);
  });

  it('leaves a folder outside any repository alone', async () => {
    const said = await interrupted(dir);
    expect(said.join('\n')).not.toContain('.gitignore');
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    expect(await readdir(join(dir, '.postmortem', 'drafts'))).toHaveLength(1);
  });
});

describe('postmortem new --list-drafts and --discard', () => {
  it('lists the drafts newest first, discards one, and refuses a draft that is not there', async () => {
    expect((await runInProcess(['new', '--list-drafts'], { cwd: dir })).stdout).toBe(
      'No drafts in .postmortem/drafts/.\n',
    );
    await interrupted(dir, 'Checkout down');
    await new Promise((r) => setTimeout(r, 10));
    await interrupted(dir, 'Search slow');
    const listed = await runInProcess(['new', '--list-drafts'], { cwd: dir });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4} {2}\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}Search slow \(1 answer\)$/);
    expect(lines[1]).toContain('Checkout down (1 answer)');
    expect(listed.stdout).toContain('Continue one with: postmortem new --resume ID');
    const id = lines[1]?.split(' ')[0] as string;
    const discarded = await runInProcess(['new', '--discard', id], { cwd: dir });
    expect(discarded).toMatchObject({ code: 0, stdout: `Discarded draft ${id}.\n` });
    expect(await readdir(join(dir, '.postmortem', 'drafts'))).toHaveLength(1);
    const again = await runInProcess(['new', '--discard', id], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`No draft "${id}" in .postmortem/drafts/`);
    expect((await runInProcess(['new', '--discard', '../.gitignore'], { cwd: dir })).code).toBe(2);
  });
});

describe('a draft whose id is not a draft id', () => {
  const hostile = (id: string) =>
    JSON.stringify({
      version: 1,
      id,
      created: '2024-03-02T09:00:00Z',
      updated: '2024-03-02T09:00:00Z',
      given: {},
      steps: {},
    });

  it('is refused by --resume, naming the draft file, and nothing outside the drafts folder is touched', async () => {
    const drafts = join(dir, '.postmortem', 'drafts');
    await mkdir(drafts, { recursive: true });
    await writeFile(join(drafts, 'evil.json'), hostile('../../package'));
    await writeFile(join(dir, 'package.json'), '{"name":"keep-me"}\n');
    const answers = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');
    const result = await runInProcess(['new', '--resume', '--answers', answers], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join('.postmortem', 'drafts', 'evil.json'));
    expect(result.stderr).toContain('"../../package"');
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe('{"name":"keep-me"}\n');
    expect(existsSync(join(dir, 'postmortems'))).toBe(false);
    const byId = await runInProcess(['new', '--resume', 'evil', '--answers', answers], { cwd: dir });
    expect(byId.code).toBe(2);
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe('{"name":"keep-me"}\n');
  });

  it('is refused when answering interactively: no file outside the drafts folder is written', async () => {
    const drafts = join(dir, '.postmortem', 'drafts');
    await mkdir(drafts, { recursive: true });
    await writeFile(join(drafts, 'evil.json'), hostile('../../settings'));
    const error = await runSession({
      cwd: dir,
      resume: true,
      ask: scriptedAsk([{ input: 'Checkout down', expect: 'Title' }]),
      now: Date.parse('2024-03-02T09:00:00Z'),
      machineZone: 'UTC',
    }).catch((e: unknown) => e);
    expect(String(error)).toContain('evil.json');
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });

  it('is listed by --list-drafts as skipped, with the reason, and a draft saved under another id is refused too', async () => {
    const drafts = join(dir, '.postmortem', 'drafts');
    await mkdir(drafts, { recursive: true });
    await writeFile(join(drafts, 'evil.json'), hostile('../../package'));
    await writeFile(join(drafts, 'other.json'), hostile('someone-else'));
    const listed = await runInProcess(['new', '--list-drafts'], { cwd: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('No drafts in .postmortem/drafts/.\n');
    expect(listed.stderr).toContain(`${join('.postmortem', 'drafts', 'evil.json')}: skipped`);
    expect(listed.stderr).toContain(`${join('.postmortem', 'drafts', 'other.json')}: skipped`);
  });

  it.each(['../../package', '..', '.hidden', 'a/b', '/etc/passwd', ''])(
    'draftPath refuses %j rather than leave the folder',
    (id) => {
      expect(() => draftPath(dir, id)).toThrow(/is not a draft id/);
    },
  );
});
