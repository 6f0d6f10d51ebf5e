// The package.json that goes into the tarball. `prepare` builds dist/ for a clone (npm install,
// npm ci, a git dependency, pre-commit's hook install); a tarball already holds dist/, and npm 11
// warns about every install script of a dependency it installs. So `prepack` builds dist/ and
// takes `prepare` (and the devDependencies, which a tarball's user never installs) out of
// package.json, and `postpack` puts the file back byte for byte.
//
//   node scripts/pack-manifest.mjs strip     (prepack)
//   node scripts/pack-manifest.mjs restore   (postpack)
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
const saved = join(root, '.package.json.before-pack');

const mode = process.argv[2];
if (mode === 'strip') {
  // A pack that died between prepack and postpack left the saved file: that one is the original.
  if (existsSync(saved)) renameSync(saved, manifest);
  const text = readFileSync(manifest, 'utf8');
  const json = JSON.parse(text);
  writeFileSync(saved, text);
  delete json.scripts.prepare;
  delete json.devDependencies;
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
