import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../helpers/cli.js';

/**
 * The browser the HTML pages are checked in: Chromium's headless shell from Debian (package
 * chromium-headless-shell), Blink and V8 as in Chromium without the browser's own layers around
 * them (Playwright's default for headless runs too). The four files that use it took 12.1–13.4 s
 * of CPU with it and 17.8–22.4 s with the full browser (`chromium --headless`), three pairs
 * alternating. The program itself, not Debian's /usr/bin wrapper script: one shell less per launch.
 */
export const CHROMIUM = '/usr/lib/chromium/chromium-headless-shell';
/** Whether it is installed here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** What a test that needs it says when it is missing (in CI such a test fails rather than skips). */
export const NO_CHROMIUM = 'chromium is not installed (Debian: apt-get install chromium-headless-shell)';

/** Starts headless Chromium with nothing that talks to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page did while it was open: console errors, page errors, dialogs, `pwned()` calls and every request but the page itself. */
export interface PageRecord {
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
  /** Arguments of calls to `window.pwned`, which a hostile page's script would call if it ran. */
  calls: string[];
}

/** A page kept open for a worker's tests, and what it does from the last `watch` on. */
export interface KeptPage {
  readonly page: Page;
  /**
   * Starts a new record. From now on only `allowed` (the page the test opens) may load: every other
   * request is refused, so a stray reference cannot reach the network, and recorded.
   */
  readonly watch: (allowed?: string) => Promise<PageRecord>;
}

/**
 * One page per kind of context and browser connection, kept for all the checks a worker runs: a
 * new page starts a renderer process of its own, which lays out and paints everything afresh (six
 * visits with screenshots took 18–18.5 s of CPU in six new pages, 10.6–11 s in one kept page), and
 * no check here is about what a fresh context would isolate (the pages are local files, and nothing
 * they keep is read). Each `watch` closes any window a page opened; each navigation replaces the document.
 */
const kept = new WeakMap<Browser, Map<string, Promise<KeptPage>>>();

function keptPage(browser: Browser, kind: 'static' | 'scripted'): Promise<KeptPage> {
  let pages = kept.get(browser);
  if (!pages) kept.set(browser, (pages = new Map<string, Promise<KeptPage>>()));
  let page = pages.get(kind);
  if (!page) {
    const options: BrowserContextOptions =
      kind === 'static' ? { viewport: { width: 1100, height: 900 }, javaScriptEnabled: false } : {};
    page = browser.newContext(options).then((context) => openKept(context, kind === 'scripted'));
    pages.set(kind, page);
  }
  return page;
}

async function openKept(context: BrowserContext, scripted: boolean): Promise<KeptPage> {
  const page = await context.newPage();
  let allowed = '';
  let record: PageRecord = { consoleErrors: [], requests: [], dialogs: [], calls: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') record.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => record.consoleErrors.push(e.message));
  page.on('dialog', (d) => {
    record.dialogs.push(d.message());
    void d.dismiss();
  });
  context.on('request', (r) => {
    if (r.url() !== allowed) record.requests.push(r.url());
  });
  await context.route('**/*', (route) => (route.request().url() === allowed ? route.continue() : route.abort()));
  if (scripted) await page.exposeFunction('pwned', (n: unknown) => record.calls.push(String(n)));
  return {
    page,
    watch: async (url = '') => {
      for (const other of context.pages()) if (other !== page) await other.close();
      allowed = url;
      record = { consoleErrors: [], requests: [], dialogs: [], calls: [] };
      return record;
    },
  };
}

/** The worker's page with script on (see KeptPage), for checks that a page's script does not run or does. */
export function scriptedPage(browser: Browser): Promise<KeptPage> {
  return keptPage(browser, 'scripted');
}

/** What `visit` saw: the page's record and a full-page screenshot. */
export interface PageVisit extends PageRecord {
  screenshot: Buffer;
  /** Share of screenshot pixels that are not background white, and how many colours it has. */
  inkShare: number;
  colours: number;
}

/** Opens a file with script off in a 1100×900 window, records what it does and takes a full-page screenshot. */
export async function visit(browser: Browser, fileUrl: string): Promise<PageVisit> {
  const { page, watch } = await keptPage(browser, 'static');
  const record = await watch(fileUrl);
  await page.goto(fileUrl, { waitUntil: 'load' });
  const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
  return { ...record, screenshot, ...ink(screenshot) };
}

/**
 * Share of pixels that are not white and the number of colours (counted up to 1,000) in a PNG as
 * Chromium writes screenshots: 8-bit RGB or RGBA, not interlaced. Decoded here rather than in a
 * page, which would cost a renderer process; anything else is refused rather than misread.
 */
export function ink(png: Buffer): { inkShare: number; colours: number } {
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0)
        throw new Error(
          `expected an 8-bit RGB(A) PNG, not interlaced; found depth ${depth}, colour type ${colourType}`,
        );
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  let previous = new Uint8Array(stride);
  let inked = 0;
  const seen = new Set<number>();
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? row[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      row[x] = line[x]! + predict(filter, left, up, upLeft);
    }
    for (let x = 0; x < stride; x += channels) {
      const [r, g, b] = [row[x]!, row[x + 1]!, row[x + 2]!];
      if (r < 250 || g < 250 || b < 250) inked++;
      if (seen.size < 1000) seen.add((r << 16) | (g << 8) | b);
    }
    previous = row;
  }
  return { inkShare: inked / (width * height), colours: seen.size };
}

/** What a PNG row filter (0–4) predicts a byte to be from its left, upper and upper-left neighbours. */
function predict(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const [toLeft, toUp, toUpLeft] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
    default:
      return 0;
  }
}

let shared: Promise<Browser> | undefined;

/**
 * One headless Chromium for every test file a worker runs (the files share the worker's modules,
 * vitest.config.ts), started when a file first asks for it: a launch costs about 1.5 s of CPU. It
 * ends with the worker: Playwright kills the browsers it launched when the process exits. A file
 * must not close it. (One browser for the whole run, launched by a global setup with launchServer
 * and connected to by each worker, was measured and dropped: the main process then loads
 * playwright-core too, about 1 s of CPU, which is most of the launch it saves.)
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium();
  return shared;
}

/** A temporary folder and, where chromium is installed, the worker's browser (sharedChromium) for a test file. */
export function chromiumFixture(prefix: string): { readonly dir: string; readonly browser: Browser } {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir(prefix));
    if (HAS_CHROMIUM) browser = await sharedChromium();
  }, 60_000);
  afterAll(async () => {
    await cleanup();
  });
  return {
    get dir() {
      return dir;
    },
    get browser() {
      if (!browser) throw new Error(`chromium is not running: it is not installed at ${CHROMIUM}`);
      return browser;
    },
  };
}
