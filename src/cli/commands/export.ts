import { resolve } from 'node:path';
import { buildAtomFeed, type FeedSite } from '../../export/atom.js';
import type { ExportedNotice } from '../../export/notices.js';
import { buildStatuspageIncidents } from '../../export/statuspage.js';
import { noticeSettingsOf } from '../../lint/notice-settings.js';
import { SITE_FLAVORS, type SiteFlavor } from '../../publish/flavors.js';
import { noticesOf } from '../export-notices.js';
import { UsageError } from '../errors.js';
import { writeOutputFile, type Io } from '../io.js';
import { findProjectFiles, loadProjectConfig } from '../project.js';
import { LANGUAGES, isLanguage } from '../../language/index.js';

/** Options of `postmortem export`. */
export interface ExportOptions {
  format?: string;
  url?: string;
  title?: string;
  out?: string;
  force?: boolean;
  lang?: string;
  timezone?: string;
  config?: string;
  flavor?: string;
  siteLang?: string;
  section?: string;
}

/** Per format: the default output file and the postmortem statuses it takes. */
const FORMATS = {
  statuspage: { out: 'incidents.json', statuses: ['final', 'published'] },
  atom: { out: 'incidents.atom', statuses: ['published'] },
} as const;

/** Export formats. */
const EXPORT_FORMATS = Object.keys(FORMATS) as Array<keyof typeof FORMATS>;

function checkOptions(options: ExportOptions): { format: keyof typeof FORMATS; url: string } {
  const format = (options.format ?? 'statuspage') as keyof typeof FORMATS;
  if (!(format in FORMATS))
    throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, found "${options.format}".`);
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
  if (options.lang !== undefined && !isLanguage(options.lang))
    throw new UsageError(`--lang: expected one of ${LANGUAGES.join(', ')}, found "${options.lang}".`);
  if (options.flavor !== undefined && !SITE_FLAVORS.includes(options.flavor as SiteFlavor))
    throw new UsageError(`--flavor: expected one of ${SITE_FLAVORS.join(', ')}, found "${options.flavor}".`);
  if (options.siteLang !== undefined && !isLanguage(options.siteLang))
    throw new UsageError(`--site-lang: expected one of ${LANGUAGES.join(', ')}, found "${options.siteLang}".`);
  return { format, url: options.url as string };
}

/** The site the feed's entries link into; Jekyll (GitHub Pages) in English unless told otherwise. */
function feedSite(options: ExportOptions): FeedSite {
  return {
    flavor: (options.flavor ?? 'jekyll') as SiteFlavor,
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
