import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { cleanEnv, exec } from './exec.js';

/** One file in the tarball, as `npm pack --json` lists it. */
export interface PackedFile {
  path: string;
  size: number;
}

/** What `npm pack --json` reports about the tarball it wrote. */
export interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

/** Copies the files git would check out (tracked, or new and not ignored) into `target`. */
export async function copyCheckout(target: string): Promise<void> {
  const listed = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  expect(listed.code).toBe(0);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree, not yet committed
    await mkdir(dirname(join(target, file)), { recursive: true });
    await copyFile(join(ROOT, file), join(target, file));
  }
}

/** Where scripts/build-stamp.mjs keeps the record of what dist/ was built from. */
const STAMP = join('node_modules', '.cache', 'postmortem-build', 'stamp');

/**
 * Packs this repository into `destination` as `npm pack` does for a user, lifecycle scripts
 * included: `prepack` takes `prepare` out of the packed package.json, and `postpack` puts it back.
 * It packs a copy of the checkout (with the dist/ `npm test` built), since prepack rewrites
 * package.json for a moment, which other tests read.
 */
export async function packPackage(destination: string): Promise<PackResult> {
  const clone = join(destination, 'postmortem-cli');
  await copyCheckout(clone);
  await cp(join(ROOT, 'dist'), join(clone, 'dist'), { recursive: true });
  // Of node_modules, the copy has what prepack's build reads: TypeScript, and the stamp that says
  // dist/ is the build of these sources (so prepack does not build it again). With all of this
  // repository's ~300 packages there, npm reads each one's package.json to find bundled
  // dependencies: 0.5 s of CPU for the same tarball, byte for byte. The package bundles none.
  const manifest = await readFile(join(clone, 'package.json'), 'utf8');
  const json = JSON.parse(manifest) as Record<string, unknown>;
  expect(json.bundleDependencies ?? json.bundledDependencies).toBeUndefined();
  await mkdir(join(clone, 'node_modules'));
  await symlink(join(ROOT, 'node_modules', 'typescript'), join(clone, 'node_modules', 'typescript'));
  if (existsSync(join(ROOT, STAMP))) {
    await mkdir(dirname(join(clone, STAMP)), { recursive: true });
    await copyFile(join(ROOT, STAMP), join(clone, STAMP));
  }
  const pack = await exec('npm', ['pack', '--json', '--pack-destination', destination, '--loglevel', 'error'], {
    cwd: clone,
    env: cleanEnv(),
  });
  expect(pack.stderr).toBe('');
  expect(pack.code).toBe(0);
  // postpack restored the manifest byte for byte.
  expect(await readFile(join(clone, 'package.json'), 'utf8')).toBe(manifest);
  return (JSON.parse(pack.stdout) as PackResult[])[0] as PackResult;
}
