/**
 * `--no-commit`: writes the posts into the site's work tree, nothing else. Every file is checked
 * before the first is written, and a failure removes what this run wrote and the folders it made.
 */
import { lstat, mkdir, readFile, realpath, rmdir, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { writeFileAtomic } from '../model/write.js';
import { refuse } from './errors.js';

/** A post to write: its path relative to the site (`/`-separated) and its text. */
export interface PostFile {
  path: string;
  content: string;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The file's text, or null when there is none; refuses a folder, a symbolic link, or a way out of the site. */
async function currentVersion(siteReal: string, file: PostFile): Promise<string | null> {
  const target = join(siteReal, ...file.path.split('/'));
  let dir = dirname(target);
  // The nearest folder that exists decides where the file really lands.
  for (;;) {
    const real = await realpath(dir).catch(() => null);
    if (real !== null) {
      if (!inside(siteReal, real))
        refuse(`${file.path} would be written outside the site: ${relative(siteReal, dir) || dir} leads to ${real}.`);
      break;
    }
    dir = dirname(dir);
  }
  const stat = await lstat(target).catch(() => null);
  if (stat === null) return null;
  if (stat.isSymbolicLink()) refuse(`${file.path} is a symbolic link; refusing to write through it.`);
  if (stat.isDirectory()) refuse(`${file.path} is a folder in the site; expected a post file there.`);
  if (!stat.isFile()) refuse(`${file.path} is not a regular file; refusing to write it.`);
  return readFile(target, 'utf8');
}

/** The folders `mkdir -p` would create for `dir`, outermost first. */
async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  while ((await lstat(dir).catch(() => null)) === null) {
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return missing;
}

/** Writes the posts; returns per file whether it was created, updated or already so. */
export async function writePostFiles(
  siteReal: string,
  files: readonly PostFile[],
  check: (file: PostFile, existing: string | null) => void,
): Promise<Array<'created' | 'updated' | 'unchanged'>> {
  const existing: Array<string | null> = [];
  for (const file of files) {
    const text = await currentVersion(siteReal, file);
    check(file, text);
    existing.push(text);
  }
  const made: string[] = [];
  const written: Array<{ target: string; previous: string | null }> = [];
  const actions: Array<'created' | 'updated' | 'unchanged'> = [];
  try {
    // One after the other: on a failure, everything written so far is known and can be undone.
    for (const [i, file] of files.entries()) {
      const previous = existing[i] ?? null;
      if (previous === file.content) {
        actions.push('unchanged');
        continue;
      }
      const target = join(siteReal, ...file.path.split('/'));
      const folders = await missingFolders(dirname(target));
      made.push(...folders);
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, file.content, { force: true });
      written.push({ target, previous });
      actions.push(previous === null ? 'created' : 'updated');
    }
    return actions;
  } catch (error) {
    for (const { target, previous } of written) {
      if (previous === null) await unlink(target).catch(() => undefined);
      else await writeFileAtomic(target, previous, { force: true }).catch(() => undefined);
    }
    // Innermost first, and only when empty: a folder another file went into stays.
    for (const folder of made.sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => undefined);
    throw error;
  }
}
