import { resolve } from 'node:path';
import { buildAtomFeed, type FeedSite } from '../../export/atom.js';
import type { ExportedNotice } from '../../export/notices.js';
import { buildStatuspageIncidents } from '../../export/statuspage.js';
import { noticeSettingsOf } from '../../lint/notice-settings.js';
import { noticesOf } from '../export-notices.js';
import { UsageError } from '../errors.js';
import { writeOutputFile, type Io } from '../io.js';
import { findProjectFiles, loadProjectConfig, warnUnreadConfigs } from '../project.js';
import type { EXPORT_FORMATS, OptionsOf, EXPORT_OPTIONS } from '../options.js';

type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of `postmortem export`. */
export type ExportOptions = OptionsOf<typeof EXPORT_OPTIONS>;

/** Per format (commander has checked the choice): the default output file and the postmortem statuses it takes. */
const FORMATS = {
  statuspage: { out: 'incidents.json', statuses: ['final', 'published'] },
  atom: { out: 'incidents.atom', statuses: ['published'] },
} as const satisfies Record<ExportFormat, { out: string; statuses: readonly string[] }>;

function checkOptions(options: ExportOptions): { format: ExportFormat; url: string } {
  const { format } = options;
  let url: URL | null;
  try {
    url = new URL(options.url ?? '');
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol))
    throw new UsageError(
      `--url: expected the public address of the status page, e.g. https://status.example.com, found ${options.url ? `"${options.url}"` : 'none'}.`,
    );
  return { format, url: options.url };
}

/** The site the feed's entries link into; Jekyll (GitHub Pages) in English unless told otherwise. */
function feedSite(options: ExportOptions): FeedSite {
  return {
    flavor: options.flavor ?? 'jekyll',
    siteLang: options.siteLang ?? 'en',
    section: options.section ?? 'posts',
  };
}

/** `postmortem export [PATHS...] --format statuspage|atom --url URL`: customer notices for status pages and feeds. */
export async function exportCommand(paths: string[], options: ExportOptions, io: Io): Promise<number> {
  const { format, url } = checkOptions(options);
  // One config for every file, as lint reads it: display names, zone, company, checks.
  const project = await loadProjectConfig(io, options.config);
  // A path that matches nothing is a usage error (NoFilesError), which run() reports with exit 2.
  const files = findProjectFiles(paths, io, project);
  // Customers read what the config says (zone, names, company): name one beside the files that is not read.
  if (!options.config) warnUnreadConfigs(files, io, project.configPath);
  const settings = noticeSettingsOf(project.rules);
  const notices: ExportedNotice[] = [];
  const skipped: string[] = [];
  let failed = 0;
  for (const file of files) {
    const found = await noticesOf(file, options, { project, settings }, io, skipped, FORMATS[format].statuses);
    if (found) notices.push(...found);
    else failed += 1;
  }
  if (failed > 0) {
    io.stderr.write(
      `Nothing written: ${failed} postmortem(s) above are not ready for customers; fix them and run this again.\n`,
    );
    return 1;
  }
  // The page is the company's status page when the config names the company ("Relata status").
  const target = { url, title: options.title ?? (settings.company ? `${settings.company} status` : 'Incidents') };
  const content =
    format === 'atom'
      ? buildAtomFeed(notices, target, feedSite(options))
      : `${JSON.stringify(buildStatuspageIncidents(notices, target), null, 2)}\n`;
  const out = options.out ?? FORMATS[format].out;
  if (out === '-') io.stdout.write(content);
  else {
    await writeOutputFile(resolve(io.cwd, out), content, { force: options.force ?? false, shownAs: out });
  }
  const from = new Set(notices.map((n) => n.postmortemId)).size;
  io.stderr.write(
    `${out === '-' ? 'Exported' : `Wrote ${out}:`} ${notices.length} notice(s) from ${from} postmortem(s).\n`,
  );
  for (const s of skipped) io.stderr.write(`  skipped ${s}\n`);
  return 0;
}
