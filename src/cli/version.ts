import { createRequire } from 'node:module';

/** The version of this package, from its package.json (for --version, caches and reports). */
export function toolVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}
