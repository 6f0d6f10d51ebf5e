/** The site's git repository: where it is, which branch a post branch starts from, where a branch is checked out. */
import { lstat, realpath } from 'node:fs/promises';
import { refStates, resolveCommit, tipOf, type BranchTip } from './branch.js';
import { git, gitRaw } from './git.js';
import { refuse } from './errors.js';

/** The repository's top folder (real path) for a site folder; refuses a folder that is not a repository with a commit. */
export async function siteRepository(site: string): Promise<string> {
  let isDir = false;
  try {
    isDir = (await lstat(site)).isDirectory();
  } catch {
    refuse(`${site}: no such folder; expected the site's folder.`);
  }
  if (!isDir) refuse(`${site} is not a folder; expected the site's folder.`);
  // The top folder and HEAD's commit from one process: it prints the top folder, then exits 1
  // (no commit line) when HEAD names no commit, and 128 outside a work tree.
  const top = await gitRaw(site, ['rev-parse', '--show-toplevel', '--verify', '--quiet', 'HEAD^{commit}']);
  const [folder = '', head = ''] = top.stdout.split('\n');
  if ((top.code !== 0 && top.code !== 1) || folder === '')
    refuse(
      `${site} is not a git repository (or is a bare one); publish commits on a branch so the change can be reviewed. Run \`git init\` there first.`,
    );
  if ((top.code !== 0 || head === '') && (await anyBranch(site)) === null)
    refuse(`${site} has no commit yet; commit the site once before publishing into it.`);
  return realpath(folder);
}

async function anyBranch(repo: string): Promise<string | null> {
  const out = await git(repo, ['for-each-ref', '--count=1', '--format=%(refname)', 'refs/heads/']);
  return out.trim() || null;
}

/**
 * The commit a new post branch starts from, and its name: `--base`, else the branch `origin/HEAD`
 * names (the one pull requests go to), else `main`, else `master`. Never the checked-out branch:
 * that may be another incident's branch, whose post would then ride along. Also where `branch`
 * (the post branch) stands now: the candidates and the branch from one `for-each-ref`.
 */
export async function resolveBase(
  repo: string,
  base: string | undefined,
  branch: string,
): Promise<{ name: string; commit: string; tip: BranchTip }> {
  const branchRef = `refs/heads/${branch}`;
  if (base !== undefined) {
    const [commit, states] = await Promise.all([
      base.startsWith('-') ? null : resolveCommit(repo, base),
      refStates(repo, [branchRef]),
    ]);
    if (commit === null) refuse(`--base: expected a branch or commit of the site, found "${base}".`);
    return { name: base, commit, tip: tipOf(states.get(branchRef)) };
  }
  const originHead = 'refs/remotes/origin/HEAD';
  const states = await refStates(repo, [originHead, 'refs/heads/main', 'refs/heads/master', branchRef]);
  const tip = tipOf(states.get(branchRef));
  // origin/HEAD counts only as a symbolic ref (as `symbolic-ref` reads it); for-each-ref gives its target's commit.
  const origin = states.get(originHead);
  const candidates: [string, string | null | undefined][] = origin?.symref ? [[origin.symref, origin.commit]] : [];
  for (const ref of ['refs/heads/main', 'refs/heads/master']) candidates.push([ref, states.get(ref)?.commit]);
  for (const [ref, commit] of candidates) {
    if (commit) return { name: ref.replace(/^refs\/(?:heads|remotes)\//, ''), commit, tip };
  }
  refuse("Cannot tell the site's base branch (no origin/HEAD, main or master); pass --base BRANCH.");
}

/** The work tree (path) where `branch` is checked out, or null. */
export async function checkedOutAt(repo: string, branch: string): Promise<string | null> {
  const out = await git(repo, ['worktree', 'list', '--porcelain']);
  let path = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('worktree ')) path = line.slice('worktree '.length);
    else if (line === `branch refs/heads/${branch}`) return path;
  }
  return null;
}
