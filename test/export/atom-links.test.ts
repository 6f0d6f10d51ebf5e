/**
 * Each Atom entry links to its own post, at the address the publish flavour gives it, with an id
 * that does not change between runs; for Jekyll, a real `jekyll build` of a site `publish` wrote
 * proves that the linked page exists.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAtomFeed } from 'feedsmith';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { onPath } from '../helpers/tools.js';
import { git, makeSite } from '../publish/site.js';

const exec = promisify(execFile);
const ID = '2018-05-15-crm-release-rollback-failed';
const BASE = 'https://blog.example.com/relata/';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

const JEKYLL = onPath('jekyll');
// In CI a missing jekyll must fail the run, not hide the test.
const IN_CI = Boolean(process.env.CI);

/** A project with the example, published (the feed takes only published notices). */
async function project(): Promise<string> {
  const { dir, cleanup } = await tempDir('postmortem-atom-');
  cleanups.push(cleanup);
  await mkdir(join(dir, 'postmortems'));
  const text = (await readFile(join(ROOT, 'examples', `${ID}.md`), 'utf8')).replace(
    /^status: final$/m,
    'status: published',
  );
  await writeFile(join(dir, 'postmortems', `${ID}.md`), text);
  return dir;
}

async function feed(dir: string, ...args: string[]): Promise<Array<{ id: string; lang: string; href: string }>> {
  const r = await runInProcess(['export', '--format', 'atom', '--url', BASE, '--out', '-', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const entries = parseAtomFeed(r.stdout).entries ?? [];
  const langs = [...r.stdout.matchAll(/<entry xml:lang="([a-z]+)">/g)].map((m) => m[1] as string);
  return entries.map((e, i) => ({ id: e.id ?? '', lang: langs[i] ?? '', href: e.links?.[0]?.href ?? '' }));
}

describe('export --format atom: entries link to their posts', () => {
  it.each([
    [
      'jekyll',
      [],
      '/incidents/2018/05/15/crm-release-rollback-failed.html',
      '/de/incidents/2018/05/15/crm-release-rollback-failed.html',
    ],
    ['hugo', ['--flavor', 'hugo'], '/posts/crm-release-rollback-failed/', '/de/posts/crm-release-rollback-failed/'],
    [
      'hugo --section news',
      ['--flavor', 'hugo', '--section', 'news'],
      '/news/crm-release-rollback-failed/',
      '/de/news/crm-release-rollback-failed/',
    ],
    ['cstate', ['--flavor', 'cstate'], `/issues/${ID}/`, `/de/issues/${ID}/`],
    [
      'jekyll --site-lang de',
      ['--site-lang', 'de'],
      '/en/incidents/2018/05/15/crm-release-rollback-failed.html',
      '/incidents/2018/05/15/crm-release-rollback-failed.html',
    ],
  ] as const)('%s', async (_name, args, en, de) => {
    const dir = await project();
    const first = await feed(dir, ...args);
    const second = await feed(dir, ...args);
    expect(first.map((e) => e.lang).sort()).toEqual(['de', 'en', 'fr']);
    // Derived from the postmortem id and language, never from the time of the run.
    expect(second.map((e) => e.id)).toEqual(first.map((e) => e.id));
    for (const e of first) expect(e.id).toBe(`${BASE}#${ID}-${e.lang}`);
    const href = (lang: string) => first.find((e) => e.lang === lang)?.href;
    expect(href('en')).toBe(`${BASE}${en.slice(1)}`);
    expect(href('de')).toBe(`${BASE}${de.slice(1)}`);
    expect(new Set(first.map((e) => e.href)).size).toBe(3);
  });

  it('refuses an unknown --flavor (exit 2)', async () => {
    const dir = await project();
    const r = await runInProcess(['export', '--format', 'atom', '--url', BASE, '--flavor', 'gatsby'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gatsby');
  });

  it.runIf(JEKYLL || IN_CI)(
    'every linked path exists in the _site of a real jekyll build of the site publish wrote',
    async () => {
      expect(JEKYLL, 'jekyll is not installed (Debian: apt-get install jekyll); CI must run this test').toBe(true);
      const dir = await project();
      const site = await makeSite({
        '_config.yml': 'title: Relata blog\nlang: en\n',
        '_layouts/post.html': '<!doctype html><html lang="{{ page.lang }}"><body>{{ content }}</body></html>\n',
      });
      cleanups.push(site.cleanup);
      const published = await runInProcess(['publish', join('postmortems', `${ID}.md`), '--site', site.dir], {
        cwd: dir,
      });
      expect(published.code, published.stderr).toBe(0);
      const out = await tempDir('postmortem-atom-jekyll-');
      cleanups.push(out.cleanup);
      const src = join(out.dir, 'src');
      await git(site.dir, 'worktree', 'add', '-q', src, `postmortem/${ID}`);
      await exec('jekyll', ['build', '--quiet', '--source', src, '--destination', join(out.dir, '_site')], {
        cwd: src,
        timeout: 60_000,
      });
      const entries = await feed(dir);
      expect(entries).toHaveLength(3);
      for (const e of entries) {
        expect(e.href.startsWith(BASE)).toBe(true);
        const path = join(out.dir, '_site', ...e.href.slice(BASE.length).split('/'));
        expect(existsSync(path), path).toBe(true);
        expect(await readFile(path, 'utf8')).toContain(`<html lang="${e.lang}">`);
      }
    },
    90_000,
  );
});
