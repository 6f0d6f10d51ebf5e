import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempDir } from '../helpers/cli.js';
import {
  exampleLanguages,
  examplePostmortem,
  git,
  jekyllPosts,
  makeSite,
  SITE_FILES,
  siteState,
  withProcessEnv,
} from './site.js';

const CRM = '2018-05-15-crm-release-rollback-failed';
const CARSHARE = '2019-03-12-carshare-db-maintenance';
// Each example's notice languages: a publish without --lang commits one post per language.
const CRM_LANGS = exampleLanguages(`${CRM}.md`);
const CARSHARE_LANGS = exampleLanguages(`${CARSHARE}.md`);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function fixture(flavor: keyof typeof SITE_FILES = 'jekyll', extra: Record<string, string> = {}) {
  const s = await makeSite({ ...SITE_FILES[flavor], ...extra });
  const work = await tempDir(undefined, { memory: true });
  cleanups.push(s.cleanup, work.cleanup);
  return {
    dir: s.dir,
    crm: await examplePostmortem(work.dir, `${CRM}.md`),
    carshare: await examplePostmortem(work.dir, `${CARSHARE}.md`),
    work: work.dir,
  };
}

function publish(file: string, dir: string, ...args: string[]) {
  return runInProcess(['publish', file, '--site', dir, '--timezone', 'Europe/Berlin', ...args]);
}

/** The commits `revs` name, in their order, from one git process (rev-parse fails on a name of none). */
async function commits(dir: string, ...revs: string[]): Promise<string[]> {
  const found = (await git(dir, 'rev-parse', ...revs)).split('\n');
  if (found.length !== revs.length) throw new Error(`rev-parse ${revs.join(' ')}: ${found.join(', ')}`);
  return found;
}

async function branchFiles(dir: string, branch: string, base = 'main'): Promise<string[]> {
  return (await git(dir, 'diff', '--name-only', `${base}...${branch}`)).split('\n').filter(Boolean);
}

describe('who commits', () => {
  it("is the site repository's own identity when it has one", async () => {
    const { dir, crm } = await fixture();
    expect((await publish(crm, dir)).code).toBe(0);
    expect(await git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', `postmortem/${CRM}`)).toBe(
      'Site Owner <owner@example.org>|Site Owner <owner@example.org>',
    );
  });

  it('is postmortem <postmortem@localhost> for what git is not told (no global or system config)', async () => {
    const { dir, crm, carshare, work } = await fixture();
    const home = join(work, 'home');
    await mkdir(home);
    // EMAIL is what git would guess an address from; postmortem's fallback wins over it, as over the host's name.
    const env = {
      HOME: home,
      XDG_CONFIG_HOME: home,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: join(home, 'none'),
      EMAIL: 'guessed@example.org',
    };
    // Half an identity: the configured name, and the fallback for the missing email (not one git guesses).
    await git(dir, 'config', '--unset', 'user.email');
    const half = await withProcessEnv(env, () => publish(carshare, dir, '--lang', 'en'));
    expect(half.code).toBe(0);
    expect(await git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', `postmortem/${CARSHARE}`)).toBe(
      'Site Owner <postmortem@localhost>|Site Owner <postmortem@localhost>',
    );
    await git(dir, 'config', '--unset', 'user.name');
    const result = await withProcessEnv(env, () => publish(crm, dir));
    expect(result.stderr).toContain(`Committed ${CRM_LANGS.length} jekyll post(s)`);
    expect(result.code).toBe(0);
    expect(await git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', `postmortem/${CRM}`)).toBe(
      'postmortem <postmortem@localhost>|postmortem <postmortem@localhost>',
    );
  });
});

describe('publish never disturbs the site', () => {
  it('leaves the checked-out branch, the index and a dirty work tree exactly as they were', async () => {
    const { dir, crm } = await fixture();
    await git(dir, 'switch', '-q', '-c', 'feature');
    await writeFile(join(dir, 'index.md'), '# Work in progress\n');
    await writeFile(join(dir, 'staged.md'), 'staged\n');
    await git(dir, 'add', 'staged.md');
    await writeFile(join(dir, 'untracked.md'), 'untracked\n');
    const before = await siteState(dir);
    const result = await publish(crm, dir);
    expect(result.code).toBe(0);
    expect(await siteState(dir)).toEqual(before);
    // The branch starts from main, not from the checked-out feature branch.
    const [parent, main] = await commits(dir, `postmortem/${CRM}~1`, 'main');
    expect(parent).toBe(main);
  });

  it('two incidents published in a row give two branches, each with only its own posts', async () => {
    const { dir, crm, carshare } = await fixture();
    expect((await publish(crm, dir)).code).toBe(0);
    expect((await publish(carshare, dir)).code).toBe(0);
    expect(await branchFiles(dir, `postmortem/${CRM}`)).toEqual(jekyllPosts(CRM, CRM_LANGS));
    expect(await branchFiles(dir, `postmortem/${CARSHARE}`)).toEqual(jekyllPosts(CARSHARE, CARSHARE_LANGS));
    expect(await git(dir, 'branch', '--show-current')).toBe('main');
  });

  it('concurrent runs of several incidents and of the same one never lose or mix commits', async () => {
    const { dir, crm, carshare } = await fixture();
    const runs = await Promise.all([
      publish(crm, dir, '--lang', 'en'),
      publish(crm, dir, '--lang', 'de'),
      publish(carshare, dir, '--lang', 'de'),
      publish(crm, dir, '--lang', 'en'),
      publish(carshare, dir, '--lang', 'en'),
      publish(carshare, dir),
    ]);
    expect(runs.map((r) => [r.code, r.stderr.includes('internal error')])).toEqual(runs.map(() => [0, false]));
    // The CRM runs name en and de; the last carshare run publishes all of its languages.
    expect(await branchFiles(dir, `postmortem/${CRM}`)).toEqual([`_posts/${CRM}.md`, `de/_posts/${CRM}.md`]);
    expect(await branchFiles(dir, `postmortem/${CARSHARE}`)).toEqual(jekyllPosts(CARSHARE, CARSHARE_LANGS));
    // Every run that said it committed has its commit on the branch: one rev-list per branch.
    const history = new Map<string, Promise<string[]>>();
    for (const run of runs) {
      const commit = /as ([0-9a-f]{7}):/.exec(run.stderr)?.[1];
      const branch = /to branch (\S+)/.exec(run.stderr)?.[1];
      if (!commit || !branch) continue;
      if (!history.has(branch))
        history.set(
          branch,
          git(dir, 'rev-list', branch).then((out) => out.split('\n')),
        );
      const commits = (await history.get(branch)) ?? [];
      expect(
        commits.some((c) => c.startsWith(commit)),
        `${commit} on ${branch}`,
      ).toBe(true);
    }
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('concurrent processes (the real binary) never lose or mix commits', async () => {
    // Separate processes, as two people or two CI jobs would run it; needs `npm run build`.
    const { dir, crm, carshare } = await fixture();
    const runs = await Promise.all([
      runCli(['publish', crm, '--site', dir, '--timezone', 'UTC', '--lang', 'en']),
      runCli(['publish', crm, '--site', dir, '--timezone', 'UTC', '--lang', 'de']),
      runCli(['publish', carshare, '--site', dir, '--timezone', 'UTC', '--lang', 'de']),
      runCli(['publish', carshare, '--site', dir, '--timezone', 'UTC', '--lang', 'en']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(await branchFiles(dir, `postmortem/${CRM}`)).toEqual([`_posts/${CRM}.md`, `de/_posts/${CRM}.md`]);
    expect(await branchFiles(dir, `postmortem/${CARSHARE}`)).toEqual([
      `_posts/${CARSHARE}.md`,
      `de/_posts/${CARSHARE}.md`,
    ]);
  });

  it('re-publishing unchanged content commits nothing; changed content adds a commit on the branch', async () => {
    const { dir, crm } = await fixture();
    expect((await publish(crm, dir)).code).toBe(0);
    const tip = await git(dir, 'rev-parse', `postmortem/${CRM}`);
    const again = await publish(crm, dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing to commit');
    expect(await git(dir, 'rev-parse', `postmortem/${CRM}`)).toBe(tip);
    const changed = await publish(crm, dir, '--timezone', 'UTC');
    expect(changed.code).toBe(0);
    // The new commit's parents (the old tip alone) and its subject, from one git process.
    expect(await git(dir, 'log', '-1', '--format=%P%n%s', `postmortem/${CRM}`)).toBe(
      `${tip}\nUpdate customer notice for ${CRM} (${CRM_LANGS.join(', ')})`,
    );
  });

  it('an update keeps the mode the post has in the site (an executable file stays one)', async () => {
    const { dir, crm } = await fixture('jekyll', { [`_posts/${CRM}.md`]: `---\npostmortem_id: ${CRM}\n---\n\nOld.\n` });
    await chmod(join(dir, '_posts', `${CRM}.md`), 0o755);
    await git(dir, 'commit', '-q', '-a', '-m', 'executable');
    expect((await publish(crm, dir, '--lang', 'en')).code).toBe(0);
    expect(await git(dir, 'ls-tree', `postmortem/${CRM}`, '--', `_posts/${CRM}.md`)).toMatch(/^100755 blob /);
    expect(await git(dir, 'diff', '--name-only', `main..postmortem/${CRM}`)).toBe(`_posts/${CRM}.md`);
  });

  it('the folders it rewrites keep every other entry byte for byte: names that are not UTF-8, git order', async () => {
    // Around _posts in git's order (a folder sorts as if its name ended in '/'): _posts-x/, _posts.md, _posts/, _posts0.
    const { dir, crm } = await fixture('jekyll', { '_posts.md': 'a\n', '_posts-x/a.md': 'b\n', _posts0: 'c\n' });
    // A Latin-1 name beside the post: read as UTF-8 and written back, it would become another file.
    await mkdir(join(dir, '_posts'));
    await writeFile(Buffer.from(`${join(dir, '_posts')}/caf\xe9.md`, 'latin1'), 'd\n');
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-q', '-m', 'names');
    expect((await publish(crm, dir)).code).toBe(0);
    expect(await branchFiles(dir, `postmortem/${CRM}`)).toEqual(jekyllPosts(CRM, CRM_LANGS));
    const tree = (rev: string) => git(dir, 'ls-tree', '-r', '-t', '--full-tree', rev);
    // All but the posts and the folders on their way, which the commit rewrites.
    const rewritten = new Set(['_posts', 'de', 'de/_posts', 'fr', 'fr/_posts']);
    const unchanged = (listing: string) =>
      listing.split('\n').filter((line) => !line.includes(CRM) && !rewritten.has(line.split('\t')[1] ?? ''));
    const main = await tree('main');
    expect(unchanged(await tree(`postmortem/${CRM}`))).toEqual(unchanged(main));
    expect(main).toContain('\t"_posts/caf\\351.md"');
  });

  it('commits into a SHA-256 repository as into a SHA-1 one', async () => {
    const { dir, crm } = await fixture();
    const site = join(dir, 'sha256');
    await mkdir(site);
    await git(site, 'init', '-q', '-b', 'main', '--object-format=sha256');
    await writeFile(join(site, '_config.yml'), 'title: Relata blog\n');
    await git(site, 'add', '-A');
    await git(site, '-c', 'user.name=Site Owner', '-c', 'user.email=owner@example.org', 'commit', '-q', '-m', 'Site');
    expect((await publish(crm, site)).code).toBe(0);
    expect(await git(site, 'rev-parse', `postmortem/${CRM}`)).toMatch(/^[0-9a-f]{64}$/);
    expect(await branchFiles(site, `postmortem/${CRM}`)).toEqual(jekyllPosts(CRM, CRM_LANGS));
    expect(await git(site, 'fsck', '--strict', '--no-dangling')).toBe('');
  });

  it('an already merged, unchanged post creates neither branch nor commit', async () => {
    const { dir, crm } = await fixture();
    expect((await publish(crm, dir)).code).toBe(0);
    await git(dir, 'merge', '-q', '--ff-only', `postmortem/${CRM}`);
    await git(dir, 'branch', '-q', '-D', `postmortem/${CRM}`);
    const result = await publish(crm, dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('nothing to commit');
    expect(await git(dir, 'branch', '--list')).toBe('* main');
  });

  it('refuses when the post branch itself is checked out', async () => {
    const { dir, crm } = await fixture();
    expect((await publish(crm, dir, '--lang', 'en')).code).toBe(0);
    await git(dir, 'switch', '-q', `postmortem/${CRM}`);
    const before = await siteState(dir);
    const result = await publish(crm, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`postmortem/${CRM} is checked out in ${dir}`);
    expect(await siteState(dir)).toEqual(before);
  });
  it('refuses when an unborn HEAD names the post branch (no such ref yet, so for-each-ref cannot tell)', async () => {
    const { dir, crm } = await fixture();
    await git(dir, 'symbolic-ref', 'HEAD', `refs/heads/postmortem/${CRM}`);
    const before = await siteState(dir);
    const result = await publish(crm, dir);
    expect(result.stderr).toContain(`postmortem/${CRM} is checked out in ${dir}`);
    expect(result.code).toBe(1);
    expect(await siteState(dir)).toEqual(before);
    expect(await git(dir, 'branch', '--list', 'postmortem/*')).toBe('');
  });
});

describe('the base branch', () => {
  it('is the branch origin/HEAD names', async () => {
    const { dir, crm } = await fixture();
    const upstream = await makeSite({ '_config.yml': 'title: upstream\n' });
    cleanups.push(upstream.cleanup);
    await git(upstream.dir, 'branch', '-q', '-m', 'trunk');
    await git(dir, 'remote', 'add', 'origin', upstream.dir);
    await git(dir, 'fetch', '-q', 'origin');
    await git(dir, 'remote', 'set-head', 'origin', 'trunk');
    const result = await publish(crm, dir, '--lang', 'en');
    expect(result.stderr).toContain('(new, from origin/trunk)');
    const [parent, trunk] = await commits(dir, `postmortem/${CRM}~1`, 'origin/trunk');
    expect(parent).toBe(trunk);
  });

  it('is master when there is no main, and --base picks any other', async () => {
    const { dir, crm, carshare } = await fixture();
    await git(dir, 'branch', '-q', '-m', 'master');
    await git(dir, 'switch', '-q', '-c', 'staging');
    await writeFile(join(dir, 'staging.md'), 'staging\n');
    await git(dir, 'add', 'staging.md');
    await git(dir, 'commit', '-q', '-m', 'staging');
    expect((await publish(crm, dir, '--lang', 'en')).stderr).toContain('(new, from master)');
    expect((await publish(carshare, dir, '--lang', 'en', '--base', 'staging')).stderr).toContain('(new, from staging)');
    const [parent, staging] = await commits(dir, `postmortem/${CARSHARE}~1`, 'staging');
    expect(parent).toBe(staging);
    const unknown = await publish(crm, dir, '--base', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--base: expected a branch or commit of the site, found "nope"');
  });

  it('cannot be told without origin/HEAD, main or master: refused, asking for --base', async () => {
    const { dir, crm } = await fixture();
    await git(dir, 'branch', '-q', '-m', 'trunk');
    const result = await publish(crm, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pass --base BRANCH');
    expect(await git(dir, 'branch', '--list')).toBe('* trunk');
  });
});

describe('a failed run leaves nothing behind', () => {
  it('git refusing the branch name: exit 2, no branch, no commit, site as it was', async () => {
    const { dir, crm } = await fixture();
    // A branch named `postmortem` makes refs/heads/postmortem/<id> impossible.
    await git(dir, 'branch', 'postmortem');
    const before = await siteState(dir);
    const result = await publish(crm, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('update-ref');
    expect(result.stderr).toContain('The site was left as it was.');
    expect(await git(dir, 'branch', '--list')).toBe('* main\n  postmortem');
    expect(await siteState(dir)).toEqual(before);
  });

  it('a refusal in the second language commits neither', async () => {
    const { dir, crm } = await fixture('jekyll');
    await mkdir(join(dir, 'de', '_posts'), { recursive: true });
    await writeFile(join(dir, 'de', '_posts', `${CRM}.md`), '---\ntitle: Mine\n---\n');
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '-q', '-m', 'hand-written German post');
    const result = await publish(crm, dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`de/_posts/${CRM}.md exists and was not written by postmortem`);
    expect(await git(dir, 'branch', '--list')).toBe('* main');
  });
});
