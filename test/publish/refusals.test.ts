import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';
import { exampleLanguages, examplePostmortem, git, jekyllPosts, makeSite, SITE_FILES, siteState } from './site.js';

const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
const ID = '2018-05-15-crm-release-rollback-failed';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function site(flavor: keyof typeof SITE_FILES, extra: Record<string, string> = {}): Promise<string> {
  const s = await makeSite({ ...SITE_FILES[flavor], ...extra });
  cleanups.push(s.cleanup);
  return s.dir;
}

async function work(): Promise<string> {
  const w = await tempDir(undefined, { memory: true });
  cleanups.push(w.cleanup);
  return w.dir;
}

function publish(dir: string, ...args: string[]) {
  return runInProcess(['publish', EXAMPLE, '--site', dir, '--timezone', 'Europe/Berlin', ...args]);
}

/** Publishing was refused with exit 1 and the message, and the site is as it was. */
async function refused(dir: string, run: Promise<{ code: number; stderr: string }>, message: string) {
  const before = await siteState(dir);
  const result = await run;
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toContain('internal error');
  expect(result.code).toBe(1);
  expect(await siteState(dir)).toEqual(before);
  expect(await git(dir, 'branch', '--list', 'postmortem/*')).toBe('');
}

describe('postmortem publish: refusals (exit 1) leave the site as it was', () => {
  it('a draft without --allow-draft', async () => {
    const dir = await site('jekyll');
    const draft = join(ROOT, 'test', 'fixtures', 'notice', '2018-05-15-notice-draft.md');
    await refused(
      dir,
      runInProcess(['publish', draft, '--site', dir]),
      'Expected status final or published, found draft',
    );
    expect((await runInProcess(['publish', draft, '--site', dir, '--allow-draft'])).code).toBe(0);
  });

  it('a folder that is not a git repository', async () => {
    const dir = await work();
    await writeFile(join(dir, '_config.yml'), 'title: x\n');
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a git repository');
  });

  it('a file at the target that this tool did not write', async () => {
    const dir = await site('jekyll', { [`_posts/${ID}.md`]: '---\nlayout: post\ntitle: Mine\n---\n\nHand-written.\n' });
    await refused(dir, publish(dir), `_posts/${ID}.md exists and was not written by postmortem`);
  });

  it.each([
    ['commit', []],
    ['--no-commit', ['--no-commit']],
    ['--dry-run', ['--dry-run']],
  ])('a folder at the target path (%s): a refusal, not EISDIR', async (_name, args) => {
    const dir = await site('jekyll', { [`_posts/${ID}.md/keep.md`]: 'a folder\n' });
    await refused(dir, publish(dir, ...args), `_posts/${ID}.md is a folder in the site; expected a post file there.`);
  });

  it('a file where a folder of the path should be', async () => {
    const dir = await site('jekyll', { de: 'a file\n' });
    await refused(dir, publish(dir), 'de is a file in the site; expected a folder.');
  });

  it('a symbolic link on the way out of the site (committed, and in the work tree)', async () => {
    const outside = await work();
    const dir = await site('jekyll');
    await symlink(outside, join(dir, '_posts'));
    await git(dir, 'add', '_posts');
    await git(dir, 'commit', '-q', '-m', 'link');
    await refused(dir, publish(dir), '_posts is a symbolic link in the site');
    await refused(dir, publish(dir, '--no-commit'), 'would be written outside the site');
    expect(await readdir(outside)).toEqual([]);
  });

  it('a symbolic link at the target itself', async () => {
    const outside = await work();
    const dir = await site('jekyll');
    await mkdir(join(dir, '_posts'));
    await writeFile(join(outside, 'x.md'), `---\npostmortem_id: ${ID}\n---\n`);
    await symlink(join(outside, 'x.md'), join(dir, '_posts', `${ID}.md`));
    await git(dir, 'add', '_posts');
    await git(dir, 'commit', '-q', '-m', 'link');
    await refused(dir, publish(dir), 'is a symbolic link; refusing to write through it');
  });

  it('a notice that fails its checks', async () => {
    const dir = await site('jekyll');
    const leak = join(ROOT, 'test', 'fixtures', 'notice', '2018-05-15-notice-leak.md');
    await refused(dir, runInProcess(['publish', leak, '--site', dir]), '(notice-leak)');
  });

  it.each([
    ['an HTML tag', 'Disruption <script>alert(1)</script>', 'it contains an HTML tag'],
    ['site code', 'Disruption {{ site.secret }}', 'it contains site code'],
    ['a Markdown link', 'Disruption, see [status](https://evil.example)', 'it contains a Markdown link'],
    ['kramdown attributes', 'Disruption $$1$${: autofocus="" onfocus="x()"}', 'it contains kramdown syntax'],
    ['kramdown math', 'Disruption of $$x$$', 'it contains kramdown syntax'],
  ])('a headline with %s cannot be a post title', async (_name, headline, message) => {
    const dir = await site('hugo');
    const file = await examplePostmortem(await work(), `${ID}.md`, (t) =>
      t.replace('en: "Disruption of the Relata web app"', () => `en: ${JSON.stringify(headline)}`),
    );
    await refused(
      dir,
      runInProcess(['publish', file, '--site', dir, '--timezone', 'UTC']),
      `The en headline cannot be a post title: ${message}`,
    );
  });

  it('a missing --site or an unknown --flavor is a usage error (exit 2)', async () => {
    expect((await runInProcess(['publish', EXAMPLE])).code).toBe(2);
    expect((await runInProcess(['publish', EXAMPLE, '--site', '.', '--flavor', 'wordpress'])).code).toBe(2);
  });
});

describe('postmortem publish: odd cases', () => {
  it.each([
    ['jekyll', 'date: "0999-05-15 14:02:00 +0200"'],
    ['hugo', 'date: "0999-05-15T14:02:00+02:00"'],
    ['cstate', 'resolvedWhen: "0999-05-15T16:10:00Z"'],
  ])('a year before 1000 has four digits in the %s date', async (flavor, line) => {
    const dir = await site(flavor);
    const file = await examplePostmortem(await work(), `${ID}.md`, (t) => t.replaceAll('2018-05-15', '0999-05-15'));
    const result = await runInProcess(['publish', file, '--site', dir, '--lang', 'en', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`\n+${line}\n`);
  });

  it('--dry-run prints the files and the diff, and changes nothing; the diff is what gets committed', async () => {
    const dir = await site('jekyll');
    const before = await siteState(dir);
    const dry = await publish(dir, '--dry-run');
    expect(dry.code).toBe(0);
    const langs = exampleLanguages(`${ID}.md`);
    expect(dry.stderr).toContain(`Would commit ${langs.length} jekyll post(s) to branch postmortem/`);
    expect(dry.stderr).toContain(
      `${jekyllPosts(ID, langs)
        .map((p) => `  new: ${dir}/${p}\n`)
        .join('')}`,
    );
    expect(dry.stdout).toMatch(/^diff --git a\/_posts\/.+\nnew file mode 100644\n/);
    expect(dry.stdout).toContain('\n+layout: post\n');
    expect(await siteState(dir)).toEqual(before);
    expect(await git(dir, 'branch', '--list')).toBe('* main');
    expect((await publish(dir)).code).toBe(0);
    const committed = await git(dir, 'diff', '--no-color', 'main', `postmortem/${ID}`);
    const strip = (d: string) => d.replace(/^index .*\n/gm, '').replace(/^diff --git .*\n/gm, '');
    expect(strip(`${committed}\n`)).toBe(strip(dry.stdout));
  });

  it('--dry-run of a change shows only what changes', async () => {
    const dir = await site('jekyll');
    expect((await publish(dir)).code).toBe(0);
    const dry = await publish(dir, '--dry-run', '--timezone', 'UTC', '--lang', 'en');
    expect(dry.stdout).toMatch(/^diff --git a\/_posts\/.+\nindex /);
    expect(dry.stdout).toMatch(/\n-On .* there was a disruption from 2:02 PM to 2:31 PM .*\(CEST\)/);
    expect(dry.stdout).toMatch(/\n\+On .* there was a disruption from 12:02 PM to 12:31 PM .*\(UTC\)/);
    expect(dry.stdout).not.toContain('de/_posts');
  });

  it('--no-commit that fails half-way removes what it wrote: no file, no empty _posts/', async () => {
    // `de` is a file, so the German post cannot be written after the English one was.
    const dir = await site('jekyll', { de: 'a file\n' });
    await git(dir, 'rm', '-q', '--cached', 'de');
    await git(dir, 'commit', '-q', '-m', 'untrack de');
    const before = await siteState(dir);
    const result = await publish(dir, '--no-commit');
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(await siteState(dir)).toEqual(before);
    expect(await readdir(dir)).not.toContain('_posts');
  });
});
