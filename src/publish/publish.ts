/**
 * Publishes the blog notice of a postmortem, one post per language, into a Jekyll, Hugo or cState
 * site kept in git: one commit on the branch `postmortem/<id>`, made with plumbing so the site's
 * checked-out branch, index and work tree stay as they are. Never pushes. Refuses rather than
 * guesses, and a failed run leaves nothing behind.
 */
import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ID_PATTERN } from '../model/format.js';
import { isRecord } from '../model/guards.js';
import type { Postmortem } from '../model/types.js';
import { stringifyPostmortem } from '../model/write.js';
import { commitToBranch, planBranch, type BranchPlan, type BranchResult, type TreeFile } from './branch.js';
import { diffChanges } from './diff.js';
import {
  cstateSystems,
  detectFlavor,
  hugoLanguageAdvice,
  hugoLanguages,
  postFrontMatter,
  postPath,
  siteLanguage,
  SITE_FLAVORS,
  type SiteFlavor,
} from './flavors.js';
import { PublishError, refuse } from './errors.js';
import { GitError } from './git.js';
import { checkedOutAt, resolveBase, siteRepository } from './repository.js';
import { escapeSiteCode, titleProblem } from './site-text.js';
import { writePostFiles } from './write.js';

export { PublishError } from './errors.js';

/** One language of the notice, rendered for the blog channel. */
export interface NoticePost {
  lang: string;
  /** Plain-text headline. */
  title: string;
  /** Plain-text one-sentence summary. */
  summary: string;
  /** The blog notice as Markdown, without a title (the front matter carries it). */
  body: string;
}

/** What to publish and how. */
export interface PublishRequest {
  pm: Postmortem;
  /** The site folder (absolute). */
  site: string;
  /** One post per language, in the notice's order. */
  posts: NoticePost[];
  flavor?: SiteFlavor;
  section?: string;
  /** The branch (or commit) a new `postmortem/<id>` starts from; default: origin/HEAD's branch, main, master. */
  base?: string;
  /** `commit` (default): commit on the branch; `write`: only write the files; `dry-run`: change nothing. */
  mode?: 'commit' | 'write' | 'dry-run';
  allowDraft?: boolean;
}

/** One post and what happened to it. */
export interface PublishedFile {
  lang: string;
  /** Relative to the site, `/`-separated. */
  path: string;
  content: string;
  action: 'created' | 'updated' | 'unchanged';
}

/** What publishing did. */
export interface PublishResult {
  flavor: SiteFlavor;
  mode: 'commit' | 'write' | 'dry-run';
  files: PublishedFile[];
  /** True when no file changed (nothing committed or written). */
  unchanged: boolean;
  /** `postmortem/<id>`. */
  branch: string;
  /** The base a new branch starts from (commit and dry-run modes). */
  base?: string;
  /** True when the branch did not exist before (commit and dry-run modes). */
  newBranch?: boolean;
  /** The new commit (commit mode, when something changed). */
  commit?: string;
  /** The diff that would be committed (dry-run mode). */
  diff?: string;
  /** What the site will not show as expected, such as a translation of a language it does not configure. */
  warnings: string[];
}

const SECTION_PATTERN = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*$/;

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

/** Checks what is published before the site is looked at. */
function checkRequest(request: PublishRequest): { id: string; section: string } {
  const { pm } = request;
  const id = pm.data.id;
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
  if (request.posts.length === 0) refuse('Expected at least one language to publish, found none.');
  for (const post of request.posts) {
    const problem = titleProblem(post.title);
    if (problem)
      refuse(
        `The ${post.lang} headline cannot be a post title: ${problem}. Write it as plain text in notice.headline.${post.lang}.`,
      );
  }
  return { id, section };
}

async function chooseFlavor(request: PublishRequest, siteReal: string): Promise<SiteFlavor> {
  const flavor = request.flavor ?? (await detectFlavor(siteReal));
  if (!flavor || !SITE_FLAVORS.includes(flavor)) {
    refuse(
      `Cannot tell the kind of site in ${request.site} ` +
        '(no _config.yml, hugo.toml/config.toml/hugo.yaml, cState theme or content/issues/); pass --flavor jekyll|hugo|cstate.',
    );
  }
  if (flavor === 'cstate') {
    const known = await cstateSystems(siteReal);
    const services = (request.pm.data.services as unknown[]).filter((s): s is string => typeof s === 'string');
    const unknown = known ? services.filter((s) => !known.systems.includes(s)) : [];
    if (known && unknown.length > 0) {
      refuse(
        `Expected the affected services to be systems listed in ${known.file} ` +
          `(params.systems: ${known.systems.join(', ') || 'none'}), found unknown ${unknown.join(', ')}. ` +
          'Add them there or rename them in `services`.',
      );
    }
  }
  return flavor;
}

/** Builds the posts, checks the site, and commits (or writes, or shows) them according to `mode`. */
async function publishNotice(request: PublishRequest): Promise<PublishResult> {
  const { id, section } = checkRequest(request);
  const mode = request.mode ?? 'commit';
  const repo = await siteRepository(request.site);
  const siteReal = await realpath(request.site);
  const flavor = await chooseFlavor(request, siteReal);
  const siteLang = await siteLanguage(siteReal, flavor);
  const prefix = relative(repo, siteReal).split(sep).filter(Boolean);
  const files = request.posts.map((post) => {
    const facts = { pm: request.pm, lang: post.lang, siteLang, title: post.title, summary: post.summary, section };
    const path = postPath(flavor, facts);
    const content = stringifyPost(postFrontMatter(flavor, facts), escapeSiteCode(post.body));
    return { lang: post.lang, path, repoPath: [...prefix, path].join('/'), content };
  });
  const branch = `postmortem/${id}`;
  const warnings = await languageWarnings(flavor, siteReal, siteLang, files);
  try {
    if (mode === 'write') {
      const actions = await writePostFiles(siteReal, files, (file, existing) =>
        checkOwnership(existing, id, file.path),
      );
      const published = files.map((f, i) => ({ ...pick(f), action: actions[i] ?? 'unchanged' }));
      return {
        flavor,
        mode,
        files: published,
        unchanged: actions.every((a) => a === 'unchanged'),
        branch,
        warnings,
      };
    }
    const base = await resolveBase(repo, request.base, branch);
    const shown = new Map(files.map((f) => [f.repoPath, f.path]));
    const branchRequest = {
      repo,
      branch,
      base: base.commit,
      tip: base.tip,
      files: files.map((f): TreeFile => ({ path: f.repoPath, content: f.content })),
      check: (file: TreeFile, previous: string | null) =>
        checkOwnership(previous, id, shown.get(file.path) ?? file.path),
    };
    const result: BranchResult =
      mode === 'dry-run'
        ? await planBranch(branchRequest)
        : await commitToBranch(branchRequest, (changes) => commitMessage(id, changes, files), refuseCheckedOut);
    const published = files.map((f) => ({ ...pick(f), action: fileAction(result, f.repoPath) }));
    return {
      flavor,
      mode,
      files: published,
      unchanged: result.changes.length === 0,
      branch,
      base: base.name,
      newBranch: result.old === null,
      ...(result.commit ? { commit: result.commit } : {}),
      // Only a dry run shows it; a commit is there to look at with git itself.
      ...(mode === 'dry-run' ? { diff: await diffChanges(result.changes) } : {}),
      warnings,
    };
  } catch (error) {
    if (error instanceof PublishError) throw error;
    if (error instanceof GitError) throw new PublishError(`${error.message} The site was left as it was.`, 'runtime');
    throw error;
  }

  async function refuseCheckedOut(plan: BranchPlan): Promise<void> {
    // An existing branch's lookup told where it is checked out; a new one may still be an unborn HEAD's.
    const where = plan.worktree !== undefined ? plan.worktree : await checkedOutAt(repo, branch);
    if (where !== null)
      refuse(
        `${branch} is checked out in ${where}; publish would change the files under it. Switch that work tree to another branch first.`,
      );
  }
}

/** Renders the blog notice in a language (undefined: the notice's first); null when it is not fit to publish. */
export type PreparePost = (lang: string | undefined) => Promise<{ pm: Postmortem; post: NoticePost } | null>;

/**
 * Publishes every language of a notice, or only `lang`: renders the first to learn the postmortem
 * and its languages, then the others, then commits them all at once. Null when a language is not
 * fit to publish (`prepare` has said why).
 */
export async function publishNoticeLanguages(
  prepare: PreparePost,
  request: Omit<PublishRequest, 'pm' | 'posts'> & { lang?: string },
): Promise<PublishResult | null> {
  const { lang, ...rest } = request;
  const first = await prepare(lang);
  if (!first) return null;
  const posts = [first.post];
  const notice = first.pm.data.notice;
  const declared = isRecord(notice) && Array.isArray(notice.languages) ? (notice.languages as unknown[]) : [];
  const others = lang === undefined ? declared.filter((l): l is string => typeof l === 'string') : [];
  for (const other of new Set(others)) {
    if (other === first.post.lang) continue;
    const next = await prepare(other);
    if (!next) return null;
    posts.push(next.post);
  }
  return publishNotice({ ...rest, pm: first.pm, posts });
}

/**
 * What stops a Hugo (or cState) site from showing the translations as translations: a language its
 * config does not define (Hugo shows the post as a page of its own), or a `languages` block without
 * the default language (hugo refuses to build). The last warning says what to add, in the config's syntax.
 */
async function languageWarnings(
  flavor: SiteFlavor,
  siteReal: string,
  siteLang: string,
  files: readonly { lang: string; path: string }[],
): Promise<string[]> {
  if (flavor === 'jekyll' || files.every((f) => f.lang === siteLang)) return [];
  const config = await hugoLanguages(siteReal);
  if (!config) return [];
  const needed = [...new Set([siteLang, ...files.map((f) => f.lang)])];
  const missing = needed.filter((l) => !config.languages.includes(l));
  if (missing.length === 0) return [];
  const out: string[] = [];
  for (const file of files) {
    if (file.lang === siteLang || !missing.includes(file.lang)) continue;
    out.push(
      `${file.path}: the site configures no language "${file.lang}", ` +
        'so Hugo shows it as a page of its own, not as a translation.',
    );
  }
  if (missing.includes(siteLang))
    out.push(
      `${config.file} defines no language "${siteLang}", the site's default (defaultContentLanguage): once it defines ` +
        `any, hugo stops with 'defaultContentLanguage "${siteLang}" does not match any language definition'.`,
    );
  out.push(
    `Add to ${config.file} so that it defines every language, the default too:\n\n${hugoLanguageAdvice(config, siteLang, missing)}`,
  );
  return out;
}

function pick(file: { lang: string; path: string; content: string }): Omit<PublishedFile, 'action'> {
  return { lang: file.lang, path: file.path, content: file.content };
}

function fileAction(plan: BranchPlan, repoPath: string): PublishedFile['action'] {
  const change = plan.changes.find((c) => c.path === repoPath);
  return !change ? 'unchanged' : change.previous === null ? 'created' : 'updated';
}

function commitMessage(
  id: string,
  changes: BranchPlan['changes'],
  files: { repoPath: string; lang: string }[],
): string {
  const langs = changes.map((c) => files.find((f) => f.repoPath === c.path)?.lang ?? '?').join(', ');
  const verb = changes.every((c) => c.previous === null) ? 'Publish' : 'Update';
  return `${verb} customer notice for ${id} (${langs})`;
}
