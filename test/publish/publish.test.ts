import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import { runInProcess, ROOT } from '../helpers/cli.js';
import { exampleLanguages, git, jekyllPosts, makeSite, SITE_FILES } from './site.js';

const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
const ID = '2018-05-15-crm-release-rollback-failed';
const BRANCH = `postmortem/${ID}`;
// The example's notice languages: a publish without --lang writes one post for each.
const LANGS = exampleLanguages(`${ID}.md`);

/** Hugo's post paths for the example in LANGS, sorted as git lists them: the default language takes the plain name. */
function hugoPosts(section: string, defaultLang = 'en'): string {
  const slug = `content/${section}/crm-release-rollback-failed`;
  return LANGS.map((l) => (l === defaultLang ? `${slug}.md` : `${slug}.${l}.md`))
    .sort()
    .join('\n');
}

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
  return runInProcess(['publish', EXAMPLE, '--site', dir, '--timezone', 'Europe/Berlin', ...args]);
}

/** The file as committed on the post branch. */
function onBranch(dir: string, path: string, branch = BRANCH): Promise<string> {
  return git(dir, 'show', `${branch}:${path}`);
}

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(match).not.toBeNull();
  return parseYaml(match?.[1] ?? '') as Record<string, unknown>;
}

describe('postmortem publish: one post per language, as each generator lays out translations', () => {
  it('jekyll: _posts/ for the site language, <lang>/_posts/ for another, in one commit', async () => {
    const dir = await site('jekyll');
    const result = await publish(dir);
    expect(result.stderr).toContain(`Committed ${LANGS.length} jekyll post(s) to branch ${BRANCH} (new, from main)`);
    expect(result.stderr).toContain(`git -C ${dir} log -p ${BRANCH}`);
    expect(result.stderr).toContain(`git -C ${dir} push origin ${BRANCH}`);
    expect(result.code).toBe(0);
    expect(await git(dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(jekyllPosts(ID, LANGS).join('\n'));
    const en = await onBranch(dir, `_posts/${ID}.md`);
    expect(en).toMatch(/^date: "2018-05-15 14:02:00 \+0200"$/m);
    expect(frontMatter(en)).toEqual({
      layout: 'post',
      title: 'Disruption of the Relata web app',
      date: '2018-05-15 14:02:00 +0200',
      lang: 'en',
      categories: ['incidents'],
      tags: ['release', 'rollback', 'cache'],
      description: 'A software update caused an error on every page of our web app.',
      postmortem_id: ID,
    });
    expect(en).toContain('\n## What happened\n');
    expect(en).not.toContain('\n# Disruption');
    const de = frontMatter(await onBranch(dir, `de/_posts/${ID}.md`));
    expect([de.title, de.lang]).toEqual(['Störung der Relata-Web-App', 'de']);
    // One commit on the branch (one line), with its author and subject.
    expect(await git(dir, 'log', '--format=%an %s', `main..${BRANCH}`)).toBe(
      `Site Owner Publish customer notice for ${ID} (${LANGS.join(', ')})`,
    );
  });

  it('jekyll: a site whose lang is de keeps German in _posts/ and English in en/_posts/', async () => {
    const dir = await site('jekyll', { '_config.yml': 'title: Relata\nlang: de-DE\n' });
    expect((await publish(dir)).code).toBe(0);
    expect(await git(dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(jekyllPosts(ID, LANGS, 'de').join('\n'));
    expect(frontMatter(await onBranch(dir, `_posts/${ID}.md`)).lang).toBe('de');
  });

  it('hugo: translations by file name, <slug>.md and <slug>.de.md, summary and description', async () => {
    const dir = await site('hugo');
    const result = await publish(dir, '--section', 'incidents');
    expect(result.code).toBe(0);
    expect(await git(dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(hugoPosts('incidents'));
    const de = await onBranch(dir, 'content/incidents/crm-release-rollback-failed.de.md');
    expect(frontMatter(de)).toEqual({
      title: 'Störung der Relata-Web-App',
      date: '2018-05-15T14:02:00+02:00',
      draft: false,
      tags: ['release', 'rollback', 'cache'],
      summary: 'Ein Software-Update führte auf jeder Seite unserer Web-App zu einem Fehler.',
      description: 'Ein Software-Update führte auf jeder Seite unserer Web-App zu einem Fehler.',
      postmortem_id: ID,
    });
    expect(de).toContain('## Was ist passiert?');
  });

  it.each([
    ['hugo.toml without languages', 'hugo', { 'hugo.toml': 'title = "Relata"\n' }, true],
    ['hugo.toml with [languages.de]', 'hugo', { 'hugo.toml': 'title = "R"\n[languages.en]\n[languages.de]\n' }, false],
    [
      'a cState config.yml with languages: de',
      'cstate',
      { 'config.yml': 'theme: cstate\nlanguages:\n  en: {weight: 1}\n  de: {weight: 2}\n' },
      false,
    ],
    ['cState config.yml without languages', 'cstate', {}, true],
  ] as const)('warns when %s would show the translation as a page of its own', async (_name, flavor, files, warns) => {
    const dir = await site(flavor, files);
    const result = await publish(dir);
    expect(result.code).toBe(0);
    const warning = 'the site configures no language "de", so Hugo shows it as a page of its own';
    expect(result.stderr.includes(warning)).toBe(warns);
  });

  it('hugo: defaultContentLanguage decides which language takes the plain name', async () => {
    const dir = await site('hugo', { 'hugo.toml': 'title = "Relata"\ndefaultContentLanguage = "de"\n' });
    expect((await publish(dir)).code).toBe(0);
    expect(await git(dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(hugoPosts('posts', 'de'));
  });

  it('cstate: content/issues/<id>.md and <id>.de.md with severity, resolved, affected, section', async () => {
    const dir = await site('cstate');
    expect((await publish(dir)).code).toBe(0);
    expect(frontMatter(await onBranch(dir, `content/issues/${ID}.md`))).toEqual({
      title: 'Disruption of the Relata web app',
      date: '2018-05-15T12:02:00Z',
      resolved: true,
      resolvedWhen: '2018-05-15T16:10:00Z',
      severity: 'disrupted',
      affected: ['crm-web', 'crm-workers', 'fragment-cache'],
      section: 'issue',
      postmortem_id: ID,
    });
    expect(frontMatter(await onBranch(dir, `content/issues/${ID}.de.md`)).title).toBe('Störung der Relata-Web-App');
  });

  it('--lang de and then --lang en: the second commit adds English and keeps German', async () => {
    const dir = await site('hugo');
    expect((await publish(dir, '--lang', 'de')).code).toBe(0);
    expect(await git(dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(
      'content/posts/crm-release-rollback-failed.de.md',
    );
    const en = await publish(dir, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(`to branch ${BRANCH} as`);
    expect(await git(dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(
      'content/posts/crm-release-rollback-failed.de.md\ncontent/posts/crm-release-rollback-failed.md',
    );
    expect(await git(dir, 'log', '--format=%s', `main..${BRANCH}`)).toBe(
      `Publish customer notice for ${ID} (en)\nPublish customer notice for ${ID} (de)`,
    );
    // Every language: only the ones not on the branch yet are added; then again, nothing new.
    const rest = LANGS.filter((l) => l !== 'en' && l !== 'de');
    const all = await publish(dir);
    expect(all.code).toBe(0);
    expect(all.stderr).toContain(`Committed ${rest.length} hugo post(s) to branch ${BRANCH} as`);
    expect(await git(dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(hugoPosts('posts'));
    const again = await publish(dir);
    expect(again.stderr).toContain(
      `${BRANCH} already holds these hugo posts (${LANGS.join(', ')}); nothing to commit.`,
    );
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
    expect(result.stderr).toContain(`${flavor} post(s)`);
    expect(result.stderr).toContain(`new: ${dir}/${path}\n`);
  });

  it('a site in a folder of a larger repository: paths in the commit are under that folder', async () => {
    const repo = await makeSite({ 'README.md': '# Monorepo\n', 'blog/_config.yml': 'title: Relata blog\n' });
    cleanups.push(repo.cleanup);
    const result = await publish(join(repo.dir, 'blog'), '--lang', 'en');
    expect(result.code).toBe(0);
    expect(await git(repo.dir, 'diff', '--name-only', `main..${BRANCH}`)).toBe(`blog/_posts/${ID}.md`);
  });

  it('asks for --flavor when the site cannot be told', async () => {
    const dir = await site('jekyll');
    await git(dir, 'rm', '-q', '_config.yml');
    await git(dir, 'commit', '-q', '-m', 'no config');
    const result = await publish(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pass --flavor jekyll|hugo|cstate');
    expect((await publish(dir, '--flavor', 'jekyll')).code).toBe(0);
  });
});

describe('postmortem publish: --no-commit', () => {
  it('writes the files into the work tree only, and can be repeated', async () => {
    const dir = await site('hugo');
    const result = await publish(dir, '--no-commit');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('not committed (--no-commit)');
    expect(await git(dir, 'branch', '--list')).toBe('* main');
    expect(await git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe(
      hugoPosts('posts').replace(/^/gm, '?? '),
    );
    const again = await publish(dir, '--no-commit');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already up to date; nothing to write');
  });
});
