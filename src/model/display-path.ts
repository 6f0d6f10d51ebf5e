import { basename, relative, sep } from 'node:path';

/** A path as people read it in messages and reports: relative to `cwd` when inside it, with `/`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** The id a file's name implies: its base name without `.md`. */
export function idFromPath(path: string): string {
  return basename(path).replace(/\.md$/i, '');
}
