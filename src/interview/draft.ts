/**
 * Drafts keep every answer of an unfinished interview under `.postmortem/drafts/<id>.json`, written
 * atomically after each answer, so that Ctrl-C, a closed laptop or a crash loses nothing.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readdir, realpath, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { readTextBounded, RuntimeError, writeFileAtomic } from '../model/index.js';
import type { Answers } from './answers.js';

/** Where drafts live, relative to the working directory. */
export const DRAFTS_DIR = join('.postmortem', 'drafts');

/** What a draft file holds. */
export interface Draft {
  version: 1;
  id: string;
  created: string;
  updated: string;
  /** Answers given by flags or an answers file when the interview started. */
  given: Answers;
  /** Every prompt's answer by step key, in the order asked; replayed on resume. */
  steps: Record<string, unknown>;
}

/** No draft matched `--resume`. */
export class DraftNotFoundError extends Error {
  constructor(readonly wanted: string | null) {
    super(wanted ? `no draft "${wanted}"` : 'no draft to resume');
    this.name = 'DraftNotFoundError';
  }
}

/** A draft file exists but cannot be read. */
export class DraftUnreadableError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: cannot read the draft: ${reason}`);
    this.name = 'DraftUnreadableError';
  }
}

/** A draft holds an answer that its question refuses (a hand-edited or damaged draft). */
export class DraftAnswerError extends Error {
  constructor(
    readonly path: string,
    readonly key: string,
    readonly reason: string,
  ) {
    super(`${path}: ${key}: ${reason}`);
    this.name = 'DraftAnswerError';
  }
}

/** A new draft id: the local start time and a random suffix, sortable and unique. */
export function newDraftId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/**
 * What a draft id may be: what `newDraftId` makes, what `--resume ID` and `--discard ID` accept and
 * what a draft file must hold. Never a path: no separator, and no leading dot (`..`, hidden files).
 */
const DRAFT_ID = /^\w[\w.-]{0,99}$/;

/** True when `id` is a draft id (see DRAFT_ID), so that it names a file inside the drafts folder. */
export function isDraftId(id: string): boolean {
  return DRAFT_ID.test(id);
}

/**
 * The path of a draft. The id is checked again here, and the resolved path must stay in the drafts
 * folder, so that no caller can write or delete a file elsewhere with a crafted id.
 */
export function draftPath(cwd: string, id: string): string {
  const folder = resolve(cwd, DRAFTS_DIR);
  const path = resolve(folder, `${id}.json`);
  if (!isDraftId(id) || dirname(path) !== folder || !path.startsWith(folder + sep))
    throw new RuntimeError(`"${id}" is not a draft id (letters, digits, "_", "-" and "."); no draft file was touched.`);
  return path;
}

/** Saves a draft atomically, replacing the previous save. */
export async function saveDraft(cwd: string, draft: Draft): Promise<string> {
  const path = draftPath(cwd, draft.id);
  await writeFileAtomic(path, `${JSON.stringify(draft, null, 2)}\n`, { force: true });
  return path;
}

async function readDraft(path: string): Promise<Draft> {
  let text: string;
  try {
    // Drafts are only ever written as regular files; a link could lead a later save elsewhere.
    if ((await lstat(path)).isSymbolicLink())
      throw new DraftUnreadableError(path, 'it is a symbolic link, not a draft file');
    text = readTextBounded(path);
  } catch (error) {
    if (error instanceof DraftUnreadableError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DraftNotFoundError(null);
    const reason = (error as { reason?: string }).reason;
    throw new DraftUnreadableError(
      path,
      reason ? `expected a regular file of at most 5 MB, found ${reason}` : (error as Error).message,
    );
  }
  try {
    const data = JSON.parse(text) as Draft;
    if (data.version !== 1 || typeof data.id !== 'string' || typeof data.steps !== 'object' || data.steps === null) {
      throw new Error('not a postmortem draft');
    }
    // The id becomes the path of every later save and of the delete: it must name this very file.
    const own = basename(path, '.json');
    if (data.id !== own || !isDraftId(data.id))
      throw new Error(`expected its "id" to be its file name "${own}", found ${JSON.stringify(data.id)}`);
    return { ...data, given: data.given ?? {} };
  } catch (error) {
    if (error instanceof DraftUnreadableError) throw error;
    throw new DraftUnreadableError(path, (error as Error).message);
  }
}

/** Loads the draft `id`, or the most recently updated draft when `id` is null. */
export async function loadDraft(cwd: string, id: string | null): Promise<Draft> {
  if (id !== null) {
    if (!isDraftId(id)) throw new DraftNotFoundError(id);
    try {
      return await readDraft(draftPath(cwd, id));
    } catch (error) {
      if (error instanceof DraftNotFoundError) throw new DraftNotFoundError(id);
      throw error;
    }
  }
  const { drafts, unreadable } = await scanDrafts(cwd);
  const latest = drafts[0];
  // With no draft to take, a refused one is named rather than reported as missing.
  if (!latest) throw unreadable[0] ?? new DraftNotFoundError(null);
  return latest;
}

/** The drafts folder's readable drafts (the most recently updated first) and the files refused, with why. */
export interface DraftScan {
  drafts: Draft[];
  unreadable: DraftUnreadableError[];
}

/** Reads every draft file; an unreadable or refused one is returned with its reason, not thrown. */
export async function scanDrafts(cwd: string): Promise<DraftScan> {
  let files: string[];
  try {
    files = (await readdir(join(cwd, DRAFTS_DIR))).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
  } catch {
    return { drafts: [], unreadable: [] };
  }
  const drafts: Draft[] = [];
  const unreadable: DraftUnreadableError[] = [];
  for (const file of files.sort()) {
    try {
      drafts.push(await readDraft(join(cwd, DRAFTS_DIR, file)));
    } catch (error) {
      if (!(error instanceof DraftUnreadableError)) throw error;
      unreadable.push(error);
    }
  }
  drafts.sort((a, b) => b.updated.localeCompare(a.updated) || b.id.localeCompare(a.id));
  return { drafts, unreadable };
}

/** Every readable draft, the most recently updated first. */
export async function listDrafts(cwd: string): Promise<Draft[]> {
  return (await scanDrafts(cwd)).drafts;
}

/** Deletes a draft after its postmortem was written. */
export async function deleteDraft(cwd: string, id: string): Promise<void> {
  await rm(draftPath(cwd, id), { force: true });
}

/** Deletes a draft the user gave up on; false when there is no such draft. */
export async function discardDraft(cwd: string, id: string): Promise<boolean> {
  if (!isDraftId(id)) return false;
  try {
    await rm(draftPath(cwd, id));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A line for `--list-drafts`: id, when it was saved, its title, how many answers it holds. */
export function describeDraft(draft: Draft): string {
  const title = draft.given.title ?? (typeof draft.steps.title === 'string' ? draft.steps.title : '(no title yet)');
  const answers = Object.keys(draft.steps).length;
  return `${draft.id}  ${draft.updated.slice(0, 16).replace('T', ' ')} UTC  ${title} (${answers} answer${answers === 1 ? '' : 's'})`;
}

/** What `ignoreDrafts` did to a `.gitignore`: added the entry, or left the file alone and why. */
export type IgnoreOutcome = { path: string; added: true } | { path: string; added: false; skipped: string };

/**
 * Adds `.postmortem/` to the `.gitignore` of the repository holding `cwd`, so that drafts never
 * show up in `git status`. Returns what was done, or null when there is no repository or the entry
 * is there already. A `.gitignore` linked to a file outside the repository, or one that is not a
 * regular file, is left alone (the outcome says why): `new` writes nothing outside the project.
 */
export async function ignoreDrafts(cwd: string): Promise<IgnoreOutcome | null> {
  let root = resolve(cwd);
  while (!existsSync(join(root, '.git'))) {
    const parent = dirname(root);
    if (parent === root) return null;
    root = parent;
  }
  const path = join(root, '.gitignore');
  if ((await lstat(path).catch(() => null))?.isSymbolicLink()) {
    const target = await realpath(path).catch(() => null);
    const realRoot = await realpath(root).catch(() => root);
    if (target === null || !target.startsWith(realRoot + sep))
      return { path, added: false, skipped: 'it is a symbolic link to a file outside the repository' };
  }
  let text = '';
  try {
    text = readTextBounded(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      const reason = (error as { reason?: string }).reason ?? (error as Error).message;
      return { path, added: false, skipped: `expected a regular file, found ${reason}` };
    }
  }
  if (/^\/?\.postmortem\/?\s*$/m.test(text)) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  await writeFileAtomic(path, `${text}${separator}# postmortem new: unfinished interviews${eol}.postmortem/${eol}`, {
    force: true,
  });
  return { path, added: true };
}
