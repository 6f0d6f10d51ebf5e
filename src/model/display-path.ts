import { basename, relative, sep } from 'node:path';

/** A path as people read it in messages and reports: relative to `cwd` when inside it, with `/`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/**
 * `displayPath` for many files in few folders: `relative` resolves both paths on every call, a
 * twentieth of a stats run over 10,000 files; here it runs once a folder. A file's path is its
 * folder's, then a name, which `relative` keeps as it is; the test for `..` is made on the whole.
 */
export function folderDisplayPaths(cwd: string): (path: string) => string {
  const folders = new Map<string, string>();
  return (path) => {
    const cut = path.lastIndexOf(sep);
    const name = path.slice(cut + 1);
    if (cut <= 0 || name === '' || name === '.' || name === '..') return displayPath(path, cwd);
    const folder = path.slice(0, cut);
    let relFolder = folders.get(folder);
    if (relFolder === undefined) folders.set(folder, (relFolder = relative(cwd, folder)));
    const rel = relFolder === '' ? name : `${relFolder}${sep}${name}`;
    const shown = !rel.startsWith('..') ? rel : path;
    return sep === '/' ? shown : shown.split(sep).join('/');
  };
}

/** The id a file's name implies: its base name without `.md`. */
export function idFromPath(path: string): string {
  return basename(path).replace(/\.md$/i, '');
}
