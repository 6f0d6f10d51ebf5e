import { resolve } from 'node:path';
import { NOTICE_CHANNELS, type NoticeChannel } from '../../notice/view.js';
import { UsageError } from '../errors.js';
import { writeOutputFile, type Io } from '../io.js';
import { noticeForFile, type NoticeTextOptions } from '../notice-input.js';

export type { NoticeTextOptions } from '../notice-input.js';

/** Options of `postmortem notice`. */
export interface NoticeOptions extends NoticeTextOptions {
  channel?: string;
  out?: string;
  force?: boolean;
}

/** `postmortem notice FILE`: checks the notice and renders it for a channel to stdout or --out. */
export async function noticeCommand(file: string, options: NoticeOptions, io: Io): Promise<number> {
  const channel = (options.channel ?? 'blog') as NoticeChannel;
  if (!NOTICE_CHANNELS.includes(channel)) {
    throw new UsageError(`--channel: expected one of ${NOTICE_CHANNELS.join(', ')}, found "${options.channel}".`);
  }
  const notice = await noticeForFile(file, channel, options, io, true);
  if (!notice) return 1;
  if (!options.out) {
    io.stdout.write(notice.text);
    return 0;
  }
  await writeOutputFile(resolve(io.cwd, options.out), notice.text, {
    force: options.force ?? false,
    shownAs: options.out,
  });
  io.stderr.write(`Wrote ${options.out}\n`);
  return 0;
}
