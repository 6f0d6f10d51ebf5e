// Preloaded with `node --import`: appends a line to the file named by WORKER_LOG for each worker
// thread the process starts (Node emits 'worker' on process). Cheaper than record-imports.mjs,
// whose resolve hook runs in a thread of its own: about 0.5 s of CPU less for a 200-file lint.
// The line holds V8's cached-data tag as the worker starts, which changes with the V8 flags in
// force (they belong to the process), so a test can tell which flags the workers run with.
import { appendFileSync } from 'node:fs';
import { cachedDataVersionTag } from 'node:v8';

process.on('worker', () => {
  if (process.env.WORKER_LOG) appendFileSync(process.env.WORKER_LOG, `worker ${cachedDataVersionTag()}\n`);
});
