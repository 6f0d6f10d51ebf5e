/**
 * The zone customers read times in, and its name as they say it. Never the machine's zone: a
 * notice rendered on a laptop in Berlin and on a CI runner in UTC must say the same.
 */
import { offsetOf } from '../model/timestamp.js';
import { isTimeZone } from '../model/timezone.js';
import type { NoticeZone } from '../language/clock.js';

/** An IANA zone, or the fixed offset of `started` when nothing names a zone. */
export type { NoticeZone } from '../language/clock.js';

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

/**
 * The candidates, strongest first: the flag, the config's zone for the notice's language (where
 * `notice.timezone` maps languages to zones), the file's `timezone`, the config's single
 * `notice.timezone`, `started`.
 */
export interface ZoneCandidates {
  flag?: string | undefined;
  /** The config's zone for the readers of one language: those readers live there, whatever the file says. */
  configForLanguage?: string | undefined;
  file?: unknown;
  config?: string | undefined;
  started?: unknown;
}

/**
 * Picks the zone (FORMAT v1.2): `--timezone`, else the config's zone for the language, else the
 * file's `timezone`, else the config's single `notice.timezone`, else the fixed offset of `started`
 * (UTC when even that is missing). An unknown zone name gives `{ invalid: source }`, so that the
 * caller can report it where it was written.
 */
export function resolveNoticeZone(
  c: ZoneCandidates,
): { zone: NoticeZone; source: ZoneSource } | { invalid: ZoneSource } {
  const named: Array<[ZoneSource, unknown]> = [
    ['--timezone', c.flag],
    ['notice.timezone', c.configForLanguage],
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
