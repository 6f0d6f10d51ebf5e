import { resolve } from 'node:path';
import { writeOutputFile, type Io } from '../io.js';
import { noticeForFile } from '../notice-input.js';
import type { OptionsOf, NOTICE_OPTIONS } from '../options.js';

export type { NoticeTextOptions } from '../notice-input.js';

/** Options of `postmortem notice`. */
export type NoticeOptions = OptionsOf<typeof NOTICE_OPTIONS>;

/** `postmortem notice FILE`: checks the notice and renders it for a channel to stdout or --out. */
export async function noticeCommand(file: string, options: NoticeOptions, io: Io): Promise<number> {
  // commander has checked the choices (options.ts).
  const notice = await noticeForFile(file, options.channel, options, io, true);
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
