import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where a worker asks for the run's Chromium (chromium-broker.ts); the answer is its WebSocket endpoint. */
    chromiumBroker: string;
  }
}

/**
 * Global setup: one Chromium for the whole run instead of one per worker (a launch costs about 2 s
 * of CPU), started only when a test first asks for it, so a run without the Chromium files (`npm
 * run test:quick`) never starts it. Until then this is an idle HTTP server on the loopback; the
 * first request launches the browser server, every request gets its WebSocket endpoint, and the
 * teardown closes it, so its processes end with the run and are reaped by it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: Promise<BrowserServer> | undefined;
  const http = createServer((_request, response) => {
    server ??= import('./chromium-launch.js').then((m) => m.launchChromiumServer());
    server.then(
      (browser) => response.end(browser.wsEndpoint()),
      (error: unknown) => {
        response.statusCode = 500;
        response.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  project.provide('chromiumBroker', `http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
  return async () => {
    http.close();
    const browser = await server?.catch(() => undefined);
    await browser?.close();
  };
}
