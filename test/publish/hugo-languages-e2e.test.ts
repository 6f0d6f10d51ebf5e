/**
 * The advice publish gives a Hugo site that lacks a language builds: a site configured exactly as
 * the warning says (from config.toml, hugo.toml or hugo.yaml, and from the half-done config the old
 * advice left) gets no more warning, and a real `hugo` build has every language as a translation.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { onPath } from '../helpers/tools.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { git, makeSite } from './site.js';

const exec = promisify(execFile);

// Found on PATH, not run (`hugo version`: about 0.08 s of CPU): each test runs hugo anyway.
const HUGO = onPath('hugo');
// In CI a missing hugo must fail the run, not hide the test.
const IN_CI = Boolean(process.env.CI);
const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
const BRANCH = 'postmortem/2018-05-15-crm-release-rollback-failed';
const SLUG = 'crm-release-rollback-failed';
const LEAD = 'so that it defines every language, the default too:\n\n';

const TOML =
  'baseURL = "https://status.example.org/"\ntitle = "Relata status"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n';
const YAML =
  'baseURL: https://status.example.org/\ntitle: Relata status\ndisableKinds: [taxonomy, term, RSS, sitemap, robotsTXT]\n';
const LAYOUTS = {
  'layouts/_default/single.html':
    '<!doctype html><html lang="{{ .Lang }}"><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n',
  'layouts/_default/list.html': '<!doctype html><html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n',
};

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

/** Edits the config as the advice says: the lines for the top at the top, the rest at the end. */
function followAdvice(config: string, advice: string): string {
  const top = /^At the top, before any \[table\]:\n([\s\S]*?)At the end:\n/.exec(advice);
  if (top) return `${top[1]}${config}${advice.slice(top[0].length)}`;
  return `${config}${advice}`;
}

describe('publish: Hugo language advice that builds', () => {
  it.runIf(HUGO || IN_CI).each([
    ['config.toml', TOML],
    ['hugo.toml', TOML],
    ['hugo.yaml', YAML],
    ['hugo.toml as the old advice left it', `${TOML}[languages.de]\n`],
  ])(
    '%s',
    async (name, config) => {
      expect(HUGO, 'hugo is not installed (Debian: apt-get install hugo); CI must run this test').toBe(true);
      const file = name.split(' ')[0] as string;
      const site = await makeSite({ [file]: config, ...LAYOUTS });
      cleanups.push(site.cleanup);
      const dry = await runInProcess(['publish', EXAMPLE, '--site', site.dir, '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stderr).toContain(`Add to ${file} ${LEAD}`);
      const advice = (dry.stderr.split(LEAD)[1] as string).split('\n\n')[0] as string;
      expect(advice).toMatch(/defaultContentLanguage/);
      await writeFile(join(site.dir, file), followAdvice(config, `${advice}\n`));
      await git(site.dir, 'commit', '-q', '-am', 'Languages as publish advised');

      // From the examples' folder, whose config (zones per language) a team would have read.
      const published = await runInProcess(['publish', EXAMPLE, '--site', site.dir], { cwd: join(ROOT, 'examples') });
      expect(published.code, published.stderr).toBe(0);
      expect(published.stderr).not.toMatch(/warning/);
      const out = await tempDir('postmortem-hugo-lang-', { memory: true });
      cleanups.push(out.cleanup);
      await git(site.dir, 'worktree', 'add', '-q', join(out.dir, 'src'), BRANCH);
      await exec('hugo', ['--quiet', '--destination', join(out.dir, 'public')], { cwd: join(out.dir, 'src') });
      for (const [lang, path] of [
        ['en', join('posts', SLUG)],
        ['de', join('de', 'posts', SLUG)],
        ['fr', join('fr', 'posts', SLUG)],
      ] as const) {
        expect(await readFile(join(out.dir, 'public', path, 'index.html'), 'utf8')).toContain(`<html lang="${lang}">`);
      }
    },
    90_000,
  );
});
