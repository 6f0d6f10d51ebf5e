// Builds dist/ with tsc, unless dist/ is already the build of exactly these sources.
//
// `npm pack` and `npm install` in a clone run `prepare`, and `npm test` builds first: a clone that
// pre-commit installs (npm install, then npm pack) and a developer's repeated `npm test` would run
// tsc twice on unchanged sources. A stamp in node_modules/.cache (never packed) records a hash of
// every input (src/, the tsconfig files, the TypeScript version) and of the dist/ it produced;
// when both still match, the build is skipped. `--force` always builds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const dist = join(root, 'dist');
const stampFile = join(root, 'node_modules', '.cache', 'postmortem-build', 'stamp');

/** Every file under `dir`, sorted, as paths relative to the root. */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** A hash of the sources and settings tsc reads. */
function inputsHash() {
  const hash = createHash('sha256');
  const typescript = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8'));
  hash.update(`typescript ${typescript.version}\0`);
  for (const file of ['tsconfig.json', 'tsconfig.build.json', ...filesUnder(join(root, 'src'))]) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** A hash of what dist/ holds now: names and sizes (a deleted or hand-edited file changes it). */
function outputHash() {
  const hash = createHash('sha256');
  for (const file of filesUnder(dist)) hash.update(`${file}\0${statSync(join(root, file)).size}\0`);
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const inputs = inputsHash();
const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (!force && existsSync(dist) && stamp === `${inputs} ${outputHash()}`) {
  console.log('dist/ is up to date (the sources have not changed since the last build; --force builds anyway)');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
} catch {
  rmSync(stampFile, { force: true });
  process.exit(1);
}
mkdirSync(dirname(stampFile), { recursive: true });
writeFileSync(stampFile, `${inputs} ${outputHash()}`);
