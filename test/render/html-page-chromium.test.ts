import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumFixture, HAS_CHROMIUM, NO_CHROMIUM, scriptedPage } from '../stats/chromium.js';
import { hostilePage } from './hostile-markdown.js';

const IN_CI = Boolean(process.env.CI);
const fixture = chromiumFixture('postmortem-html-page-');

describe('the HTML page of render --format html, in Chromium', () => {
  it.runIf(HAS_CHROMIUM || IN_CI)(
    'in Chromium with script allowed: no script runs, no image or frame exists, no link has a script URL',
    async () => {
      expect(HAS_CHROMIUM, NO_CHROMIUM).toBe(true);
      const out = join(fixture.dir, 'hostile.html');
      await writeFile(out, await hostilePage());
      const url = pathToFileURL(out).href;
      const { page, watch } = await scriptedPage(fixture.browser);
      const seen = await watch(url);
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
      expect(seen.dialogs).toEqual([]);
      expect(seen.requests).toEqual([]);
      expect(found.elements).toBe(0);
      expect(found.links).toBeGreaterThan(4);
      // An emptied href points at the page itself (file:).
      expect(found.protocols.filter((p) => !['https:', 'file:'].includes(p))).toEqual([]);
      expect(found.cells).toBeGreaterThan(10);
    },
    60_000,
  );

  // The records above can fail: in this browser a script runs, a dialog opens and a remote image is
  // requested (and refused), and the page's record shows each.
  it.runIf(HAS_CHROMIUM || IN_CI)(
    'the check can fail: a page with a script and a remote image is recorded',
    async () => {
      expect(HAS_CHROMIUM, NO_CHROMIUM).toBe(true);
      const out = join(fixture.dir, 'control.html');
      await writeFile(
        out,
        '<!doctype html><meta charset="utf-8"><title>Control</title>' +
          '<script>alert("ran")</script><img src="https://evil.example/pixel.png">',
      );
      const url = pathToFileURL(out).href;
      const { page, watch } = await scriptedPage(fixture.browser);
      const seen = await watch(url);
      await page.goto(url, { waitUntil: 'load' });
      expect(seen.dialogs).toEqual(['ran']);
      expect(seen.requests).toEqual(['https://evil.example/pixel.png']);
    },
    60_000,
  );
});
