/**
 * `postmortem new` as one call: runs the session (answers file, flags, draft, interview), builds the
 * postmortem, renders its body from the source templates, re-validates it and writes it atomically.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  FileExistsError,
  parsePostmortem,
  stringifyPostmortem,
  writeFileAtomic,
  type FormatOptions,
  type Problem,
} from '../model/index.js';
import { checkFormat } from '../lint/check.js';
import type { LintSettings } from '../lint/types.js';
import { renderSource } from '../render/source.js';
import { buildPostmortem } from './build.js';
import { deleteDraft } from './draft.js';
import { runSession, type SessionOptions } from './session.js';

/** What `createPostmortem` needs besides the session's options. */
export interface CreateOptions extends Omit<SessionOptions, 'idTaken'> {
  /** Folder the postmortem goes to (absolute). */
  dir: string;
  /** Replace an existing file with the same id. */
  force: boolean;
  /** The project's categories and sections, as `lint` reads them. */
  format: FormatOptions;
  /** The project's rule settings (the config `lint` finds for the output file): the format rules run at their levels. */
  rules: LintSettings;
  /** Folder of template overrides (`--templates`), whose `source/` replaces the bundled one. */
  templatesDir?: string;
}

/** What was written. */
export interface CreateResult {
  path: string;
  draftId: string;
}

/** The file exists and `force` was not given; nothing was written, the draft is kept. */
export class PostmortemExistsError extends Error {
  constructor(
    readonly path: string,
    readonly draftId: string,
    readonly draftSaved: boolean,
  ) {
    super(`${path} already exists`);
    this.name = 'PostmortemExistsError';
  }
}

/** The answers passed their checks, but the file built from them does not validate. */
export class InvalidPostmortemError extends Error {
  constructor(
    readonly path: string,
    readonly problems: readonly Problem[],
  ) {
    super(problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'InvalidPostmortemError';
  }
}

/** Runs `postmortem new` to the end and returns the path written. */
export async function createPostmortem(options: CreateOptions): Promise<CreateResult> {
  const { dir, force, format, rules, templatesDir, ...sessionOptions } = options;
  const session = await runSession({
    ...sessionOptions,
    idTaken: (id) => !force && existsSync(join(dir, `${id}.md`)),
  });
  const built = buildPostmortem(session.answers);
  const path = join(dir, `${built.id}.md`);
  const body = await renderSource(built.content, templatesDir ? { templatesDir } : {});
  const text = stringifyPostmortem(built.data, body);
  const { postmortem, problems } = parsePostmortem(text, path);
  // As render and notice do: a format rule the config turns off (or down to a warning) does not refuse the file.
  const invalid = [...problems, ...checkFormat(postmortem, { ...rules, format })];
  if (invalid.length > 0) throw new InvalidPostmortemError(path, invalid);
  try {
    await writeFileAtomic(path, text, { force });
  } catch (error) {
    if (error instanceof FileExistsError) throw new PostmortemExistsError(path, session.draftId, session.draftSaved);
    throw error;
  }
  if (session.draftSaved) await deleteDraft(options.cwd, session.draftId);
  return { path, draftId: session.draftId };
}
