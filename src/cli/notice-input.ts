import { resolve } from 'node:path';
import { NoticeRequestError, prepareNotice, type PreparedNotice } from '../notice/prepare.js';
import type { NoticeChannel } from '../notice/view.js';
import { TemplateError } from '../render/engine.js';
import { UnsafeTextError } from '../render/escape.js';
import { InputError, RuntimeError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { loadPostmortem } from './load.js';
import { loadProjectConfig } from './project.js';
import { printProblems } from './report.js';

/** Options shared by `notice` and `publish` for turning a postmortem into notice text. */
export interface NoticeTextOptions {
  lang?: string;
  timezone?: string;
  templates?: string;
  config?: string;
}

/**
 * Reads the file and the project config, prepares the notice through the core, and prints what
 * stops it (or its warnings). Returns the notice, or null after printing problems (exit 1).
 */
export async function noticeForFile(
  file: string,
  channel: NoticeChannel,
  options: NoticeTextOptions,
  io: Io,
  standalone: boolean,
): Promise<Extract<PreparedNotice, { ok: true }> | null> {
  const { format, rules } = await loadProjectConfig(io, options.config);
  const pm = await loadPostmortem(file, io);
  if (!pm) return null;
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
        format,
      },
      rules,
    );
  } catch (error) {
    if (error instanceof NoticeRequestError) throw new UsageError(error.message);
    if (error instanceof TemplateError) throw new RuntimeError(error.message);
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
      ? `Fix these problems first (\`postmortem lint ${file}\` lists them too).\n`
      : `The ${notice.lang} notice is not ready for customers; fix the wording in the \`notice\` block and run this again.\n`,
  );
  return null;
}
