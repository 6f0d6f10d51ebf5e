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

/**
 * Packs this repository into `destination` as `npm publish` would. `npm test` has built dist/
 * already, so the prepare script (a second tsc run) is skipped.
 */
export async function packPackage(destination: string): Promise<PackResult> {
  const pack = await exec(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', destination, '--loglevel', 'error'],
    { cwd: ROOT, env: cleanEnv() },
  );
  expect(pack.stderr).toBe('');
  expect(pack.code).toBe(0);
  return (JSON.parse(pack.stdout) as PackResult[])[0] as PackResult;
}
