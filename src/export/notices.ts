/** What an export needs of one customer notice in one language; built by the command, read by the formats. */
import { createHash } from 'node:crypto';

/** One postmortem's notice in one language, checked and rendered, with the facts the formats map. */
export interface ExportedNotice {
  /** The postmortem id (`2018-05-15-crm-release-rollback`); never a service id. */
  postmortemId: string;
  lang: string;
  headline: string;
  /** The notice as the `status` channel renders it: a few plain sentences. */
  text: string;
  severity: string;
  /** Moments in the front matter's offset, as RFC 3339 with seconds. */
  started: string;
  detected?: string;
  mitigated?: string;
  resolved?: string;
  /** Affected services by display name, in the file's order; ids never reach an export. */
  components: Array<{ key: string; name: string }>;
}

/** Where the export is published: the status page or site it describes. */
export interface ExportTarget {
  /** The page's public address, e.g. https://status.example.com. */
  url: string;
  /** The page's name, e.g. "Relata Status". */
  title: string;
}

/** The last moment the notice states: resolved, else mitigated, detected or started. */
export function lastMoment(notice: ExportedNotice): string {
  return notice.resolved ?? notice.mitigated ?? notice.detected ?? notice.started;
}

/** Epoch milliseconds of an ISO timestamp, for sorting. */
function instant(text: string): number {
  return Date.parse(text);
}

/** Notices newest first (by start), then by id and language, so an export is stable. */
export function newestFirst(notices: readonly ExportedNotice[]): ExportedNotice[] {
  return [...notices].sort(
    (a, b) =>
      instant(b.started) - instant(a.started) ||
      a.postmortemId.localeCompare(b.postmortemId) ||
      a.lang.localeCompare(b.lang),
  );
}

/** The latest of the notices' last moments, or null without notices. */
export function latestMoment(notices: readonly ExportedNotice[]): string | null {
  let latest: string | null = null;
  for (const n of notices) {
    const t = lastMoment(n);
    if (latest === null || instant(t) > instant(latest)) latest = t;
  }
  return latest;
}

/** A stable 12-character id like Statuspage's, from text that must not itself be shown. */
export function opaqueId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
