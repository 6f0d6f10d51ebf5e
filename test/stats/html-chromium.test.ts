import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/cli.js';
import { chromiumFixture, HAS_CHROMIUM, NO_CHROMIUM, visit } from './chromium.js';

// In CI a missing chromium must fail the run, not hide the test (.ci/run installs it).
const IN_CI = Boolean(process.env.CI);

const fixture = chromiumFixture('postmortem-stats-html-');

describe('the stats page in headless Chromium', () => {
  it.runIf(HAS_CHROMIUM || IN_CI)(
    'renders with charts, no console error and no request',
    async () => {
      expect(HAS_CHROMIUM, `${NO_CHROMIUM}; CI must run this`).toBe(true);
      const out = join(fixture.dir, 'stats.html');
      const r = await runInProcess([
        'stats',
        join(ROOT, 'examples'),
        '--format',
        'html',
        '--out',
        out,
        '--now',
        '2023-06-01',
      ]);
      expect(r.code).toBe(0);
      const html = await readFile(out, 'utf8');
      expect(html).not.toMatch(/<script|src=|href=|url\(|@import/i);
      expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
      const page = await visit(fixture.browser, pathToFileURL(out).href);
      expect(page.consoleErrors).toEqual([]);
      expect(page.requests).toEqual([]);
      // A blank or unstyled page has next to no ink and two or three colours; the charts add blue and red.
      expect(page.inkShare).toBeGreaterThan(0.02);
      expect(page.colours).toBeGreaterThan(20);
      if (process.env.POSTMORTEM_UPDATE_IMAGES)
        await writeFile(join(ROOT, 'docs', 'images', 'stats.png'), page.screenshot);
    },
    60_000,
  );

  it.runIf(HAS_CHROMIUM || IN_CI)(
    'the check sees a blank page as blank and a request as a request',
    async () => {
      expect(HAS_CHROMIUM).toBe(true);
      const blank = join(fixture.dir, 'blank.html');
      await writeFile(blank, '<!doctype html><title>x</title><img src="https://example.org/x.png" alt="">');
      const page = await visit(fixture.browser, pathToFileURL(blank).href);
      expect(page.inkShare).toBeLessThan(0.001);
      expect(page.requests).toEqual(['https://example.org/x.png']);
    },
    60_000,
  );
});
