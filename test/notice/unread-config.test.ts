import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { exampleLanguages, makeSite, SITE_FILES } from '../publish/site.js';

// The config is found from the working folder upwards. A team that keeps one beside its postmortems
// and runs `notice` from the repository's root would send German readers the file's zone and the
// default company name without knowing; the commands whose output customers read name that config.
const EXAMPLE = join(ROOT, 'examples', '2020-10-07-sync-storage-migration-data-loss.md');
const ZONES = JSON.stringify({ notice: { timezone: { de: 'Europe/Berlin' } } });

let work: { dir: string; cleanup: () => Promise<void> };
let root: string;

beforeAll(async () => {
  work = await tempDir();
  root = work.dir;
  await mkdir(join(root, 'team', 'postmortems'), { recursive: true });
  await copyFile(EXAMPLE, join(root, 'team', 'postmortems', 'pm.md'));
  await writeFile(join(root, 'team', '.postmortemrc.json'), ZONES);
  // Not a config: a package.json without a "postmortem" key, nearer to the file.
  await writeFile(join(root, 'team', 'postmortems', 'package.json'), '{"name": "pms"}');
});
afterAll(() => work.cleanup());

const NOT_READ =
  'warning team/.postmortemrc.json: not read: the config is found from the working folder upwards, and this run ' +
  'reads no config (the defaults). Run in team or pass --config team/.postmortemrc.json.\n';

describe('a config nearer to the postmortem than the one read', () => {
  it('is named by notice, which then reads what the working folder gives', async () => {
    const r = await runInProcess(['notice', 'team/postmortems/pm.md', '--lang', 'de', '--channel', 'status'], {
      cwd: root,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(NOT_READ);
    // The file's zone, Los Angeles: the config's Berlin was not read.
    expect(r.stdout).not.toMatch(/MESZ/);
  });

  it('is read, and not named, from its folder or with --config', async () => {
    const fromTeam = await runInProcess(['notice', 'postmortems/pm.md', '--lang', 'de', '--channel', 'status'], {
      cwd: join(root, 'team'),
    });
    expect(fromTeam.stderr).toBe('');
    expect(fromTeam.stdout).toMatch(/MESZ/);
    const given = await runInProcess(
      ['notice', 'team/postmortems/pm.md', '--lang', 'de', '--channel', 'status', '-c', 'team/.postmortemrc.json'],
      { cwd: root },
    );
    expect(given.stderr).toBe('');
    expect(given.stdout).toBe(fromTeam.stdout);
  });

  it('names the config the run reads instead', async () => {
    const other = await tempDir();
    try {
      await mkdir(join(other.dir, 'team'));
      await copyFile(EXAMPLE, join(other.dir, 'team', 'pm.md'));
      await writeFile(join(other.dir, 'team', 'package.json'), JSON.stringify({ postmortem: JSON.parse(ZONES) }));
      await writeFile(join(other.dir, '.postmortemrc.json'), '{}');
      const r = await runInProcess(['notice', 'team/pm.md'], { cwd: other.dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('warning team/package.json: not read:');
      expect(r.stderr).toContain('this run reads .postmortemrc.json.');
    } finally {
      await other.cleanup();
    }
  });

  it('is named once by export, however many files and languages it reads', async () => {
    await copyFile(EXAMPLE, join(root, 'team', 'postmortems', 'pm2.md'));
    const r = await runInProcess(
      ['export', 'team/postmortems', '--format', 'statuspage', '--url', 'https://status.example.com'],
      { cwd: root },
    );
    expect(r.code).toBe(0);
    expect(r.stderr.split(NOT_READ)).toHaveLength(2);
  });

  it('is named once by publish, which reads the config again for each language', async () => {
    expect(exampleLanguages('2020-10-07-sync-storage-migration-data-loss.md').length).toBeGreaterThan(1);
    const site = await makeSite(SITE_FILES.jekyll as Record<string, string>);
    try {
      const r = await runInProcess(['publish', 'team/postmortems/pm.md', '--site', site.dir, '--dry-run'], {
        cwd: root,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.split(NOT_READ)).toHaveLength(2);
    } finally {
      await site.cleanup();
    }
  });
});
