import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The version of this package, from its package.json (for --version, caches and reports). */
export function toolVersion(): string {
  // Read as a file, not required: a require loads the CommonJS loader, which a lint run otherwise never needs.
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}
