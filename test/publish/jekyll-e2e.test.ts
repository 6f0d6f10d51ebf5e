import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';
import { onPath } from '../helpers/tools.js';
import { HAS_CHROMIUM, NO_CHROMIUM, scriptedPage, sharedChromium } from '../stats/chromium.js';
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

// Found on PATH, not run: `jekyll --version` starts Ruby (about 0.5 s of CPU), and the build below runs it anyway.
const JEKYLL = onPath('jekyll');
// In CI a missing jekyll must fail the run, not hide the test.
const IN_CI = Boolean(process.env.CI);
const SECRET = 'JEKYLL-SITE-SECRET-4410';
const INCLUDED = 'JEKYLL-INCLUDE-REACHED-9921';
const BRANCH = 'postmortem/2018-05-15-crm-release-rollback-failed';
const POST = join('incidents', '2018', '05', '15', 'crm-release-rollback-failed.html');
// The hostile and the kramdown notice are the same postmortem under ids of their own, so that all
// three posts go into one site and one Jekyll build (Ruby's start is most of a build's cost).
const HOSTILE_ID = '2018-05-15-hostile-notice';
const KRAMDOWN_ID = '2018-05-15-kramdown-notice';
const HOSTILE_POST = join('incidents', '2018', '05', '15', 'hostile-notice.html');
const KRAMDOWN_POST = join('incidents', '2018', '05', '15', 'kramdown-notice.html');

// The layout declares its encoding and escapes what it prints from front matter, as Jekyll's own minima
// theme does (without the declaration, the headless shell read the UTF-8 page as windows-1252 once).
const LAYOUT =
  '<!doctype html><html lang="{{ page.lang }}">' +
  '<head><meta charset="utf-8"><title>{{ page.title | escape }}</title><meta name="description" content="{{ page.description | escape }}"></head>' +
  '<body><h1>{{ page.title | escape }}</h1><p class="description">{{ page.description | escape }}</p>' +
  '<main>{{ content }}</main></body></html>\n';

async function jekyllSite() {
  const site = await makeSite({
    '_config.yml': `title: Relata blog\nlang: en\nsecret: ${SECRET}\n`,
    '_layouts/post.html': LAYOUT,
    '_includes/secret.html': `${INCLUDED}\n`,
    'index.md':
      '---\nlayout: post\ntitle: Blog\n---\n\n{% for post in site.posts %}- [{{ post.title }}]({{ post.url }})\n{% endfor %}\n',
  });
  cleanups.push(site.cleanup);
  return site.dir;
}

/** Checks out the post branch in a work tree of its own and builds it with jekyll. */
async function build(dir: string, branch: string): Promise<string> {
  const out = await tempDir('postmortem-jekyll-', { memory: true });
  cleanups.push(out.cleanup);
  const src = join(out.dir, 'src');
  await git(dir, 'worktree', 'add', '-q', src, branch);
  await exec('jekyll', ['build', '--quiet', '--source', src, '--destination', join(out.dir, '_site')], {
    cwd: src,
    timeout: 60_000,
  });
  return join(out.dir, '_site');
}

/** A publish in-process of `file` into `dir`, which must commit its jekyll posts. */
async function published(file: string, dir: string, ...args: string[]): Promise<void> {
  const result = await runInProcess(['publish', file, '--site', dir, ...args]);
  expect(result.stderr).toContain('jekyll post(s)');
  expect(result.code).toBe(0);
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

/**
 * The built site: the example, then the hostile notice on its branch, then the kramdown one on
 * the hostile one's, each published as a user would; the last branch holds all three posts.
 */
let site = '';
beforeAll(async () => {
  if (!JEKYLL) return;
  const dir = await jekyllSite();
  const work = await tempDir();
  cleanups.push(work.cleanup);
  const withId = (id: string) => (text: string) => text.replace(/^id: .*$/m, `id: ${id}`);
  await published(
    join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md'),
    dir,
    '--timezone',
    'Europe/Berlin',
  );
  await published(await hostilePostmortem(work.dir, withId(HOSTILE_ID)), dir, '--timezone', 'UTC', '--base', BRANCH);
  const kramdown = await kramdownPostmortem(work.dir, withId(KRAMDOWN_ID));
  await published(kramdown, dir, '--timezone', 'UTC', '--base', `postmortem/${HOSTILE_ID}`);
  site = await build(dir, `postmortem/${KRAMDOWN_ID}`);
}, 120_000);

describe('publish into a real Jekyll site', () => {
  it.runIf(JEKYLL || IN_CI)('builds both languages at their own URLs, listed on the index', async () => {
    expect(JEKYLL, 'jekyll is not installed (Debian: apt-get install jekyll); CI must run this test').toBe(true);
    const en = await readFile(join(site, POST), 'utf8');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>Disruption of the Relata web app</h1>');
    const de = await readFile(join(site, 'de', POST), 'utf8');
    expect(de).toContain('<html lang="de">');
    expect(de).toContain('<h1>Störung der Relata-Web-App</h1>');
    const index = await readFile(join(site, 'index.html'), 'utf8');
    expect(index).toContain('Disruption of the Relata web app');
    expect(index).toContain('Störung der Relata-Web-App');
  });

  it.runIf(JEKYLL || IN_CI)(
    'hostile notice text stays text: no Liquid runs, no include, no HTML, no live link',
    async () => {
      expect(JEKYLL, 'jekyll is not installed (Debian: apt-get install jekyll); CI must run this test').toBe(true);
      for (const page of [join(site, HOSTILE_POST), join(site, 'de', HOSTILE_POST)]) {
        const html = await readFile(page, 'utf8');
        expect(html).not.toContain(SECRET);
        expect(html).not.toContain(INCLUDED);
        expect(html).not.toMatch(/<script|<b>|<img/i);
        expect(html).not.toContain('href="https://evil.example');
        const text = shownText(html);
        for (const part of [HOSTILE.first, HOSTILE.hugo, HOSTILE.liquid, HOSTILE.html]) expect(text).toContain(part);
        expect(text).toContain(`<p class="description">${HOSTILE_TEXT}</p>`);
      }
    },
  );

  it.runIf((JEKYLL && HAS_CHROMIUM) || IN_CI)(
    'kramdown syntax in every notice field stays text in Chromium: no attribute, no element, no script',
    async () => {
      expect(JEKYLL, 'jekyll is not installed (Debian: apt-get install jekyll); CI must run this test').toBe(true);
      expect(HAS_CHROMIUM, NO_CHROMIUM).toBe(true);
      const browser = await sharedChromium();
      for (const page of [join(site, KRAMDOWN_POST), join(site, 'de', KRAMDOWN_POST)]) {
        const seen = await openWithScript(browser, page);
        expect(seen.calls, 'script from the notice ran').toEqual([]);
        expect(seen.injected).toEqual([]);
        const paragraphs = [
          ...KRAMDOWN.whatHappened,
          ...KRAMDOWN.customerImpact,
          ...KRAMDOWN.nextSteps,
          ...KRAMDOWN.apology,
        ];
        for (const paragraph of paragraphs)
          expect(seen.paragraphs, JSON.stringify(seen.paragraphs)).toContain(paragraph);
        expect(seen.text).toContain(KRAMDOWN.service);
      }
    },
    120_000,
  );

  // The check above can fail: what kramdown would make of the notice if it were read as kramdown
  // (block attributes, raw HTML) runs script in this browser, and the page's record shows it.
  it.runIf(HAS_CHROMIUM || IN_CI)(
    'the check can fail: attributes and raw HTML that kramdown would make run script here',
    async () => {
      expect(HAS_CHROMIUM, NO_CHROMIUM).toBe(true);
      const out = await tempDir('postmortem-jekyll-control-', { memory: true });
      cleanups.push(out.cleanup);
      const file = join(out.dir, 'control.html');
      await writeFile(
        file,
        LAYOUT.replaceAll('{{ page.lang }}', 'en')
          .replace(/\{\{ page\.\w+ \| escape \}\}/g, 'Control')
          .replace(
            '{{ content }}',
            '<p tabindex="5" autofocus="" onfocus="pwned(5)">It took “five” minutes.</p>' +
              '<p><img src="x" onerror="pwned(4)"></p>',
          ),
      );
      const seen = await openWithScript(await sharedChromium(), file);
      expect([...new Set(seen.calls)].sort()).toEqual(['4', '5']);
      expect(seen.injected).toEqual(expect.arrayContaining(['onfocus=pwned(5)', '<img>', 'onerror=pwned(4)']));
      expect(seen.paragraphs).toContain('It took "five" minutes.');
    },
    120_000,
  );
});

/** What a built page shows and does in Chromium with script on, `pwned()` recording any call. */
async function openWithScript(
  browser: Browser,
  file: string,
): Promise<{ calls: string[]; injected: string[]; paragraphs: string[]; text: string }> {
  const url = `file://${file}`;
  const { page, watch } = await scriptedPage(browser);
  const { calls } = await watch(url);
  await page.goto(url, { waitUntil: 'load' });
  // Autofocus and a failed image load fire after load; give them time, then tab through the page.
  await page.waitForTimeout(300);
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  // Page code as text: the tests are typed without the DOM library.
  const found = await page.evaluate<{ injected: string[]; paragraphs: string[]; text: string }>(`(() => {
    const main = document.querySelector('main');
    const injected = [];
    for (const el of main.querySelectorAll('*')) {
      if (!['H2', 'P'].includes(el.tagName)) injected.push('<' + el.tagName.toLowerCase() + '>');
      for (const a of el.attributes) if (!(el.tagName === 'H2' && a.name === 'id')) injected.push(a.name + '=' + a.value);
    }
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_COMMENT);
    while (walker.nextNode()) injected.push('<!--' + walker.currentNode.nodeValue + '-->');
    const plain = (s) => s.replace(/[\\u201c\\u201d]/g, '"').replace(/[\\u2018\\u2019]/g, "'");
    return {
      injected,
      paragraphs: [...main.querySelectorAll('p')].map((p) => plain(p.innerText)),
      text: plain(main.innerText),
    };
  })()`);
  return { calls, ...found };
}
