import { execFileSync } from 'node:child_process';
import { chmod, chown, link, lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/model/write.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const OK = join(ROOT, 'test/fixtures/complete-postmortem.md');
const NAME = '2020-01-01-api-outage.md';

let dir: string;
let cleanup: () => Promise<void>;
let clean: string;
let broken: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-lint-fixwrite-'));
  clean = await readFile(OK, 'utf8');
  // `UTC` and a hyphen are fixed to `Z` and an em dash.
  broken = clean.replace('- 2020-01-01 10:05 Z — Error', '- 2020-01-01 10:05 UTC - Error');
  expect(broken).not.toBe(clean);
});
afterAll(async () => cleanup());

async function repo(name: string, files: Record<string, string>): Promise<string> {
  const root = join(dir, name);
  await mkdir(join(root, 'postmortems'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

const fix = (root: string, ...args: string[]) =>
  runInProcess(['lint', '--fix', '--format', 'json', ...args], { cwd: root });

describe('--fix writes keep what the file was', () => {
  it('keeps the mode (0600) and the owner', async () => {
    const root = await repo('mode', { [`postmortems/${NAME}`]: broken });
    const file = join(root, 'postmortems', NAME);
    await chmod(file, 0o600);
    await chown(file, 1234, 4321);
    const result = await fix(root);
    expect(result.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(clean);
    const after = await stat(file);
    expect(after.mode & 0o7777).toBe(0o600);
    expect([after.uid, after.gid]).toEqual([1234, 4321]);
  });

  it('keeps hard links: every name sees the fixed text', async () => {
    const root = await repo('hardlink', { [`postmortems/${NAME}`]: broken });
    const file = join(root, 'postmortems', NAME);
    const other = join(root, 'backup.md');
    await link(file, other);
    const before = await stat(file);
    await fix(root);
    const after = await stat(file);
    expect(after.ino).toBe(before.ino);
    expect(after.nlink).toBe(2);
    expect(await readFile(other, 'utf8')).toBe(clean);
    expect((await readdir(join(root, 'postmortems'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("fixes a symlink's target inside the linted folders and keeps the link", async () => {
    const root = await repo('symlink', { [`archive/${NAME}`]: broken });
    const link_ = join(root, 'postmortems', NAME);
    await symlink(join(root, 'archive', NAME), link_);
    await fix(root);
    expect((await lstat(link_)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(root, 'archive', NAME), 'utf8')).toBe(clean);
  });

  it('leaves a symlink to a file outside the linted folders alone, with a note', async () => {
    const outside = join(dir, 'outside-target.md');
    await writeFile(outside, broken);
    const root = await repo('symlink-out', {});
    await symlink(outside, join(root, 'postmortems', NAME));
    const result = await fix(root);
    expect(result.stderr).toContain(`${NAME}: skipped: a symbolic link to a file outside the project`);
    expect(await readFile(outside, 'utf8')).toBe(broken);
  });

  it('fixes a file with a 245-character name (the temp name stays within 255 bytes)', async () => {
    const long = `2020-01-01-${'a'.repeat(234)}`;
    expect(long.length).toBe(245);
    const root = await repo('long', { [`postmortems/${long}.md`]: broken.replace(/^id: .*$/m, `id: ${long}`) });
    // A slug that long is reported by id-filename; what matters here is that the fix is written.
    const result = await fix(root, '--rule', 'id-filename:off');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(join(root, 'postmortems', `${long}.md`), 'utf8')).not.toContain('UTC - Error');
  });

  it('reports a file in a folder it cannot write to, names the temp file, and fixes the rest', async () => {
    // Root ignores chmod; an immutable folder (chattr +i) refuses new files even to root.
    const root = await repo('readonly', {
      [`postmortems/locked/${NAME}`]: broken,
      [`postmortems/open/${NAME.replace('01-01', '01-02')}`]: broken.replace(/^id: (\d+-\d+)-01/m, 'id: $1-02'),
    });
    const locked = join(root, 'postmortems', 'locked');
    execFileSync('chattr', ['+i', locked]);
    try {
      const result = await fix(root, '--rule', 'id-filename:off');
      const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
      const [lockedResult, openResult] = results;
      expect(lockedResult!.filePath).toBe(join(locked, NAME));
      expect(lockedResult!.messages[0]!.message).toMatch(
        new RegExp(
          '^Expected to write the fixed file, found that its temp file .*\\/locked\\/\\.2020-01-01-api-outage\\.md\\.[0-9a-f]{12}\\.tmp ' +
            'could not be created \\(EPERM\\); the file is unchanged\\.$',
        ),
      );
      expect(openResult!.messages).toEqual([]);
      expect(result.code).toBe(1);
      expect(await readFile(join(locked, NAME), 'utf8')).toBe(broken);
      expect(await readFile(join(root, 'postmortems', 'open', NAME.replace('01-01', '01-02')), 'utf8')).not.toContain(
        'UTC - Error',
      );
    } finally {
      execFileSync('chattr', ['-i', locked]);
    }
  });
});

describe('writeFileAtomic', () => {
  it('still refuses to replace a file without force, and creates new files with the default mode', async () => {
    const path = join(dir, 'atomic', 'a.txt');
    await writeFileAtomic(path, 'one');
    await expect(writeFileAtomic(path, 'two')).rejects.toThrow('already exists');
    expect(await readFile(path, 'utf8')).toBe('one');
    await writeFileAtomic(path, 'three', { force: true });
    expect(await readFile(path, 'utf8')).toBe('three');
  });
});
