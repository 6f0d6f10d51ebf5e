import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Where postmortems live unless paths are given. */
export const DEFAULT_PATTERNS = ['postmortems/**/*.md'];

/** A path or pattern that matched no file. */
export class NoFilesError extends Error {}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * The files to lint, absolute, sorted and without duplicates: a file as given, a folder means
 * the `*.md` files in it (and below), anything else is a glob.
 */
export async function findFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const info = await stat(resolve(cwd, pattern)).catch(() => null);
    if (info?.isFile()) {
      found.add(resolve(cwd, pattern));
      continue;
    }
    const glob_ = info?.isDirectory() ? join(pattern, '**/*.md').split('\\').join('/') : pattern;
    if (!info && !isDynamicPattern(pattern)) throw new NoFilesError(`${pattern}: no such file or folder.`);
    const matches = await glob(glob_, {
      cwd,
      absolute: true,
      ignore: IGNORE,
      onlyFiles: true,
      expandDirectories: false,
    });
    if (matches.length === 0) throw new NoFilesError(`${pattern}: no files matched.`);
    for (const m of matches) found.add(resolve(m));
  }
  return [...found].sort();
}
