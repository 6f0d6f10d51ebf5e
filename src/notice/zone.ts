/**
 * The zone customers read times in, and its name as they say it. Never the machine's zone: a
 * notice rendered on a laptop in Berlin and on a CI runner in UTC must say the same.
 */
import { isTimeZone, offsetOf } from '../model/index.js';

/** An IANA zone, or the fixed offset of `started` when nothing names a zone. */
export type NoticeZone = { kind: 'iana'; name: string } | { kind: 'offset'; minutes: number };

/** Where the zone came from, for messages. */
export type ZoneSource = '--timezone' | 'timezone' | 'notice.timezone' | 'started';

/** A fixed offset a file's `timezone` may hold (`new` takes one where no zone name is known: "+02:00"), in minutes. */
function fileOffset(value: unknown): number | null {
  return typeof value === 'string' && /^(Z|[+-]\d{2}:\d{2})$/.test(value) ? offsetOf(value) : null;
}

/** True when a file's `timezone` is a zone notices can use: an IANA name (or UTC) or a fixed offset. */
export function isFileZone(value: unknown): boolean {
  return fileOffset(value) !== null || (typeof value === 'string' && isTimeZone(value));
}

/** The candidates, strongest first: the flag, the file's `timezone`, the config's `notice.timezone`, `started`. */
export interface ZoneCandidates {
  flag?: string | undefined;
  file?: unknown;
  config?: string | undefined;
  started?: unknown;
}

/**
 * Picks the zone: `--timezone`, else the file's `timezone`, else the config's `notice.timezone`,
 * else the fixed offset of `started` (UTC when even that is missing). An unknown zone name gives
 * `{ invalid: source }`, so that the caller can report it where it was written.
 */
export function resolveNoticeZone(
  c: ZoneCandidates,
): { zone: NoticeZone; source: ZoneSource } | { invalid: ZoneSource } {
  const named: Array<[ZoneSource, unknown]> = [
    ['--timezone', c.flag],
    ['timezone', c.file],
    ['notice.timezone', c.config],
  ];
  for (const [source, value] of named) {
    if (value === undefined || value === null) continue;
    const offset = source === 'timezone' ? fileOffset(value) : null;
    if (offset !== null) return { zone: { kind: 'offset', minutes: offset }, source };
    if (typeof value !== 'string' || !isTimeZone(value)) return { invalid: source };
    return { zone: { kind: 'iana', name: value }, source };
  }
  const minutes = typeof c.started === 'string' ? offsetOf(c.started) : null;
  return { zone: { kind: 'offset', minutes: minutes ?? 0 }, source: 'started' };
}

/** What Intl needs to show an instant in a zone: a zone it knows and the instant to show. */
export function intlZone(ms: number, zone: NoticeZone): { timeZone: string; ms: number } {
  // Node 20's Intl knows no offset zones ("+02:00"); shifting the instant and reading it in UTC does the same.
  return zone.kind === 'iana' ? { timeZone: zone.name, ms } : { timeZone: 'UTC', ms: ms + zone.minutes * 60_000 };
}

function zonePart(ms: number, locale: string, timeZone: string, style: 'short' | 'long'): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** An abbreviation people use ("MESZ", "CEST", "EDT"), not a made-up one such as "GMT+2". */
const ABBREVIATION = /^\p{Lu}{2,5}$/u;

/**
 * The zone's name at an instant as customers say it: "UTC" for UTC; in German "MEZ"/"MESZ" or the
 * zone spelled out; in English "EDT", "CEST" or the zone spelled out; "UTC+2" for a fixed offset.
 */
export function zoneLabel(ms: number, lang: 'en' | 'de', zone: NoticeZone): string {
  if (zone.kind === 'offset') {
    if (zone.minutes === 0) return 'UTC';
    const abs = Math.abs(zone.minutes);
    const minutes = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
    return `UTC${zone.minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${minutes}`;
  }
  const tz = zone.name;
  if (zonePart(ms, 'en-US', tz, 'long') === 'Coordinated Universal Time') return 'UTC';
  const locales = lang === 'de' ? ['de-DE'] : ['en-US', 'en-GB'];
  for (const locale of locales) {
    const short = zonePart(ms, locale, tz, 'short');
    if (ABBREVIATION.test(short) && short !== 'UTC') return short;
  }
  return zonePart(ms, lang === 'de' ? 'de-DE' : 'en-US', tz, 'long');
}
