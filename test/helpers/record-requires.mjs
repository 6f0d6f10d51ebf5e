// Preloaded with `node --import`: at exit, records every CommonJS module the process loaded with
// require() (which the ESM hooks of record-imports.mjs do not see), to prove lazy loading.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const log = process.env.POSTMORTEM_REQUIRE_LOG;
  if (log)
    appendFileSync(
      log,
      Object.keys(cache)
        .map((path) => `${path}\n`)
        .join(''),
    );
});
