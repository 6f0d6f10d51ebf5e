import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, ROOT } from '../helpers/cli.js';
import { git, makeSite, SITE_FILES } from './site.js';

// These tests run the built binary: `npm run build` first (npm test does).
const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
const ID = '2018-05-15-crm-release-rollback-failed';
const BRANCH = `postmortem/${ID}`;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function site(flavor: keyof typeof SITE_FILES, extra: Record<string, string> = {}): Promise<string> {
  const s = await makeSite({ ...SITE_FILES[flavor], ...extra });
  cleanups.push(s.cleanup);
  return s.dir;
}

function publish(dir: string, ...args: string[]) {
  return runCli(['publish', EXAMPLE, '--site', dir, '--timezone', 'Europe/Berlin', ...args]);
}

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(match).not.toBeNull();
  return parseYaml(match?.[1] ?? '') as Record<string, unknown>;
}

async function commitCount(dir: string, ref = 'HEAD'): Promise<number> {
  return Number(await git(dir, 'rev-list', '--count', ref));
}

describe('postmortem publish into each flavour', () => {
  it('jekyll: _posts/YYYY-MM-DD-slug.md on a new branch, one commit, push command printed', async () => {
    const dir = await site('jekyll');
    const result = await publish(dir);
    expect(result.stderr).toContain(`committed it on branch ${BRANCH}`);
    expect(result.stderr).toContain(`push -u origin ${BRANCH}`);
    expect(result.code).toBe(0);
    expect(await git(dir, 'branch', '--show-current')).toBe(BRANCH);
    expect(await commitCount(dir)).toBe(2);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
    const text = await readFile(join(dir, '_posts', `${ID}.md`), 'utf8');
    expect(text).toMatch(/^date: "2018-05-15 14:02:00 \+0200"$/m);
    expect(frontMatter(text)).toEqual({
      layout: 'post',
      title: 'Disruption of the Relata web app',
      date: '2018-05-15 14:02:00 +0200',
      categories: ['incidents'],
      tags: ['release', 'rollback', 'cache'],
      postmortem_id: ID,
    });
    expect(text).toContain('\n## What happened\n');
    expect(text).not.toContain('\n# Disruption');
    expect(await git(dir, 'log', '-1', '--format=%an %s')).toBe(`Site Owner Publish customer notice for ${ID}`);
  });

  it('hugo: content/<section>/<slug>.md with RFC 3339 date, draft false, summary', async () => {
    const dir = await site('hugo');
    const result = await publish(dir, '--section', 'incidents', '--lang', 'de');
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, 'content', 'incidents', 'crm-release-rollback-failed.md'), 'utf8');
    expect(frontMatter(text)).toEqual({
      title: 'Störung der Relata-Web-App',
      date: '2018-05-15T14:02:00+02:00',
      draft: false,
      tags: ['release', 'rollback', 'cache'],
      summary: 'Ein Software-Update führte auf jeder Seite unserer Web-App zu einem Fehler.',
      postmortem_id: ID,
    });
    expect(text).toContain('## Was ist passiert?');
  });

  it('hugo: default section posts', async () => {
    const dir = await site('hugo');
    expect((await publish(dir)).code).toBe(0);
    expect((await lstat(join(dir, 'content', 'posts', 'crm-release-rollback-failed.md'))).isFile()).toBe(true);
  });

  it('cstate: content/issues/ with severity, resolved, resolvedWhen, affected, section', async () => {
    const dir = await site('cstate');
    const result = await publish(dir);
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, 'content', 'issues', `${ID}.md`), 'utf8');
    expect(frontMatter(text)).toEqual({
      title: 'Disruption of the Relata web app',
      date: '2018-05-15T14:02:00+02:00',
      resolved: true,
      resolvedWhen: '2018-05-15T18:10:00+02:00',
      severity: 'disrupted',
      affected: ['crm-web', 'crm-workers', 'fragment-cache'],
      section: 'issue',
      postmortem_id: ID,
    });
  });

  it('cstate: an affected service the site does not list is refused, naming it', async () => {
    const dir = await site('cstate', {
      'config.yml': 'theme: cstate\nparams:\n  systems:\n    - crm-web\n    - api\n',
    });
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('found unknown crm-workers, fragment-cache');
    expect(await git(dir, 'branch', '--list')).toBe('* main');
  });

  it.each([
    ['jekyll', `_posts/${ID}.md`],
    ['hugo', 'content/posts/crm-release-rollback-failed.md'],
    ['cstate', `content/issues/${ID}.md`],
  ] as const)('detects %s from the site', async (flavor, path) => {
    const dir = await site(flavor);
    const result = await publish(dir, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${path} (${flavor})`);
  });

  it('asks for --flavor when the site cannot be told', async () => {
    const dir = await site('jekyll', {});
    await git(dir, 'rm', '-q', '_config.yml');
    await git(dir, 'commit', '-q', '-m', 'no config');
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pass --flavor jekyll|hugo|cstate');
    expect((await publish(dir, '--flavor', 'jekyll')).code).toBe(0);
  });
});

describe('postmortem publish: idempotence', () => {
  it('re-publishing unchanged content creates no commit; changed content updates the same file in a new commit', async () => {
    const dir = await site('jekyll');
    expect((await publish(dir)).code).toBe(0);
    const again = await publish(dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already up to date; nothing to commit');
    expect(await commitCount(dir)).toBe(2);

    await git(dir, 'switch', '-q', 'main');
    const fromMain = await publish(dir);
    expect(fromMain.code).toBe(0);
    expect(fromMain.stderr).toContain('already up to date');
    expect(await git(dir, 'branch', '--show-current')).toBe('main');
    expect(await commitCount(dir, BRANCH)).toBe(2);

    const changed = await publish(dir, '--timezone', 'UTC');
    expect(changed.code).toBe(0);
    expect(changed.stderr).toContain(`Updated`);
    expect(await git(dir, 'branch', '--show-current')).toBe(BRANCH);
    expect(await commitCount(dir)).toBe(3);
    expect(await git(dir, 'log', '-1', '--name-only', '--format=%s')).toBe(
      `Update customer notice for ${ID}\n\n_posts/${ID}.md`,
    );
    expect(await readFile(join(dir, '_posts', `${ID}.md`), 'utf8')).toContain('(UTC)');
  });

  it('an already merged, unchanged post creates neither branch nor commit', async () => {
    const dir = await site('jekyll');
    expect((await publish(dir)).code).toBe(0);
    await git(dir, 'switch', '-q', 'main');
    await git(dir, 'merge', '-q', '--ff-only', BRANCH);
    await git(dir, 'branch', '-q', '-D', BRANCH);
    const result = await publish(dir);
    expect(result.code).toBe(0);
    expect(await git(dir, 'branch', '--list')).toBe('* main');
  });
});

describe('postmortem publish: --dry-run and --no-commit', () => {
  it('--dry-run prints the path and content and changes nothing', async () => {
    const dir = await site('jekyll');
    const result = await publish(dir, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Would write`);
    expect(result.stdout).toMatch(/^---\nlayout: post\n/);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
    expect(await git(dir, 'branch', '--list')).toBe('* main');
  });

  it('--no-commit writes the file only, and can be repeated', async () => {
    const dir = await site('hugo');
    const result = await publish(dir, '--no-commit');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('not committed (--no-commit)');
    expect(await git(dir, 'branch', '--list')).toBe('* main');
    expect(await git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe(
      '?? content/posts/crm-release-rollback-failed.md',
    );
    expect(await commitCount(dir)).toBe(1);
    expect((await publish(dir, '--no-commit')).code).toBe(0);
  });
});

describe('postmortem publish: refusals leave the site as it was', () => {
  async function unchanged(dir: string) {
    expect(await git(dir, 'branch', '--list')).toBe('* main');
    expect(await commitCount(dir)).toBe(1);
  }

  it('a draft without --allow-draft', async () => {
    const dir = await site('jekyll');
    const draft = join(ROOT, 'test', 'fixtures', 'notice', '2018-05-15-notice-draft.md');
    const result = await runCli(['publish', draft, '--site', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Expected status final or published, found draft');
    await unchanged(dir);
    expect((await runCli(['publish', draft, '--site', dir, '--allow-draft'])).code).toBe(0);
  });

  it('a dirty work tree', async () => {
    const dir = await site('jekyll');
    await writeFile(join(dir, 'index.md'), '# Changed\n');
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The site's work tree has uncommitted changes (index.md)");
    expect(await git(dir, 'branch', '--list')).toBe('* main');
  });

  it('a folder that is not a git repository', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    await writeFile(join(dir, '_config.yml'), 'title: x\n');
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a git repository');
  });

  it('a file at the target that this tool did not write', async () => {
    const dir = await site('jekyll', { [`_posts/${ID}.md`]: '---\nlayout: post\ntitle: Mine\n---\n\nHand-written.\n' });
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was not written by postmortem');
    await unchanged(dir);
    expect(await readFile(join(dir, '_posts', `${ID}.md`), 'utf8')).toContain('Hand-written.');
  });

  it('a symlink that leads out of the site', async () => {
    const outside = await tempDir();
    cleanups.push(outside.cleanup);
    const dir = await site('jekyll');
    await symlink(outside.dir, join(dir, '_posts'));
    await git(dir, 'add', '_posts');
    await git(dir, 'commit', '-q', '-m', 'link');
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('would be written outside the site');
    expect(await git(dir, 'branch', '--list')).toBe('* main');
  });

  it('a symlink at the target itself', async () => {
    const outside = await tempDir();
    cleanups.push(outside.cleanup);
    const dir = await site('jekyll');
    await mkdir(join(dir, '_posts'));
    await writeFile(join(outside.dir, 'x.md'), '---\npostmortem_id: 2018-05-15-crm-release-rollback-failed\n---\n');
    await symlink(join(outside.dir, 'x.md'), join(dir, '_posts', `${ID}.md`));
    await git(dir, 'add', '_posts');
    await git(dir, 'commit', '-q', '-m', 'link');
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a symbolic link');
  });

  it('a failing commit restores the branch and the file', async () => {
    const dir = await site('jekyll', { '.gitignore': '_posts/\n' });
    const result = await publish(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The site was left as it was.');
    await unchanged(dir);
    expect(await git(dir, 'status', '--porcelain', '--untracked-files=all', '--ignored')).toBe('');
  });

  it('a notice that fails its checks', async () => {
    const dir = await site('jekyll');
    const leak = join(ROOT, 'test', 'fixtures', 'notice', '2018-05-15-notice-leak.md');
    const result = await runCli(['publish', leak, '--site', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(notice-leak)');
    await unchanged(dir);
  });

  it('a missing --site or an unknown --flavor is a usage error', async () => {
    expect((await runCli(['publish', EXAMPLE])).code).toBe(2);
    expect((await runCli(['publish', EXAMPLE, '--site', '.', '--flavor', 'wordpress'])).code).toBe(2);
  });
});
