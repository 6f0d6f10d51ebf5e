import { resolve } from 'node:path';
import { firstSentence } from '../../notice/view.js';
import { SITE_FLAVORS, type SiteFlavor } from '../../publish/flavors.js';
import { PublishError, publishNotice } from '../../publish/publish.js';
import { InputError, RuntimeError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { displayPath } from '../report.js';
import { noticeForFile, type NoticeTextOptions } from '../notice-input.js';

/** Options of `postmortem publish`. */
export interface PublishOptions extends NoticeTextOptions {
  site?: string;
  flavor?: string;
  section?: string;
  /** False with `--no-commit`. */
  commit?: boolean;
  dryRun?: boolean;
  allowDraft?: boolean;
}

/** `postmortem publish FILE --site DIR`: writes the blog notice into a site and commits it on a branch. */
export async function publishCommand(file: string, options: PublishOptions, io: Io): Promise<number> {
  if (!options.site)
    throw new UsageError('--site: expected the folder of the blog or status-page repository, found none.');
  if (options.flavor !== undefined && !SITE_FLAVORS.includes(options.flavor as SiteFlavor)) {
    throw new UsageError(`--flavor: expected one of ${SITE_FLAVORS.join(', ')}, found "${options.flavor}".`);
  }
  const notice = await noticeForFile(file, 'blog', options, io, false);
  if (!notice) return 1;
  const site = resolve(io.cwd, options.site);
  const mode = options.dryRun ? 'dry-run' : options.commit === false ? 'write' : 'commit';
  let result;
  try {
    result = await publishNotice({
      pm: notice.pm,
      site,
      body: notice.text,
      title: notice.view.headline,
      summary: firstSentence(notice.view.whatHappened),
      mode,
      ...(options.flavor ? { flavor: options.flavor as SiteFlavor } : {}),
      ...(options.section ? { section: options.section } : {}),
      ...(options.allowDraft ? { allowDraft: true } : {}),
    });
  } catch (error) {
    if (error instanceof PublishError)
      throw error.kind === 'refused' ? new InputError(error.message) : new RuntimeError(error.message);
    throw error;
  }
  const shownSite = displayPath(site, io.cwd) || '.';
  const shownPath = `${shownSite}/${result.path}`;
  if (result.action === 'dry-run') {
    io.stderr.write(`Would write ${shownPath} (${result.flavor}); nothing was changed.\n`);
    io.stdout.write(result.content);
    return 0;
  }
  if (result.action === 'unchanged') {
    io.stderr.write(`${shownPath} is already up to date; nothing to commit.\n`);
    return 0;
  }
  const verb = result.action === 'created' ? 'Wrote' : 'Updated';
  if (!result.branch) {
    io.stderr.write(`${verb} ${shownPath} (${result.flavor}); not committed (--no-commit).\n`);
    return 0;
  }
  io.stderr.write(
    `${verb} ${shownPath} (${result.flavor}) and committed it on branch ${result.branch} (${result.commit?.slice(0, 7)}).\n` +
      `Review it, then push it with:\n  git -C ${shownSite} push -u origin ${result.branch}\n`,
  );
  return 0;
}
