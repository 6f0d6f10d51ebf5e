import { existsSync } from 'node:fs';
import { chromium, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** Debian's chromium, the browser the HTML pages are checked in. */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether it is installed here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Headless Chromium with nothing that talks to the network on its own. */
const OPTIONS: LaunchOptions = {
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
};

/**
 * Starts the one Chromium of a test run, which the workers connect to (chromium-broker.ts): no
 * vitest import here, since the global setup runs it outside any test file.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(OPTIONS);
}
