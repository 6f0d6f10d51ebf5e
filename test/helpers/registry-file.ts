import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanEnv, exec } from '../ecosystem/exec.js';
import { ROOT } from './cli.js';

/** A package version on the npm registry, pinned by the sha512 of its tarball (as a lockfile pins it). */
export interface PinnedPackage {
  name: string;
  version: string;
  /** `sha512-…`, the `dist.integrity` the registry lists for this version. */
  integrity: string;
}

/**
 * One file out of a pinned package's tarball, for a test that needs a self-contained browser bundle
 * and none of the package's dependencies. (As a devDependency, mermaid brought 109 packages and
 * about 8,000 files into every `npm ci` and every install of the pre-commit hook, which installs the
 * devDependencies, for one test that loads `dist/mermaid.min.js` into Chromium.)
 *
 * `npm pack` fetches the tarball (from npm's cache when it has it, else from the registry, which CI
 * reaches for `npm ci` anyway); its sha512 must equal the pin; tar extracts the one file into
 * node_modules/.cache/postmortem-test/, where later runs find it. Returns the file's path.
 */
export async function pinnedPackageFile(pkg: PinnedPackage, file: string): Promise<string> {
  const target = join(ROOT, 'node_modules', '.cache', 'postmortem-test', `${pkg.name}@${pkg.version}`, file);
  if (existsSync(target)) return target;
  const work = await mkdtemp(join(tmpdir(), 'postmortem-registry-'));
  try {
    const packed = await exec(
      'npm',
      ['pack', `${pkg.name}@${pkg.version}`, '--json', '--pack-destination', work, '--loglevel', 'error'],
      { cwd: work, env: cleanEnv({ npm_config_prefer_offline: 'true' }), timeout: 300_000 },
    );
    if (packed.code !== 0) throw new Error(`npm pack ${pkg.name}@${pkg.version} failed: ${packed.stderr}`);
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    const tarball = join(work, filename);
    const integrity = `sha512-${createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')}`;
    if (integrity !== pkg.integrity)
      throw new Error(`${pkg.name}@${pkg.version}: expected integrity ${pkg.integrity}, found ${integrity}`);
    const untar = await exec('tar', ['-xzf', tarball, '-C', work, `package/${file}`], { cwd: work });
    if (untar.code !== 0) throw new Error(`tar could not extract package/${file}: ${untar.stderr}`);
    await mkdir(dirname(target), { recursive: true });
    await rename(join(work, 'package', file), target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
