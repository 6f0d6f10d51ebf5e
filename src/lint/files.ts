import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type Picomatch from 'picomatch';
import { kindOf } from '../model/bounded-read.js';
import { UsageError } from '../model/errors.js';

// Loaded when a pattern is a glob other than the ones below, or there are ignores: a folder or the
// default pattern is walked without it (loading it cost a tenth of a cached re-run's start-up).
let loaded: typeof Picomatch | undefined;
const picomatch = (): typeof Picomatch => (loaded ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch);

/** The glob a folder stands for. */
const FOLDER_GLOB = '**/*.md';
const DEFAULT_FOLDER = 'postmortems';

/** Where postmortems live unless paths are given. */
export const DEFAULT_PATTERNS = [`${DEFAULT_FOLDER}/${FOLDER_GLOB}`];

/**
 * What picomatch makes of the globs most runs use, written out so that they need no glob library:
 * `picomatch.scan` of the default pattern, and `picomatch.makeRe` of the folder glob. A test
 * (test/lint/files-glob.test.ts) checks that picomatch still makes exactly these.
 */
export const KNOWN_GLOBS = {
  scans: { [`${DEFAULT_FOLDER}/${FOLDER_GLOB}`]: { base: DEFAULT_FOLDER, glob: FOLDER_GLOB, isGlob: true } } as Record<
    string,
    Scan
  >,
  regexes: { [FOLDER_GLOB]: /^(?:(?:(?!\.)(?:(?:(?!(?:^|\/)\.).)*?)\/)?(?!\.)(?=.)[^/]*?\.md\/?)$/ } as Record<
    string,
    RegExp
  >,
};

/** The parts of `picomatch.scan`'s answer the planner reads. */
interface Scan {
  base: string;
  glob: string;
  isGlob: boolean;
}

function scanGlob(pattern: string): Scan {
  return Object.hasOwn(KNOWN_GLOBS.scans, pattern) ? (KNOWN_GLOBS.scans[pattern] as Scan) : picomatch().scan(pattern);
}

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
  /** The project's folders besides the working folder (the config file's folder): links may lead there. */
  roots?: readonly string[];
}

type Plan =
  | { kind: 'walk'; pattern: string; base: string; match: (rel: string) => boolean; depth: number }
  | { kind: 'file'; pattern: string; file: string }
  | { kind: 'skip'; pattern: string; path: string; reason: string }
  | { kind: 'missing'; pattern: string };

/** The reason a symbolic link loop is skipped; a loop is a note, never a crash. */
const LOOP = 'a symbolic link loop (not followed)';
const OUTSIDE_FOLDER = 'a symbolic link to a folder outside the project (not followed)';

const SKIP_FOLDERS = new Set(['node_modules', '.git']);

/** stat that follows links and never throws: null for nothing there, 'loop' for a link loop (ELOOP). */
function statSafe(path: string): Stats | null | 'loop' {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : null;
  }
}

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

/**
 * A matcher for one glob, the same as `picomatch(glob)` gives without options (the input is the
 * glob itself or matches its regex), without the result object that picomatch builds per call:
 * a walk tests every entry, and 10,000 such objects cost a fifth of a cached re-run's walk.
 */
function globMatcher(glob: string): (rel: string) => boolean {
  const regex = Object.hasOwn(KNOWN_GLOBS.regexes, glob)
    ? (KNOWN_GLOBS.regexes[glob] as RegExp)
    : picomatch().makeRe(glob);
  return (rel) => rel !== '' && (rel === glob || regex.test(rel));
}

/** join() for a name from readdir in a resolved folder, without normalising the whole path again. */
function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * The files to read (lint, stats, actions and export all find them here): a file as given, a folder
 * means the `*.md` files in it (and below), anything else is a glob. The project is the working
 * folder and `roots`; a path the user names outside it is trusted as named. What a symbolic link
 * leads to must stay inside those folders: a folder or file reached through a link that leaves them
 * is skipped with a note (so `postmortems` linked to /usr, or a link to a credentials file, is never
 * read, and `--fix` never writes there). Links inside folders are not followed into folders, link
 * loops are skipped with a note, and only regular files are returned.
 */
export function findFiles(patterns: readonly string[], cwd: string, options: FindOptions = {}): FoundFiles {
  // A list, sorted and rid of repeats at the end (two patterns may name one file): a Set cost a
  // hash of each of 10,000 paths that nothing else needs.
  const found: string[] = [];
  const skipped = new Map<string, string>();
  const unmatched: string[] = [];
  const ignoreMatchers = (options.ignores ?? [])
    .filter((i) => i.globs.length > 0)
    .map((i) => ({ base: i.base, match: picomatch()([...i.globs], { dot: true }) }));
  const ignored = (path: string): boolean =>
    ignoreMatchers.some(({ base, match }) => {
      const rel = relative(base, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && match(toPosix(rel));
    });
  const project = [cwd, ...(options.roots ?? [])].map((p) => resolve(p));
  // The folders whose files may be read: the project's (real paths), and folders named outside it.
  const roots = project.map(real);
  // A folder named outside the project is the user's choice; inside, its real path must stay inside.
  const admit = (folder: string): boolean => {
    if (!inside(folder, project)) roots.push(real(folder));
    return inside(real(folder), roots);
  };
  const globPlan = (pattern: string, scan: Scan): Plan => {
    const base = resolve(cwd, scan.base);
    const baseInfo = statSafe(base);
    if (baseInfo === 'loop') return { kind: 'skip', pattern, path: base, reason: LOOP };
    if (baseInfo?.isDirectory() && !admit(base)) return { kind: 'skip', pattern, path: base, reason: OUTSIDE_FOLDER };
    const depth = scan.glob.includes('**') ? Infinity : scan.glob.split('/').length;
    return { kind: 'walk', pattern, base, match: globMatcher(scan.glob), depth };
  };
  const plans = patterns.map((pattern): Plan => {
    const path = resolve(cwd, pattern);
    const info = statSafe(path);
    // A glob through a looping folder (postmortems/**/*.md) is reported at that folder.
    if (info === 'loop') {
      const scan = scanGlob(pattern);
      return scan.isGlob ? globPlan(pattern, scan) : { kind: 'skip', pattern, path, reason: LOOP };
    }
    if (info?.isDirectory()) {
      if (!admit(path)) return { kind: 'skip', pattern, path, reason: OUTSIDE_FOLDER };
      return { kind: 'walk', pattern, base: path, match: globMatcher(FOLDER_GLOB), depth: Infinity };
    }
    if (info) {
      if (!inside(path, project)) roots.push(real(dirname(path)));
      return { kind: 'file', pattern, file: path };
    }
    const scan = scanGlob(pattern);
    return scan.isGlob ? globPlan(pattern, scan) : { kind: 'missing', pattern };
  });
  const consider = (path: string, entry: Dirent | null): boolean => {
    if (ignored(path)) {
      // A file named on the command line but ignored is worth a note; one found by a glob is not.
      if (!entry) skipped.set(path, 'matches an ignore pattern (`ignores` or --ignore)');
      return !entry;
    }
    const isLink = entry
      ? entry.isSymbolicLink()
      : (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false);
    if (entry && !isLink && entry.isFile()) {
      found.push(path);
      return true;
    }
    const target = statSafe(path);
    if (target === 'loop') {
      skipped.set(path, LOOP);
      return true;
    }
    if (!target) {
      skipped.set(path, isLink ? 'a symbolic link to nothing' : 'it no longer exists');
      return true;
    }
    // A named file's folder may itself be reached through a link, so the real path is checked, link or not.
    if ((isLink || !entry) && !inside(real(path), roots)) {
      skipped.set(path, 'a symbolic link to a file outside the project (not read)');
      return true;
    }
    if (!target.isFile()) {
      if (isLink && target.isDirectory()) return false;
      skipped.set(path, `${kindOf(target)}, not a regular file (not read)`);
      return true;
    }
    found.push(path);
    return true;
  };
  for (const plan of plans) {
    if (plan.kind === 'missing') throw new NoFilesError(`${plan.pattern}: no such file or folder.`);
    if (plan.kind === 'skip') {
      skipped.set(plan.path, plan.reason);
      continue;
    }
    const any =
      plan.kind === 'file'
        ? consider(plan.file, null)
        : walk(plan.base, plan.match, plan.depth, consider, (dir) => skipped.set(dir, LOOP));
    if (!any) {
      if (options.errorOnUnmatched === false) unmatched.push(plan.pattern);
      else throw new NoFilesError(`${plan.pattern}: no files matched.`);
    }
  }
  return {
    files: found.sort().filter((path, i) => i === 0 || path !== found[i - 1]),
    skipped: [...skipped].map(([path, reason]) => ({ path, reason })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    unmatched,
  };
}

/**
 * Walks a folder without following symbolic links to folders, offering every entry whose path
 * (relative to `base`, at most `depth` segments) matches; true when any was taken. A folder seen
 * before (same device and inode, as a bind mount can make) is a loop: reported, not walked again.
 */
function walk(
  base: string,
  match: (rel: string) => boolean,
  depth: number,
  consider: (path: string, entry: Dirent) => boolean,
  onLoop: (dir: string) => void,
): boolean {
  let any = false;
  const seen = new Set<string>();
  const stack: Array<[string, string, number]> = [[base, '', 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [dir, rel, level] = next;
    const info = statSafe(dir);
    if (info === 'loop') {
      onLoop(dir);
      continue;
    }
    if (info) {
      const key = `${info.dev}:${info.ino}`;
      if (seen.has(key)) {
        onLoop(dir);
        continue;
      }
      seen.add(key);
    }
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
        if (!SKIP_FOLDERS.has(name) && level < depth) stack.push([childPath(dir, name), childRel, level + 1]);
        continue;
      }
      if (match(childRel) && consider(childPath(dir, name), entry)) any = true;
    }
  }
  return any;
}
