import { resolve } from 'node:path';
import type { Postmortem } from '../model/types.js';
import { prepareNotice, type PreparedNotice } from './notice-prepare.js';
import type { NoticeChannel } from '../notice/view.js';
import { UnsafeTextError } from '../render/escape.js';
import { InputError } from './errors.js';
import type { Io } from './io.js';
import { loadPostmortem } from './load.js';
import { loadProjectConfig, type ProjectConfig } from './project.js';
import { lintCommandFor } from './lint-hint.js';
import { printProblems } from './report.js';

/** Options shared by `notice` and `publish` for turning a postmortem into notice text. */
export interface NoticeTextOptions {
  lang?: string;
  timezone?: string;
  templates?: string;
  config?: string;
}

/** A notice that is ready for customers. */
export type ReadyNotice = Extract<PreparedNotice, { ok: true }>;

/**
 * Reads the file and the project config, prepares the notice through the core, and prints what
 * stops it (or its warnings). Returns the notice, or null after printing problems (exit 1).
 * `warnUnread`: name a config nearer to the file that is not read (once per command, not per language).
 */
export async function noticeForFile(
  file: string,
  channel: NoticeChannel,
  options: NoticeTextOptions,
  io: Io,
  standalone: boolean,
  warnUnread = true,
): Promise<ReadyNotice | null> {
  const project = await loadProjectConfig(io, options.config, warnUnread ? [file] : undefined);
  const pm = loadPostmortem(file, io);
  if (!pm) return null;
  return noticeForPostmortem(file, pm, channel, options, project, io, standalone);
}

/**
 * `noticeForFile` for a postmortem already read with a config already loaded, for commands that
 * render several notices (one per file and language) from one config. `file` is the path as given.
 */
export async function noticeForPostmortem(
  file: string,
  pm: Postmortem,
  channel: NoticeChannel,
  options: NoticeTextOptions,
  project: ProjectConfig,
  io: Io,
  standalone: boolean,
): Promise<ReadyNotice | null> {
  let notice: PreparedNotice;
  try {
    notice = await prepareNotice(
      pm,
      {
        channel,
        lang: options.lang,
        timezone: options.timezone,
        standalone,
        templatesDir: options.templates ? resolve(io.cwd, options.templates) : undefined,
        format: project.format,
      },
      project.rules,
    );
  } catch (error) {
    if (error instanceof UnsafeTextError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
  if (notice.ok) {
    printProblems(io, pm.path, notice.warnings);
    return notice;
  }
  printProblems(io, pm.path, notice.problems);
  io.stderr.write(
    notice.stage === 'invalid'
      ? `Fix these problems first (\`${lintCommandFor(file, options.config)}\` lists them too).\n`
      : `The ${notice.lang} notice is not ready for customers; fix the wording in the \`notice\` block and run this again.\n`,
  );
  return null;
}
