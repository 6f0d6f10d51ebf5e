import { missingDisplayNames, serviceDisplayName, serviceIds } from '../export/display-names.js';
import type { ExportedNotice } from '../export/notices.js';
import { isRecord, readPostmortemFile } from '../model/index.js';
import { noticeLanguages } from '../notice/view.js';
import { renderNotice } from '../render/notice.js';
// The notice command's own loading, validation, checks and rendering, so an export refuses what
// `postmortem notice` refuses. (Merge note: the notice branch names this `noticeForFile` in ./notice-input.js.)
import { prepareNotice } from './commands/notice.js';
import type { Io } from './io.js';
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
  // The customers' zone: the flag, else the zone the incident was lived in, else UTC; never the machine's.
  // (Merge note: once the notice module picks the zone itself, pass only options.timezone.)
  const timezone = options.timezone ?? (typeof pm.data.timezone === 'string' ? pm.data.timezone : 'UTC');
  const out: ExportedNotice[] = [];
  let ok = true;
  for (const lang of languages) {
    const missing = missingDisplayNames(pm, lang);
    if (missing.length > 0) {
      printProblems(io, file, missing);
      ok = false;
      continue;
    }
    const prepared = await prepareNotice(file, 'status', { lang, timezone, config: options.config }, io, true);
    if (!prepared) {
      ok = false;
      continue;
    }
    const components = serviceIds(pm).map((id) => ({ key: id, name: serviceDisplayName(pm, id, lang) }));
    const services = new Intl.ListFormat(lang === 'de' ? 'de-DE' : 'en-US', { type: 'conjunction' }).format(
      components.map((c) => c.name),
    );
    // The notice must name services as customers know them, whichever way the view wrote them.
    const rendered =
      prepared.view.services === services
        ? prepared.text
        : await renderNotice({ ...prepared.view, services }, 'status');
    // The headline is the incident's name already; the text starts after it.
    const headline = `${prepared.view.headline}\n\n`;
    const text = rendered.startsWith(headline) ? rendered.slice(headline.length) : rendered;
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
