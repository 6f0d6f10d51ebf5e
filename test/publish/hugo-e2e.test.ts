import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';
import { onPath } from '../helpers/tools.js';
import {
  git,
  HOSTILE,
  HOSTILE_TEXT,
  hostilePostmortem,
  KRAMDOWN,
  kramdownPostmortem,
  makeSite,
  shownText,
} from './site.js';

const exec = promisify(execFile);

// Found on PATH, not run (`hugo version`: about 0.08 s of CPU): each test runs hugo anyway.
const HUGO = onPath('hugo');
// In CI a missing hugo must fail the run, not hide the test.
const IN_CI = Boolean(process.env.CI);
const SECRET = 'HUGO-SITE-SECRET-7731';
const SLUG = 'crm-release-rollback-failed';

const SINGLE =
  '<!doctype html><html lang="{{ .Lang }}">' +
  '<head><title>{{ .Title }}</title><meta name="description" content="{{ .Description }}"></head>' +
  '<body><h1>{{ .Title }}</h1><div class="summary">{{ .Summary }}</div><main>{{ .Content }}</main></body></html>\n';
const INDEX =
  '<!doctype html><html><body><h1>{{ .Site.Title }}</h1>' +
  '<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n';
const LIST =
  '<!doctype html><html><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n';

const CONFIG = `baseURL = "https://status.example.org/"
title = "Relata status"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
defaultContentLanguage = "en"
[params]
secret = "${SECRET}"
[languages.en]
weight = 1
[languages.de]
weight = 2
`;

async function hugoSite() {
  const site = await makeSite({
    'hugo.toml': CONFIG,
    'layouts/_default/single.html': SINGLE,
    'layouts/_default/list.html': LIST,
    'layouts/index.html': INDEX,
  });
  cleanups.push(site.cleanup);
  return site.dir;
}

/** Checks out the post branch in a work tree of its own and builds it with hugo. */
async function build(dir: string, branch: string): Promise<string> {
  const out = await tempDir('postmortem-hugo-', { memory: true });
  cleanups.push(out.cleanup);
  await git(dir, 'worktree', 'add', '-q', join(out.dir, 'src'), branch);
  await exec('hugo', ['--quiet', '--destination', join(out.dir, 'public')], { cwd: join(out.dir, 'src') });
  return join(out.dir, 'public');
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

describe('publish into a real Hugo site', () => {
  it.runIf(HUGO || IN_CI)(
    'builds the site, both languages as translations, and the page carries the headline',
    async () => {
      expect(HUGO, 'hugo is not installed (Debian: apt-get install hugo); CI must run this test').toBe(true);
      const dir = await hugoSite();
      const example = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
      const published = await runInProcess(['publish', example, '--site', dir, '--timezone', 'Europe/Berlin']);
      expect(published.stderr).toContain('hugo post(s)');
      expect(published.code).toBe(0);
      const pub = await build(dir, 'postmortem/2018-05-15-crm-release-rollback-failed');
      const en = await readFile(join(pub, 'posts', SLUG, 'index.html'), 'utf8');
      expect(en).toContain('<html lang="en">');
      expect(en).toContain('<h1>Disruption of the Relata web app</h1>');
      expect(en).toContain('What happened');
      const de = await readFile(join(pub, 'de', 'posts', SLUG, 'index.html'), 'utf8');
      expect(de).toContain('<html lang="de">');
      expect(de).toContain('<h1>Störung der Relata-Web-App</h1>');
      expect(await readFile(join(pub, 'index.html'), 'utf8')).toContain('Disruption of the Relata web app');
    },
  );

  it.runIf(HUGO || IN_CI)(
    'hostile notice text stays text: no shortcode runs, no HTML, no live link, no site parameter',
    async () => {
      expect(HUGO, 'hugo is not installed (Debian: apt-get install hugo); CI must run this test').toBe(true);
      const dir = await hugoSite();
      const work = await tempDir();
      cleanups.push(work.cleanup);
      const file = await hostilePostmortem(work.dir);
      const published = await runInProcess(['publish', file, '--site', dir, '--timezone', 'UTC']);
      expect(published.stderr).toContain('hugo post(s)');
      expect(published.code).toBe(0);
      const pub = await build(dir, 'postmortem/2018-05-15-crm-release-rollback-failed');
      for (const page of [join(pub, 'posts', SLUG, 'index.html'), join(pub, 'de', 'posts', SLUG, 'index.html')]) {
        const html = await readFile(page, 'utf8');
        expect(html).not.toContain(SECRET);
        expect(html).not.toMatch(/<script|<b>|<img/i);
        expect(html).not.toContain('href="https://evil.example');
        const text = shownText(html);
        for (const part of [HOSTILE.first, HOSTILE.hugo, HOSTILE.liquid, HOSTILE.html]) expect(text).toContain(part);
        // The summary front matter (rendered as Markdown by Hugo) shows the first sentence, all of it, as written.
        expect(text).toContain(`<div class="summary">${HOSTILE_TEXT}</div>`);
      }
    },
  );

  it.runIf(HUGO || IN_CI)('kramdown syntax, escaped for Jekyll, shows as written on a Hugo page too', async () => {
    expect(HUGO, 'hugo is not installed (Debian: apt-get install hugo); CI must run this test').toBe(true);
    const dir = await hugoSite();
    const work = await tempDir();
    cleanups.push(work.cleanup);
    const file = await kramdownPostmortem(work.dir);
    const published = await runInProcess(['publish', file, '--site', dir, '--timezone', 'UTC']);
    expect(published.code).toBe(0);
    const pub = await build(dir, 'postmortem/2018-05-15-crm-release-rollback-failed');
    for (const page of [join(pub, 'posts', SLUG, 'index.html'), join(pub, 'de', 'posts', SLUG, 'index.html')]) {
      const html = await readFile(page, 'utf8');
      // Quoted attribute values are data: the description meta tag holds the first sentence, escaped, and
      // the splitter's sentence runs to the end here ("$$1$${: ..." starts no new one), "onfocus=" included.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup).not.toMatch(/<(?:img|dl|span|script)\b|<[^>]*\son\w+=|<!--/i);
      const text = shownText(html);
      const paragraphs = [
        ...KRAMDOWN.whatHappened,
        ...KRAMDOWN.customerImpact,
        ...KRAMDOWN.nextSteps,
        ...KRAMDOWN.apology,
      ];
      for (const paragraph of paragraphs) expect(text).toContain(`<p>${paragraph}</p>`);
      expect(text).toContain(KRAMDOWN.service);
    }
  });
});
