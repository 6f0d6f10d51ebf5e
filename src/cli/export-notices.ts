import type { ExportedNotice } from '../export/notices.js';
import { isRecord, readPostmortemFile } from '../model/index.js';
import { serviceDisplayName, serviceIds } from '../notice/facts-checks.js';
import { noticeSettingsOf } from '../notice/settings.js';
import { noticeLanguages } from '../notice/view.js';
import type { Io } from './io.js';
// The notice command's own loading, validation, checks and rendering, so an export refuses what
// `postmortem notice` refuses (a service without a display name among them).
import { noticeForFile } from './notice-input.js';
import { loadProjectConfig } from './project.js';
import { displayPath, printProblems } from './report.js';

/** What `export` takes from the command line for each notice. */
export interface NoticeExportOptions {
  lang?: string;
  timezone?: string;
  config?: string;
}

/** Turns one postmortem into checked notices, one per language; null after printing its problems. */
export async function noticesOf(
  file: string,
  options: NoticeExportOptions,
  io: Io,
  skipped: string[],
  statuses: readonly string[],
) {
  const read = await readPostmortemFile(file);
  if (read.problems.length > 0) {
    printProblems(io, file, read.problems);
    return null;
  }
  const pm = read.postmortem;
  const languages = noticeLanguages(pm).filter((l) => options.lang === undefined || l === options.lang);
  const reason = !statuses.includes(String(pm.data.status))
    ? `status ${String(pm.data.status)}`
    : !isRecord(pm.data.notice)
      ? 'no notice'
      : languages.length === 0
        ? `no ${options.lang} notice`
        : null;
  if (reason !== null) {
    skipped.push(`${displayPath(file, io.cwd)} (${reason})`);
    return [];
  }
  const settings = noticeSettingsOf((await loadProjectConfig(io, options.config)).config);
  const out: ExportedNotice[] = [];
  let ok = true;
  for (const lang of languages) {
    // The zone is the notice's own choice: --timezone, the file's, the config's, then started's offset.
    const prepared = await noticeForFile(
      file,
      'status',
      { lang, ...(options.timezone ? { timezone: options.timezone } : {}), config: options.config },
      io,
      true,
    );
    if (!prepared) {
      ok = false;
      continue;
    }
    const components = serviceIds(pm).map((id) => ({ key: id, name: serviceDisplayName(pm, settings, id, lang) }));
    // The headline is the incident's name already; the text starts after it.
    const headline = `${prepared.view.headline}\n\n`;
    const text = prepared.text.startsWith(headline) ? prepared.text.slice(headline.length) : prepared.text;
    const moment = (key: string) => {
      const v = pm.data[key];
      return typeof v === 'string' ? v : undefined;
    };
    out.push({
      postmortemId: String(pm.data.id),
      lang,
      headline: prepared.view.headline,
      text,
      severity: String(pm.data.severity),
      started: moment('started') as string,
      detected: moment('detected'),
      mitigated: moment('mitigated'),
      resolved: moment('resolved'),
      components,
    });
  }
  return ok ? out : null;
}
