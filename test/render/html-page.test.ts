import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { renderPostmortemHtml } from '../../src/render/html-page.js';
import { ROOT } from '../helpers/cli.js';
import { chromiumFixture, HAS_CHROMIUM } from '../stats/chromium.js';

const IN_CI = Boolean(process.env.CI);
const CRM = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');

// Markdown a postmortem author (or a pasted chat log) may contain that must not become live HTML.
const HOSTILE = [
  '<script>alert(1)</script>',
  '',
  '<iframe src="https://example.org/frame"></iframe>',
  '',
  'Inline <img src=x onerror=alert(1)> and <b onclick="alert(1)">bold</b>.',
  '',
  'Image ![inline](https://example.org/a.png) and ![by reference][pic] and ![blank]().',
  '',
  'Links [script](javascript:alert(1)), [upper](JAVASCRIPT:alert(1)), [spaced](java&#x09;script:alert(1)),',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==), [vb](vbscript:msgbox(1)),',
  '<javascript:alert(1)> and [kept](https://example.org/runbook "Runbook").',
  '',
  'Took ~5 minutes, then ~10 more; ~~the old plan~~ was dropped. The editor left config.yml.~1~ behind.',
  '',
  '[pic]: https://example.org/b.png',
  '',
].join('\n');

async function hostilePage(): Promise<string> {
  const text = (await readFile(CRM, 'utf8')).replace('## Summary\n', `## Summary\n\n${HOSTILE}`);
  expect(text).toContain('<script>');
  return renderPostmortemHtml(parsePostmortem(text, CRM).postmortem);
}

const fixture = chromiumFixture('postmortem-html-page-');

describe('the HTML page of render --format html', () => {
  it('escapes raw HTML: no element of the postmortem reaches the page', async () => {
    const page = await hostilePage();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;b onclick=&quot;alert(1)&quot;&gt;bold&lt;/b&gt;');
    expect(page).not.toMatch(/<(script|iframe|img|b|object|embed)\b/i);
    // Attributes inside a real tag; the escaped text above may spell them.
    expect(page).not.toMatch(/<[a-z][^<>]*\son\w+=/i);
  });

  it('loads no image: neither an inline nor a reference image becomes an element or a source', async () => {
    const page = await hostilePage();
    expect(page).not.toMatch(/<(?:img|image|picture|source)\b|<[a-z][^<>]*\s(?:src|srcset|poster)=/i);
    // The image syntax stays readable as a "!" and a plain link.
    expect(page).toContain('!<a href="https://example.org/a.png">inline</a>');
    expect(page).toContain('!<a href="https://example.org/b.png">by reference</a>');
  });

  it('keeps only safe link targets: javascript:, data: and vbscript: are never clickable', async () => {
    const page = await hostilePage();
    const hrefs = [...page.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] as string);
    expect(hrefs).toContain('https://example.org/runbook');
    expect(hrefs.length).toBeGreaterThan(4);
    for (const href of hrefs) expect(href).toMatch(/^(?:$|#|https?:\/\/|mailto:)/);
    expect(page).toContain('<a href="https://example.org/runbook" title="Runbook">kept</a>');
  });

  it('renders GFM tables and ~~strikethrough~~, and leaves single tildes as text', async () => {
    const page = await hostilePage();
    expect(page).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>Action<\/th>/);
    expect(page).toContain('<td><strong>Time to mitigate</strong></td>');
    expect(page).toContain(
      'Took ~5 minutes, then ~10 more; <del>the old plan</del> was dropped. The editor left config.yml.~1~ behind.',
    );
  });

  it.runIf(HAS_CHROMIUM || IN_CI)(
    'in Chromium with script allowed: no script runs, no image or frame exists, no link has a script URL',
    async () => {
      expect(HAS_CHROMIUM, 'chromium is not installed (Debian: apt-get install chromium)').toBe(true);
      const out = join(fixture.dir, 'hostile.html');
      await writeFile(out, await hostilePage());
      const url = pathToFileURL(out).href;
      const context = await fixture.browser.newContext({ javaScriptEnabled: true });
      const requests: string[] = [];
      const dialogs: string[] = [];
      context.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
      const page = await context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(url, { waitUntil: 'load' });
      // Page code as text: the tests are typed without the DOM library.
      const found = await page.evaluate<{ elements: number; protocols: string[]; links: number; cells: number }>(
        `({
          elements: document.querySelectorAll('script, img, image, iframe, object, embed').length,
          protocols: [...new Set([...document.querySelectorAll('a[href]')].map((a) => a.protocol))],
          links: document.querySelectorAll('a[href]').length,
          cells: document.querySelectorAll('table td').length,
        })`,
      );
      await context.close();
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(found.elements).toBe(0);
      expect(found.links).toBeGreaterThan(4);
      // An emptied href points at the page itself (file:).
      expect(found.protocols.filter((p) => !['https:', 'file:'].includes(p))).toEqual([]);
      expect(found.cells).toBeGreaterThan(10);
    },
    60_000,
  );
});
