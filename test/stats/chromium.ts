import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../helpers/cli.js';

/** Debian's chromium, the browser the HTML pages are checked in. */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether it is installed here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

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

/** What a page did while it was opened: console errors, page errors and every request but the page itself. */
export interface PageVisit {
  screenshot: Buffer;
  consoleErrors: string[];
  requests: string[];
  /** Share of screenshot pixels that are not background white, and how many colours it has. */
  inkShare: number;
  colours: number;
}

const checkers = new WeakMap<Browser, Promise<Page>>();

/**
 * The blank page, in a context that may run script, where a browser decodes the screenshots `visit`
 * takes: one for each browser and kept open, since each new context starts a renderer process of
 * its own (1.5–2.5 s of CPU). It loads nothing and keeps no state between decodes.
 */
function checkerPage(browser: Browser): Promise<Page> {
  let page = checkers.get(browser);
  if (!page) {
    page = browser.newContext().then((context) => context.newPage());
    checkers.set(browser, page);
  }
  return page;
}

/** Opens a file in a fresh context, records what it does and takes a full-page screenshot. */
export async function visit(browser: Browser, fileUrl: string): Promise<PageVisit> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== fileUrl) requests.push(r.url());
  });
  // Anything but the page itself is refused, so a stray reference cannot reach the network.
  await context.route('**/*', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort()));
  await page.goto(fileUrl, { waitUntil: 'load' });
  const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
  await context.close();
  // The browser decodes its own screenshot, in a blank page of a context that may run script.
  const blank = await checkerPage(browser);
  // Page code as text: the tests are typed without the DOM library.
  const { inkShare, colours } = await blank.evaluate<{ inkShare: number; colours: number }>(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${screenshot.toString('base64')}';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) ink++;
      if (seen.size < 1000) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { inkShare: ink / (data.length / 4), colours: seen.size };
  })()`);
  return { screenshot, consoleErrors, requests, inkShare, colours };
}

let shared: Promise<Browser> | undefined;

/**
 * One headless Chromium for every test file a worker runs (the files share the worker's modules,
 * vitest.config.ts), started when a file first asks for it: a launch costs 1–3 s of CPU, a page
 * in a fresh context (as `visit` opens) next to nothing. It ends with the worker: Playwright kills
 * the browsers it launched when the process exits. A file must not close it.
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
      if (!browser) throw new Error('chromium is not running: it is not installed at /usr/bin/chromium');
      return browser;
    },
  };
}
