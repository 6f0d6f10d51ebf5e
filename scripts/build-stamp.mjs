// What dist/ is the build of. A stamp in node_modules/.cache (never packed) records a hash of every
// input (src/, the tsconfig files, the TypeScript version), how dist/ was made, and a hash of the
// dist/ it produced. How: `checked`, emitted by a type-checked program without errors; `emitted`,
// by a program whose type check has not finished (scripts/check.mjs, which starts the tests early);
// `transpiled`, file by file without a type check. All three hold the same files. scripts/build.mjs and scripts/check.mjs skip work the stamp vouches for.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
const require = createRequire(join(ROOT, 'package.json'));
const STAMP = join(ROOT, 'node_modules', '.cache', 'postmortem-build', 'stamp');

/** Every file under `dir`, sorted, as paths relative to the root. */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

/** A hash of the sources and settings the compiler reads. */
export function inputsHash() {
  const hash = createHash('sha256');
  const typescript = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8'));
  hash.update(`typescript ${typescript.version}\0`);
  for (const file of ['tsconfig.json', 'tsconfig.build.json', ...filesUnder(join(ROOT, 'src'))]) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** A hash of what a folder holds now: names and sizes (a deleted or hand-edited file changes it). */
function outputHash(dir = DIST) {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) hash.update(`${file}\0${statSync(join(ROOT, file)).size}\0`);
  return hash.digest('hex');
}

/** `checked`, `emitted` or `transpiled` when dist/ is the build of the sources as they are now, else `stale`. */
export function distStatus(inputs = inputsHash()) {
  if (!existsSync(DIST) || !existsSync(STAMP)) return 'stale';
  const [stampInputs, stampMode, stampOutput] = readFileSync(STAMP, 'utf8').split(' ');
  return stampInputs === inputs && stampOutput === outputHash() ? stampMode : 'stale';
}

/** Records that dist/ is now the `mode` build of `inputs`. */
export function writeStamp(inputs, mode) {
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${inputs} ${mode} ${outputHash()}`);
}

/** Forgets what dist/ was (before it changes). */
export function clearStamp() {
  rmSync(STAMP, { force: true });
}
