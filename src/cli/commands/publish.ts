import { resolve } from 'node:path';
import { publishNoticeLanguages, type PreparePost, type PublishResult } from '../../publish/publish.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { displayPath } from '../report.js';
import { noticeForFile } from '../notice-input.js';
import type { OptionsOf, PUBLISH_OPTIONS } from '../options.js';

/** Options of `postmortem publish`. */
export type PublishOptions = OptionsOf<typeof PUBLISH_OPTIONS>;

/** `postmortem publish FILE --site DIR`: commits the blog notice, one post per language, on a branch of the site. */
export async function publishCommand(file: string, options: PublishOptions, io: Io): Promise<number> {
  if (!options.site)
    throw new UsageError('--site: expected the folder of the blog or status-page repository, found none.');
  const site = resolve(io.cwd, options.site);
  // noticeForFile prints a notice's problems itself; null then means exit 1. It reads the config for
  // each language; an unread config nearer to the file is named once.
  let first = true;
  const prepare: PreparePost = async (lang) => {
    const notice = await noticeForFile(file, 'blog', { ...options, ...(lang ? { lang } : {}) }, io, false, first);
    first = false;
    if (!notice) return null;
    const { headline, summary } = notice.view;
    return {
      pm: notice.pm,
      post: { lang: notice.lang, title: headline, summary, body: notice.text },
    };
  };
  const result = await publishNoticeLanguages(prepare, {
    site,
    mode: options.dryRun ? 'dry-run' : options.commit === false ? 'write' : 'commit',
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.flavor ? { flavor: options.flavor } : {}),
    ...(options.section ? { section: options.section } : {}),
    ...(options.base ? { base: options.base } : {}),
    ...(options.allowDraft ? { allowDraft: true } : {}),
  });
  if (!result) return 1;
  for (const warning of result.warnings) io.stderr.write(`${io.errorColor.yellow('warning')} ${warning}\n`);
  io.stderr.write(summarise(result, displayPath(site, io.cwd) || '.'));
  if (result.mode === 'dry-run') io.stdout.write(result.diff ?? '');
  return 0;
}

/** What happened, for people: the files, the branch, and the commands to look at it and push it. */
function summarise(result: PublishResult, shownSite: string): string {
  const langs = result.files.map((f) => f.lang).join(', ');
  const changed = result.files.filter((f) => f.action !== 'unchanged');
  const lines = changed
    .map((f) => `  ${f.action === 'created' ? 'new' : 'updated'}: ${shownSite}/${f.path}\n`)
    .join('');
  const where = `branch ${result.branch}${result.newBranch ? ` (new, from ${result.base})` : ''}`;
  if (result.mode === 'write') {
    if (result.unchanged) return `The ${result.flavor} posts (${langs}) are already up to date; nothing to write.\n`;
    return `Wrote ${changed.length} ${result.flavor} post(s); not committed (--no-commit):\n${lines}`;
  }
  if (result.unchanged)
    return `${result.branch} already holds these ${result.flavor} posts (${langs}); nothing to commit.\n`;
  if (result.mode === 'dry-run')
    return `Would commit ${changed.length} ${result.flavor} post(s) to ${where}; nothing was changed:\n${lines}`;
  return (
    `Committed ${changed.length} ${result.flavor} post(s) to ${where} as ${result.commit?.slice(0, 7)}:\n${lines}` +
    `The site's checked-out branch, index and files were not touched. Review the branch, then push it:\n` +
    `  git -C ${shownSite} log -p ${result.branch}\n` +
    `  git -C ${shownSite} push origin ${result.branch}\n`
  );
}
