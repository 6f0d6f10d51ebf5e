import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/cli.js';
import { pinnedPackageFile } from '../helpers/registry-file.js';
import { chromiumFixture, HAS_CHROMIUM, NO_CHROMIUM, scriptedPage, visit } from './chromium.js';

const IN_CI = Boolean(process.env.CI);
const CRM = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
/** The real Mermaid, as a browser bundle (one file, no dependencies; see pinnedPackageFile). */
const MERMAID = {
  name: 'mermaid',
  version: '11.17.2',
  integrity: 'sha512-V6K3C8EBdEsPFZXSKMJe6ppQOENxuHARr9GvHX4hh47lAbhMRD9qf4oEK7LoaRQxULMa80/qt5gHO73aCleBBg==',
};

const fixture = chromiumFixture('postmortem-render-html-');

/**
 * The crm example, whose two waves are its impact windows (14:02–14:31 and 15:48–16:34); the
 * example itself carries them now, so the tests read it where it is.
 */
const WITH_WINDOWS = CRM;

/** A copy of the crm example without `impact.windows`: the impact is then `started` until `mitigated`. */
async function withoutWindows(): Promise<string> {
  const text = await readFile(CRM, 'utf8');
  const without = text.replace(/^ {2}windows:\n(?: {4}.*\n)+/m, '');
  expect(without).not.toBe(text);
  const path = join(fixture.dir, 'no-windows.md');
  await writeFile(path, without);
  return path;
}

describe('render --chart mermaid', () => {
  it('adds a Gantt block after the header with the moments and the impact windows', async () => {
    const r = await runInProcess(['render', WITH_WINDOWS, '--chart', 'mermaid']);
    expect(r.code).toBe(0);
    const block = /```mermaid\n([\s\S]*?)```/.exec(r.stdout)?.[1] ?? '';
    expect(block).toContain('    Started : milestone, started, 2018-05-15 14:02, 0m\n');
    expect(block).toContain('    Resolved : milestone, resolved, 2018-05-15 18:10, 0m\n');
    expect(block).toContain('    section Impact windows\n    Window 1 : crit, impact1, 2018-05-15 14:02, 29m\n');
    expect(block).toContain('    Window 2 : crit, impact2, 2018-05-15 15:48, 46m\n');
    expect(r.stdout.indexOf('```mermaid')).toBeLessThan(r.stdout.indexOf('## Summary'));
  });

  it('draws one bar from started until mitigated when the file has no impact windows', async () => {
    const r = await runInProcess(['render', await withoutWindows(), '--chart', 'mermaid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    section Customer impact\n    Impact : crit, impact1, 2018-05-15 14:02, 152m\n');
    expect(r.stdout).not.toContain('Window 1');
  });

  it('refuses an unreadable window (impact-windows), and the chart falls back to started until mitigated as the header does', async () => {
    const path = join(fixture.dir, 'bad-window.md');
    const text = await readFile(CRM, 'utf8');
    const bad = text.replace('end: "2018-05-15T14:31:00+02:00"', 'end: "14:31"');
    expect(bad).not.toBe(text);
    await writeFile(path, bad);
    // render checks validity with lint's rules: a window that cannot be read is an error there.
    const r = await runInProcess(['render', path, '--chart', 'mermaid']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(impact-windows)');
    // The chart itself reads windows through the model, so it never invents one.
    const { parsePostmortem } = await import('../../src/model/index.js');
    const { incidentChart } = await import('../../src/render/incident-chart.js');
    const { withMermaidChart } = await import('../../src/render/mermaid.js');
    const chart = withMermaidChart('# t\n', incidentChart(parsePostmortem(bad, path).postmortem));
    expect(chart).toContain('    section Customer impact\n    Impact : crit, impact1, 2018-05-15 14:02, 152m\n');
  });

  it('refuses --chart with --format html', async () => {
    const r = await runInProcess(['render', CRM, '--chart', 'mermaid', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--chart mermaid: expected mermaid, with --format markdown');
  });

  it('keeps Mermaid syntax out of the title', async () => {
    const path = join(fixture.dir, 'title.md');
    const text = (await readFile(CRM, 'utf8')).replace(/^title: .*$/m, 'title: "Checkout: down; #1 %% again"');
    await writeFile(path, text);
    const r = await runInProcess(['render', path, '--chart', 'mermaid']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('    title Checkout down 1 % again\n');
  });

  it.runIf(HAS_CHROMIUM || IN_CI)(
    'is accepted and drawn by the real Mermaid parser, in Chromium (on Node 20 it needs a DOM: DOMPurify)',
    async () => {
      expect(HAS_CHROMIUM, NO_CHROMIUM).toBe(true);
      const r = await runInProcess(['render', WITH_WINDOWS, '--chart', 'mermaid']);
      const code = /```mermaid\n([\s\S]*?)```/.exec(r.stdout)?.[1] ?? '';
      const { page, watch } = await scriptedPage(fixture.browser);
      const seen = await watch();
      // Mermaid needs a DOM, so it runs in the page, loaded from a file (the page makes no request).
      await page.setContent('<!doctype html><body></body>');
      await page.addScriptTag({ path: await pinnedPackageFile(MERMAID, 'dist/mermaid.min.js') });
      // Page code as text (the tests are typed without the DOM library), the block as a JSON literal.
      const result = await page.evaluate<{ parsed: boolean; svg: string }>(
        `(async () => {
          const code = ${JSON.stringify(code)};
          mermaid.initialize({ startOnLoad: false });
          const parsed = await mermaid.parse(code);
          const { svg } = await mermaid.render('timeline', code);
          return { parsed: Boolean(parsed), svg };
        })()`,
      );
      // A broken block must fail the same check, or the check proves nothing.
      const broken = await page.evaluate<string>(
        `(async () => {
          try { await mermaid.parse(${JSON.stringify(code.replace('gantt', 'gant'))}); return 'parsed'; }
          catch { return 'rejected'; }
        })()`,
      );
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.requests).toEqual([]);
      expect(result.parsed).toBe(true);
      expect(result.svg).toContain('Window 2');
      expect(result.svg).toContain('Mitigated');
      expect(broken).toBe('rejected');
    },
    60_000,
  );
});

describe('render --format html', () => {
  it('writes one page with the header facts, an SVG timeline and the sections, and no script', async () => {
    const r = await runInProcess(['render', WITH_WINDOWS, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).not.toMatch(/<script|src=|url\(|@import/i);
    expect(r.stdout).toContain('<td><strong>Time to mitigate</strong></td>');
    expect(r.stdout).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"');
    expect(r.stdout.match(/<rect class="impact"/g)).toHaveLength(3);
    expect(r.stdout).toContain('customer impact (impact windows)');
    expect(r.stdout).toContain('<h2>Lessons learned</h2>');
  });

  it('escapes HTML written in the postmortem instead of passing it through', async () => {
    const path = join(fixture.dir, 'x.md');
    await writeFile(
      path,
      (await readFile(CRM, 'utf8')).replace(
        '## Summary\n',
        '## Summary\n\n<img src=x onerror=alert(1)> ![a](https://example.org/a.png)\n',
      ),
    );
    const r = await runInProcess(['render', path, '--format', 'html']);
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.stdout).not.toContain('<img');
  });

  it.runIf(HAS_CHROMIUM || IN_CI)(
    'renders in headless Chromium with no console error and no request',
    async () => {
      expect(HAS_CHROMIUM).toBe(true);
      const out = join(fixture.dir, 'crm.html');
      const r = await runInProcess(['render', WITH_WINDOWS, '--format', 'html', '--out', out]);
      expect(r.code).toBe(0);
      const page = await visit(fixture.browser, pathToFileURL(out).href);
      expect(page.consoleErrors).toEqual([]);
      expect(page.requests).toEqual([]);
      expect(page.inkShare).toBeGreaterThan(0.02);
      expect(page.colours).toBeGreaterThan(20);
      if (process.env.POSTMORTEM_UPDATE_IMAGES)
        await writeFile(join(ROOT, 'docs', 'images', 'render.png'), page.screenshot);
    },
    60_000,
  );
});
