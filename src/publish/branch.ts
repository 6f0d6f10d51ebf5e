/**
 * Commits files onto a branch with git plumbing, without touching the checked-out branch, the
 * index or the work tree: a temporary index (`GIT_INDEX_FILE`), `hash-object`, `update-index`,
 * `write-tree`, `commit-tree`, then `update-ref` with the expected old value, so that a run that
 * lost a race to another one builds again on the new tip instead of dropping the other's commit.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refuse } from './errors.js';
import { git, GitError, gitRaw, identityFallback, readBlobs } from './git.js';

/** A file to place in the commit: its path in the repository (`/`-separated) and its text. */
export interface TreeFile {
  path: string;
  content: string;
}

/** A file whose content differs from the parent commit's. */
export interface FileChange extends TreeFile {
  /** The parent's version, or null when the file is new. */
  previous: string | null;
  /** The mode the file keeps (the parent's, else a regular file). */
  mode: string;
}

/** What committing would change, seen from one parent commit. */
export interface BranchPlan {
  /** The branch's tip, or null when the branch does not exist yet. */
  old: string | null;
  /** The commit the new one builds on: the branch's tip, else the base. */
  parent: string;
  changes: FileChange[];
}

/** Where a branch starts and which files it gets. */
export interface BranchRequest {
  repo: string;
  /** Branch name without `refs/heads/`. */
  branch: string;
  /** Base commit for a new branch. */
  base: string;
  files: TreeFile[];
  /** Called with each file's version at the parent (null when absent); throws to refuse. */
  check?: (file: TreeFile, previous: string | null) => void;
}

/** Resolves a revision to a commit id, or null. */
export async function resolveCommit(repo: string, rev: string): Promise<string | null> {
  const result = await gitRaw(repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  return result.code === 0 ? result.stdout.trim() : null;
}

/**
 * The tree entry at `path` in `commit`: mode, type and object id, or null when there is none. One
 * path per `ls-tree`: given a folder and a path inside it, ls-tree lists the folder's contents
 * instead of its entry.
 */
async function treeEntry(repo: string, commit: string, path: string): Promise<TreeEntry | null> {
  const out = await git(repo, ['ls-tree', '-z', commit, '--', path]);
  const line = out.split('\0').find((entry) => entry.endsWith(`\t${path}`));
  if (!line) return null;
  const [mode = '', type = '', id = ''] = line.slice(0, line.indexOf('\t')).split(' ');
  return { mode, type, id };
}

type TreeEntry = { mode: string; type: string; id: string };

/**
 * The entries along every path in one `ls-tree -r -t`: each folder on the way to a path and the
 * path itself, when they are there. A folder that is a file or a link hides what lies below it, so
 * a missing folder is looked up on its own (see previousVersion).
 */
async function entriesAlong(repo: string, commit: string, paths: readonly string[]): Promise<Map<string, TreeEntry>> {
  const entries = new Map<string, TreeEntry>();
  if (paths.length === 0) return entries;
  const out = await git(repo, ['ls-tree', '-r', '-t', '-z', commit, '--', ...paths]);
  for (const line of out.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab === -1) continue;
    const [mode = '', type = '', id = ''] = line.slice(0, tab).split(' ');
    entries.set(line.slice(tab + 1), { mode, type, id });
  }
  return entries;
}

/** The parent's entry for a file (a blob), or null; refuses paths the tree cannot take as a file. */
async function previousEntry(
  repo: string,
  commit: string,
  path: string,
  along: Map<string, TreeEntry>,
): Promise<TreeEntry | null> {
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const folder = segments.slice(0, i).join('/');
    // Only a folder missing from the listing costs a git run of its own: absent, or not a tree.
    const entry = along.get(folder) ?? (await treeEntry(repo, commit, folder));
    if (!entry) return null;
    if (entry.mode === '120000')
      refuse(`${folder} is a symbolic link in the site; refusing to write ${path} through it.`);
    if (entry.type !== 'tree') refuse(`${folder} is a file in the site; expected a folder.`);
  }
  const entry = along.get(path) ?? null;
  if (!entry) return null;
  if (entry.type === 'tree') refuse(`${path} is a folder in the site; expected a post file there.`);
  if (entry.mode === '120000') refuse(`${path} is a symbolic link; refusing to write through it.`);
  if (entry.type !== 'blob') refuse(`${path} is a ${entry.type} in the site; expected a file.`);
  return entry;
}

/** What committing `files` on the branch would change now (nothing is written). */
export async function planBranch(request: BranchRequest): Promise<BranchPlan> {
  const { repo, branch } = request;
  const old = await resolveCommit(repo, `refs/heads/${branch}`);
  const parent = old ?? request.base;
  const changes: FileChange[] = [];
  const along = await entriesAlong(
    repo,
    parent,
    request.files.map((file) => file.path),
  );
  // Every entry first, then every previous version from one `cat-file --batch`; a refused path is
  // thrown only when its turn comes, so files before it are checked first, as one by one.
  const found: (TreeEntry | null | { refused: unknown })[] = [];
  for (const file of request.files) {
    try {
      found.push(await previousEntry(repo, parent, file.path, along));
    } catch (error) {
      found.push({ refused: error });
      break;
    }
  }
  const blobs = found.filter((entry): entry is TreeEntry => entry !== null && 'id' in entry);
  const texts = await readBlobs(
    repo,
    blobs.map((entry) => entry.id),
  );
  for (const [i, file] of request.files.entries()) {
    const entry = found[i] ?? null;
    if (entry !== null && 'refused' in entry) throw entry.refused;
    const previous = entry === null ? null : (texts[blobs.indexOf(entry)] ?? null);
    request.check?.(file, previous);
    if (previous !== file.content) changes.push({ ...file, previous, mode: entry?.mode ?? '100644' });
  }
  return { old, parent, changes };
}

/** Builds a commit holding the plan's changes on top of its parent; nothing outside the object store changes. */
async function buildCommit(repo: string, plan: BranchPlan, message: string): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'postmortem-index-'));
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    await git(repo, ['read-tree', plan.parent], { env });
    // One hash-object for every file (from scratch copies) and one update-index for every entry.
    const copies = await Promise.all(
      plan.changes.map(async (change, i) => {
        const copy = join(scratch, `blob-${i}`);
        await writeFile(copy, change.content);
        return copy;
      }),
    );
    const blobs = (await git(repo, ['hash-object', '-w', '--no-filters', '--', ...copies])).trim().split('\n');
    const entries = plan.changes.map((change, i) => `${change.mode} ${blobs[i]}\t${change.path}\n`).join('');
    await git(repo, ['update-index', '--add', '--index-info'], { env, input: entries });
    const tree = (await git(repo, ['write-tree'], { env })).trim();
    const identity = await identityFallback(repo);
    return (await git(repo, [...identity, 'commit-tree', tree, '-p', plan.parent, '-m', message])).trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What committing did: the plan it committed, and the new commit (absent when nothing changed). */
export interface BranchResult extends BranchPlan {
  commit?: string;
}

const ATTEMPTS = 20;

/**
 * Commits the files on the branch (created from the base when missing). When another run moved
 * the branch in between, `update-ref` refuses and this builds again on the new tip; unchanged
 * content commits nothing.
 */
export async function commitToBranch(
  request: BranchRequest,
  message: (changes: FileChange[]) => string,
  beforeCommit?: (plan: BranchPlan) => Promise<void>,
): Promise<BranchResult> {
  const ref = `refs/heads/${request.branch}`;
  let detail = '';
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const plan = await planBranch(request);
    if (plan.changes.length === 0) return plan;
    await beforeCommit?.(plan);
    const commit = await buildCommit(request.repo, plan, message(plan.changes));
    // '' as the old value: the branch must not exist yet.
    const update = await gitRaw(request.repo, ['update-ref', '-m', message(plan.changes), ref, commit, plan.old ?? '']);
    if (update.code === 0) return { ...plan, commit };
    detail = update.stderr.trim().split('\n')[0] ?? '';
    const raced =
      (await resolveCommit(request.repo, ref)) !== plan.old || /File exists|but expected|already exists/.test(detail);
    if (!raced) throw new GitError(`\`git update-ref ${ref}\` failed: ${detail}`, update.stderr);
    // A concurrent run holds the lock or moved the tip: wait a little and build on what is there now.
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
  }
  throw new GitError(`could not update ${request.branch} after ${ATTEMPTS} attempts: ${detail}`, detail);
}
