import type { ExportedNotice } from '../export/notices.js';
import { toRfc3339 } from '../model/index.js';
import { customerServices } from '../notice/facts-checks.js';
import type { NoticeSettings } from '../notice/settings.js';
import { noticeLanguages } from '../notice/view.js';
import { noticeBlock } from '../notice/wording-checks.js';
import type { Io } from './io.js';
import { loadPostmortem } from './load.js';
// The notice command's own validation, checks and rendering, so an export refuses what
// `postmortem notice` refuses (a service without a display name among them).
import { noticeForPostmortem } from './notice-input.js';
import type { ProjectConfig } from './project.js';
import { displayPath } from './report.js';

/** What `export` takes from the command line for each notice. */
export interface NoticeExportOptions {
  lang?: string;
  timezone?: string;
  /** `--config` as given, for the `postmortem lint` command a refusal points to. */
  config?: string;
}

/** The project config, loaded once for the whole export, and the notice settings read from it. */
export interface ExportProject {
  project: ProjectConfig;
  settings: NoticeSettings;
}

/** Turns one postmortem into checked notices, one per language; null after printing its problems. */
export async function noticesOf(
  file: string,
  options: NoticeExportOptions,
  { project, settings }: ExportProject,
  io: Io,
  skipped: string[],
  statuses: readonly string[],
): Promise<ExportedNotice[] | null> {
  const pm = loadPostmortem(file, io);
  if (!pm) return null;
  const languages = noticeLanguages(pm).filter((l) => options.lang === undefined || l === options.lang);
  const reason = !statuses.includes(String(pm.data.status))
    ? `status ${String(pm.data.status)}`
    : noticeBlock(pm) === null
      ? 'no notice'
      : languages.length === 0
        ? `no ${options.lang} notice`
        : null;
  if (reason !== null) {
    skipped.push(`${displayPath(pm.path, io.cwd)} (${reason})`);
    return [];
  }
  // RFC 3339 with seconds, which Atom and Statuspage's readers require and the front matter may leave out.
  const moment = (key: string) => {
    const v = pm.data[key];
    return typeof v === 'string' ? (toRfc3339(v) ?? v) : undefined;
  };
  const out: ExportedNotice[] = [];
  let ok = true;
  for (const lang of languages) {
    // The notice module picks the zone (--timezone, the file's, the config's, started's offset).
    const given = { ...(options.timezone ? { timezone: options.timezone } : {}), config: options.config };
    // Not standalone: the headline is the incident's name already, so the text leaves it out.
    const prepared = await noticeForPostmortem(file, pm, 'status', { lang, ...given }, project, io, false);
    if (!prepared) {
      ok = false;
      continue;
    }
    out.push({
      postmortemId: String(pm.data.id),
      lang,
      headline: prepared.view.headline,
      text: prepared.text,
      severity: String(pm.data.severity),
      started: moment('started') as string,
      detected: moment('detected'),
      mitigated: moment('mitigated'),
      resolved: moment('resolved'),
      // The services the text names, by the same lookup: one component per name customers read.
      components: customerServices(pm, settings, lang).map(({ id, name }) => ({ key: id, name })),
    });
  }
  return ok ? out : null;
}
