// `npm run test:properties`: the property tests (every test file that imports fast-check) on fresh
// random draws. `npm test` draws them from one fixed seed (test/helpers/property-seed.ts) so CI is
// reproducible; run this after changing a property or the code it checks, a few times if you like.
// A failure prints its seed: `PROPERTY_SEED=<seed> npx vitest run <file>` replays it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = readdirSync(join(root, 'test'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
  .map((entry) => join(entry.parentPath, entry.name))
  .filter((file) => /from 'fast-check'/.test(readFileSync(file, 'utf8')))
  .map((file) => relative(root, file))
  .sort();
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...files, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PROPERTY_SEED: process.env.PROPERTY_SEED ?? 'random' },
});
process.exit(result.status ?? 1);
