/**
 * Publishes a rendered blog notice into a Jekyll, Hugo or cState site kept in git: on a branch
 * `postmortem/<id>`, one commit, never pushed. Refuses rather than guesses, and a failure leaves
 * the site as it was.
 */
import { lstat, readFile, realpath, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ID_PATTERN } from '../model/format.js';
import { stringifyPostmortem, writeFileAtomic } from '../model/write.js';
import {
  cstateSystems,
  detectFlavor,
  postFrontMatter,
  postPath,
  SITE_FLAVORS,
  type PostFacts,
  type SiteFlavor,
} from './flavors.js';
import { git, gitRaw, GitError, identityFallback } from './git.js';

/** Why publishing stopped: `refused` (the input or the site is not fit, exit 1) or `failed` (exit 2). */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly kind: 'refused' | 'failed',
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

/** What to publish and how. */
export interface PublishRequest extends Omit<PostFacts, 'section'> {
  /** The site folder (absolute). */
  site: string;
  /** The blog notice as Markdown, without a title (the front matter carries it). */
  body: string;
  flavor?: SiteFlavor;
  section?: string;
  /** `commit` (default): branch and commit; `write`: only write the file; `dry-run`: change nothing. */
  mode?: 'commit' | 'write' | 'dry-run';
  allowDraft?: boolean;
}

/** What publishing did. */
export interface PublishResult {
  flavor: SiteFlavor;
  /** The post's path relative to the site, `/`-separated. */
  path: string;
  content: string;
  /** `created`/`updated`: written; `unchanged`: the same content was there already; `dry-run`: nothing written. */
  action: 'created' | 'updated' | 'unchanged' | 'dry-run';
  /** The branch committed to (commit mode only, when something was committed). */
  branch?: string;
  commit?: string;
}

const SECTION_PATTERN = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*$/;

function refuse(message: string): never {
  throw new PublishError(message, 'refused');
}

/** Serialises front matter and body as a post; timestamps quoted so YAML 1.1 readers keep them as text. */
export function stringifyPost(frontMatter: Record<string, unknown>, body: string): string {
  return stringifyPostmortem(frontMatter, body.trim());
}

/** The postmortem id a post records in its front matter, or null for a file this tool did not write. */
export function recordedPostmortemId(content: string): string | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(content);
  if (!match) return null;
  try {
    const data = parseYaml(match[1] as string) as unknown;
    const id = (data as { postmortem_id?: unknown } | null)?.postmortem_id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Refuses a target that leaves the site through `..` or a symlink, or that is itself a symlink. */
async function checkContainment(siteReal: string, target: string, shown: string): Promise<void> {
  try {
    if ((await lstat(target)).isSymbolicLink()) refuse(`${shown} is a symbolic link; refusing to write through it.`);
  } catch (error) {
    if (error instanceof PublishError) throw error;
  }
  let dir = dirname(target);
  for (;;) {
    try {
      const real = await realpath(dir);
      if (!inside(siteReal, real))
        refuse(`${shown} would be written outside the site: ${relative(siteReal, dir) || dir} leads to ${real}.`);
      return;
    } catch (error) {
      if (error instanceof PublishError) throw error;
      const parent = dirname(dir);
      if (parent === dir) return;
      dir = parent;
    }
  }
}

/** Refuses a file at the target that this tool did not write for this postmortem. */
function checkOwnership(existing: string | null, id: string, shown: string): void {
  if (existing === null) return;
  const owner = recordedPostmortemId(existing);
  if (owner === null)
    refuse(
      `${shown} exists and was not written by postmortem (no \`postmortem_id\` in its front matter); refusing to overwrite it.`,
    );
  if (owner !== id)
    refuse(
      `${shown} belongs to postmortem ${owner}, not ${id}; refusing to overwrite it. Rename one of the postmortems.`,
    );
}

async function siteRepository(site: string): Promise<string> {
  try {
    if (!(await lstat(site)).isDirectory()) refuse(`${site} is not a folder; expected the site's folder.`);
  } catch (error) {
    if (error instanceof PublishError) throw error;
    refuse(`${site}: no such folder; expected the site's folder.`);
  }
  const top = await gitRaw(site, ['rev-parse', '--show-toplevel']);
  if (top.code !== 0)
    refuse(
      `${site} is not a git repository; publish writes on a branch so the change can be reviewed. Run \`git init\` there first.`,
    );
  const head = await gitRaw(site, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code !== 0) refuse(`${site} has no commit yet; commit the site once before publishing into it.`);
  return realpath(top.stdout.trim());
}

/** Dirty paths of the work tree (porcelain lines), other than `except` (repository-relative). */
async function dirtyPaths(repo: string, except: string | null): Promise<string[]> {
  const out = await git(repo, ['-c', 'core.quotepath=off', 'status', '--porcelain', '--untracked-files=all']);
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => except === null || line.slice(3) !== except);
}

/** Builds the post, checks the site, and writes (and commits) it according to `mode`. */
export async function publishNotice(request: PublishRequest): Promise<PublishResult> {
  const { pm, site } = request;
  const id = pm.data.id;
  const mode = request.mode ?? 'commit';
  if (typeof id !== 'string' || !ID_PATTERN.test(id))
    refuse(`Expected an id of the form YYYY-MM-DD-slug, found "${String(id)}".`);
  const status = pm.data.status;
  if (status !== 'final' && status !== 'published' && !request.allowDraft) {
    refuse(
      `Expected status final or published, found ${String(status)}; finish the review first, or pass --allow-draft.`,
    );
  }
  const section = request.section ?? 'posts';
  if (!SECTION_PATTERN.test(section))
    refuse(`--section: expected a folder name of a-z, 0-9, - and _ (e.g. posts), found "${section}".`);

  const repo = await siteRepository(site);
  const siteReal = await realpath(site);
  const flavor = request.flavor ?? (await detectFlavor(siteReal));
  if (!flavor || !SITE_FLAVORS.includes(flavor)) {
    refuse(
      `Cannot tell the kind of site in ${site} (no _config.yml, hugo.toml/config.toml/hugo.yaml, cState theme or content/issues/); pass --flavor jekyll|hugo|cstate.`,
    );
  }
  const facts: PostFacts = { pm, title: request.title, summary: request.summary, section };
  if (flavor === 'cstate') {
    const known = await cstateSystems(siteReal);
    const services = (pm.data.services as unknown[]).filter((s): s is string => typeof s === 'string');
    const unknown = known ? services.filter((s) => !known.systems.includes(s)) : [];
    if (known && unknown.length > 0) {
      refuse(
        `Expected the affected services to be systems listed in ${known.file} (params.systems: ${known.systems.join(', ') || 'none'}), found unknown ${unknown.join(', ')}. Add them there or rename them in \`services\`.`,
      );
    }
  }
  const path = postPath(flavor, facts);
  const target = join(siteReal, ...path.split('/'));
  const repoPath = relative(repo, target).split(sep).join('/');
  const content = stringifyPost(postFrontMatter(flavor, facts), request.body);
  await checkContainment(siteReal, target, path);

  const branch = `postmortem/${id}`;
  const branchExists = (await gitRaw(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])).code === 0;
  const current = (await gitRaw(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).stdout.trim();
  const onBranch = current === branch;
  // The version we would replace: the branch's when we commit there, else the work tree's.
  let existing: string | null;
  if (mode === 'commit' && branchExists && !onBranch) {
    const shown = await gitRaw(repo, ['show', `refs/heads/${branch}:${repoPath}`]);
    existing = shown.code === 0 ? shown.stdout : null;
  } else {
    existing = await readIfExists(target);
  }
  checkOwnership(existing, id, path);
  if (mode === 'commit') checkOwnership(await readIfExists(target), id, path);

  const dirty = await dirtyPaths(repo, mode === 'commit' ? null : repoPath);
  if (dirty.length > 0) {
    refuse(
      `The site's work tree has uncommitted changes (${dirty
        .slice(0, 3)
        .map((l) => l.slice(3))
        .join(', ')}${dirty.length > 3 ? ', ...' : ''}); commit or stash them first.`,
    );
  }
  if (mode === 'dry-run') return { flavor, path, content, action: 'dry-run' };
  if (existing === content) return { flavor, path, content, action: 'unchanged' };
  const action = existing === null ? 'created' : 'updated';
  if (mode === 'write') {
    await writeFileAtomic(target, content, { force: true });
    return { flavor, path, content, action };
  }
  return commitPost({
    repo,
    siteReal,
    target,
    repoPath,
    path,
    content,
    branch,
    branchExists,
    onBranch,
    current,
    action,
    flavor,
    id,
  });
}

interface CommitPlan {
  repo: string;
  siteReal: string;
  target: string;
  repoPath: string;
  path: string;
  content: string;
  branch: string;
  branchExists: boolean;
  onBranch: boolean;
  /** The branch checked out before, or '' when HEAD was detached. */
  current: string;
  action: 'created' | 'updated';
  flavor: SiteFlavor;
  id: string;
}

async function commitPost(plan: CommitPlan): Promise<PublishResult> {
  const { repo, target, repoPath, branch } = plan;
  const originalHead = (await git(repo, ['rev-parse', 'HEAD'])).trim();
  let switched = false;
  let previous: string | null = null;
  let wrote = false;
  try {
    if (!plan.onBranch) {
      await git(repo, plan.branchExists ? ['switch', '--quiet', branch] : ['switch', '--quiet', '-c', branch]);
      switched = true;
    }
    // After switching the file is the branch's; check again what we would replace and where.
    await checkContainment(plan.siteReal, target, plan.path);
    previous = await readIfExists(target);
    checkOwnership(previous, plan.id, plan.path);
    if (previous === plan.content) {
      await restore();
      return { flavor: plan.flavor, path: plan.path, content: plan.content, action: 'unchanged' };
    }
    wrote = true;
    await writeFileAtomic(target, plan.content, { force: true });
    await git(repo, ['add', '--', repoPath]);
    const verb = previous === null ? 'Publish' : 'Update';
    await git(repo, [
      ...(await identityFallback(repo)),
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      `${verb} customer notice for ${plan.id}`,
      '--',
      repoPath,
    ]);
    const commit = (await git(repo, ['rev-parse', 'HEAD'])).trim();
    return {
      flavor: plan.flavor,
      path: plan.path,
      content: plan.content,
      action: previous === null ? 'created' : 'updated',
      branch,
      commit,
    };
  } catch (error) {
    await restore().catch(() => undefined);
    if (error instanceof PublishError) throw error;
    if (error instanceof GitError) throw new PublishError(`${error.message} The site was left as it was.`, 'failed');
    throw new PublishError(
      `cannot write ${plan.path}: ${(error as Error).message}. The site was left as it was.`,
      'failed',
    );
  }

  async function restore(): Promise<void> {
    if (wrote) {
      await gitRaw(repo, ['reset', '--quiet', '--', repoPath]);
      if (previous === null) await unlink(target).catch(() => undefined);
      else await writeFileAtomic(target, previous, { force: true });
    }
    if (switched) {
      await git(
        repo,
        plan.current ? ['switch', '--quiet', plan.current] : ['switch', '--quiet', '--detach', originalHead],
      );
      if (!plan.branchExists) await gitRaw(repo, ['branch', '-D', branch]);
    }
  }
}
