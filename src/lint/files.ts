import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { kindOf } from '../model/bounded-read.js';
import { UsageError } from '../model/errors.js';
import picomatch from 'picomatch';

/** Where postmortems live unless paths are given. */
export const DEFAULT_PATTERNS = ['postmortems/**/*.md'];

/** A path or pattern that matched no file. */
/** A path or glob named on the command line matched nothing: a usage error (exit 2) that says what to pass. */
export class NoFilesError extends UsageError {
  constructor(message: string) {
    super(`${message} Pass postmortem files, folders or globs (default: postmortems/**/*.md).`);
  }
}

/** A file that was found but not read, and why (a note for the report, not a lint error). */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** The files to lint and the ones left alone. */
export interface FoundFiles {
  /** Absolute paths as found (a symbolic link keeps its own path), sorted, without duplicates. */
  files: string[];
  skipped: SkippedFile[];
  /** Patterns that matched nothing (only when that is not an error). */
  unmatched: string[];
}

/** Globs of files to leave out, and the folder they are relative to (the config's folder, or the cwd). */
export interface IgnoreGlobs {
  base: string;
  globs: readonly string[];
}

/** How to look for files. */
export interface FindOptions {
  ignores?: readonly IgnoreGlobs[];
  /** False to return unmatched patterns instead of throwing NoFilesError (for the default pattern, or on request). */
  errorOnUnmatched?: boolean;
}

type Plan =
  | { kind: 'walk'; pattern: string; base: string; match: (rel: string) => boolean; depth: number }
  | { kind: 'file'; pattern: string; file: string }
  | { kind: 'missing'; pattern: string };

const SKIP_FOLDERS = new Set(['node_modules', '.git']);

function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function inside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * The files to lint: a file as given, a folder means the `*.md` files in it (and below), anything
 * else is a glob. Symbolic links are not followed into folders; a linked file is linted only when
 * its target lies inside the working folder or a folder named by the patterns (else it is skipped,
 * so a link to a credentials file never reaches the report). Only regular files are returned.
 */
export function findFiles(patterns: readonly string[], cwd: string, options: FindOptions = {}): FoundFiles {
  const found = new Set<string>();
  const skipped = new Map<string, string>();
  const unmatched: string[] = [];
  const ignoreMatchers = (options.ignores ?? [])
    .filter((i) => i.globs.length > 0)
    .map((i) => ({ base: i.base, match: picomatch([...i.globs], { dot: true }) }));
  const ignored = (path: string): boolean =>
    ignoreMatchers.some(({ base, match }) => {
      const rel = relative(base, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && match(toPosix(rel));
    });
  // The folders whose files may be read: the working folder and every folder the patterns name.
  const roots = [real(cwd)];
  const plans = patterns.map((pattern): Plan => {
    const path = resolve(cwd, pattern);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      roots.push(real(path));
      return { kind: 'walk', pattern, base: path, match: picomatch('**/*.md'), depth: Infinity };
    }
    if (info) {
      roots.push(real(dirname(path)));
      return { kind: 'file', pattern, file: path };
    }
    const scan = picomatch.scan(pattern);
    if (!scan.isGlob) return { kind: 'missing', pattern };
    const base = resolve(cwd, scan.base);
    if (statSync(base, { throwIfNoEntry: false })?.isDirectory()) roots.push(real(base));
    const depth = scan.glob.includes('**') ? Infinity : scan.glob.split('/').length;
    return { kind: 'walk', pattern, base, match: picomatch(scan.glob), depth };
  });
  const consider = (path: string, entry: Dirent | null): boolean => {
    if (ignored(path)) {
      // A file named on the command line but ignored is worth a note; one found by a glob is not.
      if (!entry) skipped.set(path, 'matches an ignore pattern (`ignores` or --ignore)');
      return !entry;
    }
    const isLink = entry ? entry.isSymbolicLink() : lstatSync(path).isSymbolicLink();
    if (entry && !isLink && entry.isFile()) {
      found.add(path);
      return true;
    }
    const target = statSync(path, { throwIfNoEntry: false });
    if (!target) {
      skipped.set(path, isLink ? 'a symbolic link to nothing' : 'it no longer exists');
      return true;
    }
    if (isLink && !inside(real(path), roots)) {
      skipped.set(path, 'a symbolic link to a file outside the linted folders (not read)');
      return true;
    }
    if (!target.isFile()) {
      if (isLink && target.isDirectory()) return false;
      skipped.set(path, `${kindOf(target)}, not a regular file (not read)`);
      return true;
    }
    found.add(path);
    return true;
  };
  for (const plan of plans) {
    if (plan.kind === 'missing') throw new NoFilesError(`${plan.pattern}: no such file or folder.`);
    const any = plan.kind === 'file' ? consider(plan.file, null) : walk(plan.base, plan.match, plan.depth, consider);
    if (!any) {
      if (options.errorOnUnmatched === false) unmatched.push(plan.pattern);
      else throw new NoFilesError(`${plan.pattern}: no files matched.`);
    }
  }
  return {
    files: [...found].sort(),
    skipped: [...skipped].map(([path, reason]) => ({ path, reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    unmatched,
  };
}

/**
 * Walks a folder without following symbolic links to folders, offering every entry whose path
 * (relative to `base`, at most `depth` segments) matches; true when any was taken.
 */
function walk(
  base: string,
  match: (rel: string) => boolean,
  depth: number,
  consider: (path: string, entry: Dirent) => boolean,
): boolean {
  let any = false;
  const stack: Array<[string, string, number]> = [[base, '', 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [dir, rel, level] = next;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (entry.isDirectory()) {
        if (!SKIP_FOLDERS.has(name) && level < depth) stack.push([join(dir, name), childRel, level + 1]);
        continue;
      }
      if (match(childRel) && consider(join(dir, name), entry)) any = true;
    }
  }
  return any;
}
