import { resolve } from 'node:path';
import { FileExistsError, isTimeZone, writeFileAtomic, type Postmortem } from '../../model/index.js';
import { checkPostmortem } from '../../lint/check.js';
import { checkNotice } from '../../notice/checks.js';
import type { NoticeLanguage } from '../../notice/datetime.js';
import {
  buildNoticeView,
  NOTICE_CHANNELS,
  noticeLanguages,
  type NoticeChannel,
  type NoticeView,
} from '../../notice/view.js';
import { TemplateError } from '../../render/engine.js';
import { UnsafeTextError } from '../../render/escape.js';
import { renderNotice } from '../../render/notice.js';
import { InputError, RuntimeError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadProjectConfig } from '../project.js';
import { loadPostmortem } from '../load.js';
import { printProblems } from '../report.js';

/** Options shared by `notice` and `publish` for turning a postmortem into notice text. */
export interface NoticeTextOptions {
  lang?: string;
  timezone?: string;
  templates?: string;
  config?: string;
}

/** Options of `postmortem notice`. */
export interface NoticeOptions extends NoticeTextOptions {
  channel?: string;
  out?: string;
  force?: boolean;
}

/** The customers' time zone: `--timezone` (checked) or the machine's. */
export function resolveTimeZone(zone: string | undefined): string {
  if (zone === undefined) return Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isTimeZone(zone))
    throw new UsageError(`--timezone: expected an IANA time zone such as Europe/Berlin or UTC, found "${zone}".`);
  return zone;
}

/**
 * Loads, validates and checks a postmortem's notice, then renders it for a channel.
 * Returns the text, or null after printing problems (the caller exits 1).
 */
export async function prepareNotice(
  file: string,
  channel: NoticeChannel,
  options: NoticeTextOptions,
  io: Io,
  standalone: boolean,
): Promise<{ pm: Postmortem; lang: NoticeLanguage; view: NoticeView; text: string } | null> {
  const timeZone = resolveTimeZone(options.timezone);
  if (options.lang !== undefined && options.lang !== 'en' && options.lang !== 'de') {
    throw new UsageError(`--lang: expected en or de, found "${options.lang}".`);
  }
  const { format, internalPatterns } = await loadProjectConfig(io, options.config);
  const pm = await loadPostmortem(file, io);
  if (!pm) return null;
  const errors = checkPostmortem(pm, { ...format, idMatchesFileName: false });
  if (errors.length > 0) {
    printProblems(io, pm.path, errors);
    io.stderr.write(`Fix these problems first (\`postmortem lint ${file}\` lists them too).\n`);
    return null;
  }
  const lang = (options.lang ?? noticeLanguages(pm)[0] ?? 'en') as NoticeLanguage;
  const problems = checkNotice(pm, { lang, internalPatterns });
  if (problems.length > 0) {
    printProblems(io, pm.path, problems);
    io.stderr.write(
      `The ${lang} notice is not ready for customers; fix the wording in the \`notice\` block and run this again.\n`,
    );
    return null;
  }
  const view = buildNoticeView(pm, { lang, timeZone, standalone });
  try {
    const text = await renderNotice(
      view,
      channel,
      options.templates ? { templatesDir: resolve(io.cwd, options.templates) } : {},
    );
    return { pm, lang, view, text };
  } catch (error) {
    if (error instanceof TemplateError) throw new RuntimeError(error.message);
    if (error instanceof UnsafeTextError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/** `postmortem notice FILE`: checks the notice and renders it for a channel to stdout or --out. */
export async function noticeCommand(file: string, options: NoticeOptions, io: Io): Promise<number> {
  const channel = (options.channel ?? 'blog') as NoticeChannel;
  if (!NOTICE_CHANNELS.includes(channel)) {
    throw new UsageError(`--channel: expected one of ${NOTICE_CHANNELS.join(', ')}, found "${options.channel}".`);
  }
  const notice = await prepareNotice(file, channel, options, io, true);
  if (!notice) return 1;
  if (!options.out) {
    io.stdout.write(notice.text);
    return 0;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, options.out), notice.text, { force: options.force ?? false });
  } catch (error) {
    if (error instanceof FileExistsError)
      throw new RuntimeError(`${options.out} already exists; use --force to overwrite it.`);
    throw error;
  }
  io.stderr.write(`Wrote ${options.out}\n`);
  return 0;
}
