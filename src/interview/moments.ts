import {
  formatInstant,
  formatOffset,
  formatTimelineInstant,
  isIsoDate,
  isTimeZone,
  normaliseZone,
  offsetForWallTime,
  offsetOf,
  parseInstant,
  zoneOffsetAt as ianaOffsetAt,
} from '../model/index.js';

/** A zone written as an offset (`Z`, `UTC`, `+02:00`, `+0200`) rather than a name. */
const OFFSET_ZONE = /^(Z|UTC|[+-]\d{2}:?\d{2})$/;

/** A moment as typed: a date and time with an optional zone, or only a time of day. */
const DATE_TIME_INPUT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/;
const TIME_INPUT = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** The same with a German-style date first: `21.09.2017 14:02`. */
const DOTTED_INPUT = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/;

/** The machine's IANA time zone, as Intl reports it (the default answer to the zone question). */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** True when `zone` is an offset or an IANA time-zone name Intl knows. */
export function isKnownZone(zone: string): boolean {
  if (OFFSET_ZONE.test(zone)) {
    const z = normaliseZone(zone);
    return z === 'Z' || (Number(z.slice(1, 3)) <= 14 && Number(z.slice(4, 6)) <= 59);
  }
  return isTimeZone(zone);
}

/** The offset (minutes east of UTC) of `zone` (a name or an offset) at the instant `ms`. */
export function zoneOffsetAt(zone: string, ms: number): number {
  if (OFFSET_ZONE.test(zone)) return offsetOf(normaliseZone(zone).replace(/^Z$/, '+00:00')) ?? 0;
  return ianaOffsetAt(zone, ms) ?? 0;
}

/** The instant of a wall-clock time in `zone`; around a DST change, see `offsetForWallTime`. */
export function wallTimeToInstant(date: string, time: string, zone: string): { ms: number; offset: number } | null {
  const asUtc = parseInstant(`${date}T${time}Z`);
  if (asUtc === null) return null;
  const offset = OFFSET_ZONE.test(zone) ? zoneOffsetAt(zone, asUtc) : offsetForWallTime(zone, asUtc);
  if (offset === null) return null;
  return { ms: asUtc - offset * 60_000, offset };
}

/** Today's date (`YYYY-MM-DD`) in `zone` at the instant `now`. */
export function dateInZone(now: number, zone: string): string {
  return formatInstant(now, zoneOffsetAt(zone, now)).slice(0, 10);
}

/** Where a typed moment gets what it leaves out: the zone and the incident's date. */
export interface MomentContext {
  /** IANA name or offset used when the text has no zone. */
  zone: string;
  /** The date a bare `HH:MM` falls on (the incident's date). */
  date: string;
}

/**
 * A calendar day as people type it, in the forms the time questions take: `2009-11-01` or
 * `1.11.2009` / `01.11.2009`. Returns the day as YYYY-MM-DD, or null when it is no real day.
 */
export function parseDayInput(text: string): string | null {
  const value = text.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const day = dotted
    ? `${dotted[3]}-${(dotted[2] as string).padStart(2, '0')}-${(dotted[1] as string).padStart(2, '0')}`
    : value;
  return isIsoDate(day) ? day : null;
}

function dottedDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** An instant as people read it: `2024-03-01 14:02 +01:00`. */
export function showInstant(iso: string): string {
  return formatTimelineInstant(parseInstant(iso) ?? 0, offsetOf(iso) ?? 0);
}

/** The offset of `zone` on `date` (at noon), as `+01:00`: what a bare time on that date gets. */
export function offsetOnDate(zone: string, date: string): string {
  return formatOffset(zoneOffsetAt(zone, Date.parse(`${date}T12:00:00Z`)));
}

/** An ISO instant restated in the incident's zone (`12:20Z` becomes `14:20+02:00` in Berlin). */
export function inZone(iso: string, zone: string): string {
  const ms = parseInstant(iso);
  return ms === null ? iso : formatInstant(ms, zoneOffsetAt(zone, ms));
}

/** Reads a typed moment as an ISO timestamp with an offset, or returns why it cannot. */
export function parseMomentInput(text: string, context: MomentContext): { iso: string } | { error: string } {
  const value = text.trim();
  const iso = parseInstant(value);
  if (iso !== null) return { iso: value };
  let date: string;
  let time: string;
  let zone: string | undefined;
  const dotted = DOTTED_INPUT.exec(value);
  const full = DATE_TIME_INPUT.exec(value);
  const bare = TIME_INPUT.exec(value);
  if (dotted) {
    const [, day, month, year, hour, minute, second, offset] = dotted as unknown as string[];
    date = `${year}-${(month as string).padStart(2, '0')}-${(day as string).padStart(2, '0')}`;
    time = `${(hour as string).padStart(2, '0')}:${minute}:${second ?? '00'}`;
    zone = offset;
  } else if (full) {
    date = full[1] as string;
    time = `${full[2]}:${full[3]}:${full[4] ?? '00'}`;
    zone = full[5];
  } else if (bare) {
    date = context.date;
    time = `${(bare[1] as string).padStart(2, '0')}:${bare[2]}:${bare[3] ?? '00'}`;
  } else {
    return {
      error:
        `Expected a time like 14:02, a date and time like ${context.date} 14:02 or ${dottedDate(context.date)} 14:02, ` +
        `or a timestamp like ${context.date}T14:02:00+02:00, found "${value}".`,
    };
  }
  if (zone) {
    const normal = normaliseZone(zone);
    const stamped = `${date}T${time}${normal}`;
    return parseInstant(stamped) === null
      ? { error: `Expected a real date and time, found "${value}".` }
      : { iso: stamped };
  }
  if (!isKnownZone(context.zone)) return { error: `Expected a known time zone, found "${context.zone}".` };
  const instant = wallTimeToInstant(date, time, context.zone);
  if (!instant) return { error: `Expected a real date and time, found "${value}".` };
  return { iso: formatInstant(instant.ms, instant.offset) };
}
