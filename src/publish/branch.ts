/**
 * Commits files onto a branch with git plumbing, without touching the checked-out branch, the
 * index or the work tree: `hash-object` writes the files, `mktree` the folders on the way to them
 * (from the parent's trees, read once with `cat-file --batch`), `commit-tree` the commit, then
 * `update-ref` with the expected old value, so that a run that lost a race to another one builds
 * again on the new tip instead of dropping the other's commit.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refuse } from './errors.js';
import { failed, firstLine, git, GitError, gitRaw, identityFallback, readObjects, type GitObject } from './git.js';

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
  /** Where the branch is checked out (null: nowhere), when the lookup of its tip told (see BranchTip). */
  worktree?: string | null;
  /** The commit the new one builds on: the branch's tip, else the base. */
  parent: string;
  changes: FileChange[];
  /** Every folder on the way to a changed file ('' is the top): its entries at the parent, none for a new folder. */
  folders: Map<string, Map<string, TreeEntry>>;
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
  /** The branch's tip as already looked up (with the base); looked up again when absent. */
  tip?: BranchTip;
}

/** Resolves a revision to a commit id, or null. */
export async function resolveCommit(repo: string, rev: string): Promise<string | null> {
  const result = await gitRaw(repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  return result.code === 0 ? result.stdout.trim() : null;
}

/** A ref as one `for-each-ref` line tells it: its commit, the ref it names (a symbolic ref), where it is checked out. */
export interface RefState {
  /** The commit the ref (or its target) peels to, or null when that is no commit. */
  commit: string | null;
  /** The ref a symbolic ref points at, else ''. */
  symref: string;
  /** The work tree where this branch is checked out, else ''. */
  worktree: string;
}

/**
 * The state of each of `refs` (full names) that exists, from one `for-each-ref` instead of a
 * `rev-parse` per ref, a `symbolic-ref` and a `worktree list`. A ref missing from the map does not
 * exist (or is a broken symbolic ref, which git skips).
 */
export async function refStates(repo: string, refs: readonly string[]): Promise<Map<string, RefState>> {
  const fields = ['refname', 'objecttype', 'objectname', '*objecttype', '*objectname', 'symref', 'worktreepath'];
  const out = await git(repo, ['for-each-ref', `--format=${fields.map((f) => `%(${f})`).join('%00')}`, ...refs]);
  const states = new Map<string, RefState>();
  for (const line of out.split('\n')) {
    const [name = '', type, id = '', peeledType, peeled = '', symref = '', worktree = ''] = line.split('\0');
    // A pattern also matches the refs below it (refs/heads/main matches refs/heads/main/x): only exact names count.
    if (!refs.includes(name)) continue;
    let commit: string | null = type === 'commit' ? id : type === 'tag' && peeledType === 'commit' ? peeled : null;
    // A tag of a tag: for-each-ref peels one level only.
    if (type === 'tag' && peeledType === 'tag') commit = await resolveCommit(repo, name);
    states.set(name, { commit, symref, worktree });
  }
  return states;
}

/** Where the post branch stands: its tip (null when it does not exist yet) and the work tree that has it checked out. */
export interface BranchTip {
  commit: string | null;
  /** Known only for an existing branch (from `for-each-ref`); undefined for a new one, which an unborn HEAD may name. */
  worktree?: string | null;
}

/** The branch's tip and, when it exists, where it is checked out: one `for-each-ref`. */
export async function branchTip(repo: string, branch: string): Promise<BranchTip> {
  const ref = `refs/heads/${branch}`;
  return tipOf((await refStates(repo, [ref])).get(ref));
}

/** A branch's BranchTip from its RefState (undefined: the branch does not exist). */
export function tipOf(state: RefState | undefined): BranchTip {
  return state ? { commit: state.commit, worktree: state.worktree || null } : { commit: null };
}

/** An entry of a tree: its mode as the tree writes it (`40000`, `100644`), type, id, and name's bytes. */
type TreeEntry = { mode: string; type: string; id: string; name: Buffer };

/** A name's key in treeEntries' map: its bytes one character each, so names that are not UTF-8 stay apart. */
function entryKey(name: string | Buffer): string {
  return (typeof name === 'string' ? Buffer.from(name, 'utf8') : name).toString('latin1');
}

/** The entries of a tree object (`cat-file --batch` gives it raw: mode, space, name, NUL, the id's bytes), by entryKey. */
function treeEntries(tree: GitObject): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  const idBytes = tree.id.length / 2;
  const { data } = tree;
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0, space);
    if (space === -1 || nul === -1) throw new GitError(`tree ${tree.id} could not be read.`, '');
    // As mktree writes it back: octal without leading zeros.
    const bits = parseInt(data.toString('latin1', at, space), 8);
    const mode = bits.toString(8);
    const type = (bits & 0o170000) === 0o040000 ? 'tree' : (bits & 0o170000) === 0o160000 ? 'commit' : 'blob';
    const id = data.toString('hex', nul + 1, nul + 1 + idBytes);
    const name = data.subarray(space + 1, nul);
    entries.set(entryKey(name), { mode, type, id, name });
    at = nul + 1 + idBytes;
  }
  return entries;
}

/** The object names a file's lookup needs: the tree of every folder on its way (the root first), and the file itself. */
function lookups(parent: string, path: string): string[] {
  const segments = path.split('/');
  const names = [`${parent}^{tree}`];
  for (let i = 1; i < segments.length; i++) names.push(`${parent}:${segments.slice(0, i).join('/')}`);
  return [...names, `${parent}:${path}`];
}

/**
 * The parent's version of a file (its entry and text), or null when it has none; refuses paths the
 * tree cannot take as a file. Each entry is read from the tree of the folder holding it, so a
 * folder that is a file or a link is seen as such, whatever lies below it.
 */
function previousVersion(
  parent: string,
  path: string,
  objects: Map<string, GitObject | null>,
): { entry: TreeEntry; text: string } | null {
  const names = lookups(parent, path);
  const segments = path.split('/');
  let entry: TreeEntry | undefined;
  for (const [i, segment] of segments.entries()) {
    const folder = objects.get(names[i] as string);
    if (!folder || folder.type !== 'tree') throw new GitError(`the tree of ${parent} could not be read.`, '');
    entry = treeEntries(folder).get(entryKey(segment));
    if (!entry) return null;
    if (i === segments.length - 1) break;
    const shown = segments.slice(0, i + 1).join('/');
    if (entry.mode === '120000')
      refuse(`${shown} is a symbolic link in the site; refusing to write ${path} through it.`);
    if (entry.type !== 'tree') refuse(`${shown} is a file in the site; expected a folder.`);
  }
  if (!entry) return null;
  if (entry.type === 'tree') refuse(`${path} is a folder in the site; expected a post file there.`);
  if (entry.mode === '120000') refuse(`${path} is a symbolic link; refusing to write through it.`);
  if (entry.type !== 'blob') refuse(`${path} is a ${entry.type} in the site; expected a file.`);
  const blob = objects.get(names[names.length - 1] as string);
  if (!blob || blob.id !== entry.id) throw new GitError(`${path} in ${parent} could not be read.`, '');
  return { entry, text: blob.data.toString('utf8') };
}

/**
 * What committing `files` on the branch would change now (nothing is written). Every tree on the
 * way to every file and every file's previous version come from one `cat-file --batch`; a refused
 * path is thrown only when its turn comes, so files before it are checked first, as one by one.
 */
export async function planBranch(request: BranchRequest): Promise<BranchPlan> {
  const { repo, branch } = request;
  const tip = request.tip ?? (await branchTip(repo, branch));
  const old = tip.commit;
  const parent = old ?? request.base;
  const names = [...new Set(request.files.flatMap((file) => lookups(parent, file.path)))];
  const found = await readObjects(repo, names);
  const objects = new Map(names.map((name, i) => [name, found[i] ?? null]));
  const changes: FileChange[] = [];
  for (const file of request.files) {
    const previous = previousVersion(parent, file.path, objects);
    request.check?.(file, previous?.text ?? null);
    if (previous?.text !== file.content)
      changes.push({ ...file, previous: previous?.text ?? null, mode: previous?.entry.mode ?? '100644' });
  }
  const folders = new Map<string, Map<string, TreeEntry>>();
  for (const change of changes) folderEntries(parent, change.path, objects, folders);
  return { old, ...(tip.worktree !== undefined ? { worktree: tip.worktree } : {}), parent, changes, folders };
}

/**
 * Adds to `folders` the entries at the parent of every folder on the way to `path` (none for a
 * folder the parent lacks). previousVersion has refused a way through anything but folders.
 */
function folderEntries(
  parent: string,
  path: string,
  objects: Map<string, GitObject | null>,
  folders: Map<string, Map<string, TreeEntry>>,
): void {
  const names = lookups(parent, path);
  const segments = path.split('/');
  const top = objects.get(names[0] as string);
  if (!top || top.type !== 'tree') throw new GitError(`the tree of ${parent} could not be read.`, '');
  let entries = treeEntries(top);
  if (!folders.has('')) folders.set('', entries);
  for (let i = 1; i < segments.length; i++) {
    const folder = segments.slice(0, i).join('/');
    const entry = entries.get(entryKey(segments[i - 1] as string));
    const tree = entry ? objects.get(names[i] as string) : null;
    if (entry && (!tree || tree.id !== entry.id)) throw new GitError(`${folder} in ${parent} could not be read.`, '');
    entries = tree ? treeEntries(tree) : new Map<string, TreeEntry>();
    if (!folders.has(folder)) folders.set(folder, entries);
  }
}

/** Git's order of tree entries: by name's bytes, a folder's name as if it ended in `/`. */
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const key = (e: TreeEntry) => e.name.toString('latin1') + (e.type === 'tree' ? '/' : '');
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A tree's id, hashed as git hashes it (SHA-1 or SHA-256, by the length of `like`, an id of the repository). */
function treeId(entries: readonly TreeEntry[], like: string): string {
  const body = Buffer.concat(
    entries.flatMap((e) => [Buffer.from(`${e.mode} `), e.name, Buffer.from([0]), Buffer.from(e.id, 'hex')]),
  );
  const hash = createHash(like.length === 64 ? 'sha256' : 'sha1');
  return hash.update(`tree ${body.length}\0`).update(body).digest('hex');
}

/**
 * Builds a commit holding the plan's changes on top of its parent; nothing outside the object store
 * changes. The folders on the way to the files are written by one `mktree --batch`, deepest first:
 * a folder names its subfolders' new trees by the ids hashed here, which mktree must print back.
 */
async function buildCommit(repo: string, plan: BranchPlan, message: string): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'postmortem-index-'));
  try {
    // One hash-object for every file (from scratch copies).
    const copies = await Promise.all(
      plan.changes.map(async (change, i) => {
        const copy = join(scratch, `blob-${i}`);
        await writeFile(copy, change.content);
        return copy;
      }),
    );
    const blobs = (await git(repo, ['hash-object', '-w', '--no-filters', '--', ...copies])).trim().split('\n');
    const folders = new Map([...plan.folders].map(([path, entries]) => [path, new Map(entries)]));
    const place = (path: string, entry: Omit<TreeEntry, 'name'>) => {
      const cut = path.lastIndexOf('/');
      const name = path.slice(cut + 1);
      const folder = folders.get(cut === -1 ? '' : path.slice(0, cut));
      if (!folder) throw new GitError(`no tree for the folder of ${path}.`, '');
      folder.set(entryKey(name), { ...entry, name: Buffer.from(name, 'utf8') });
    };
    plan.changes.forEach((change, i) => place(change.path, { mode: change.mode, type: 'blob', id: blobs[i] ?? '' }));
    const depth = (path: string) => (path === '' ? 0 : path.split('/').length);
    const order = [...folders.keys()].sort((a, b) => depth(b) - depth(a));
    const input: Buffer[] = [];
    const expected: string[] = [];
    for (const path of order) {
      const entries = [...(folders.get(path) as Map<string, TreeEntry>).values()].sort(treeOrder);
      const id = treeId(entries, plan.parent);
      expected.push(id);
      if (path !== '') place(path, { mode: '40000', type: 'tree', id });
      for (const e of entries) input.push(Buffer.from(`${e.mode} ${e.type} ${e.id}\t`), e.name, Buffer.from([0]));
      input.push(Buffer.from([0]));
    }
    const written = (await git(repo, ['mktree', '-z', '--batch'], { input: Buffer.concat(input) })).trim().split('\n');
    if (written.join(' ') !== expected.join(' '))
      throw new GitError(`\`git mktree\` wrote trees ${written.join(', ')}, expected ${expected.join(', ')}.`, '');
    const tree = expected[expected.length - 1] as string;
    const args = ['commit-tree', tree, '-p', plan.parent, '-m', message];
    // The identity git has (configuration or GIT_AUTHOR_*/GIT_COMMITTER_*), never one it guesses
    // from the host: without a configured one, commit-tree stops, and runs again with postmortem's
    // fallback for what is missing. A process of its own only when the site has no identity.
    const made = await gitRaw(repo, ['-c', 'user.useConfigOnly=true', ...args]);
    if (made.code === 0) return made.stdout.trim();
    const identity = await identityFallback(repo);
    if (identity.length === 0) failed(args, made.stderr);
    return (await git(repo, [...identity, ...args])).trim();
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
    // The tip looked up with the base serves the first attempt; after a lost race it is read again.
    const plan = await planBranch(attempt === 0 ? request : { ...request, tip: undefined });
    if (plan.changes.length === 0) return plan;
    await beforeCommit?.(plan);
    const commit = await buildCommit(request.repo, plan, message(plan.changes));
    // '' as the old value: the branch must not exist yet.
    const update = await gitRaw(request.repo, ['update-ref', '-m', message(plan.changes), ref, commit, plan.old ?? '']);
    if (update.code === 0) return { ...plan, commit };
    detail = firstLine(update.stderr);
    const raced =
      (await resolveCommit(request.repo, ref)) !== plan.old || /File exists|but expected|already exists/.test(detail);
    if (!raced) throw new GitError(`\`git update-ref ${ref}\` failed: ${detail}`, update.stderr);
    // A concurrent run holds the lock or moved the tip: wait a little and build on what is there now.
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
  }
  throw new GitError(`could not update ${request.branch} after ${ATTEMPTS} attempts: ${detail}`, detail);
}
