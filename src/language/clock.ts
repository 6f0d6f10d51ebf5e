/**
 * What every language module needs of the clock: an instant's wall time in the customers' zone, the
 * zone's names at that instant, and a duration cut into days, hours and minutes. Intl only, never the
 * machine's zone: a notice rendered on a laptop in Berlin and on a CI runner in UTC says the same.
 */
import { roundDuration } from '../model/figures.js';

/** An IANA zone, or a fixed offset (from `started`, or a file's "+02:00") when nothing names a zone. */
export type NoticeZone = { kind: 'iana'; name: string } | { kind: 'offset'; minutes: number };

/** What Intl needs to show an instant in a zone: a zone it knows and the instant to show. */
export function intlZone(ms: number, zone: NoticeZone): { timeZone: string; ms: number } {
  // Node 20's Intl knows no offset zones ("+02:00"); shifting the instant and reading it in UTC does the same.
  return zone.kind === 'iana' ? { timeZone: zone.name, ms } : { timeZone: 'UTC', ms: ms + zone.minutes * 60_000 };
}

/** An instant on the wall clock of a zone, with the month's name in a locale. */
export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** The month's name in the locale ("März", "Jänner", "mars"). */
  monthName: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function partsOf(format: Intl.DateTimeFormat, ms: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) out[part.type] = part.value;
  return out;
}

/** The wall time of an instant in a zone; the month's name in `locale`. */
export function wallTime(ms: number, zone: NoticeZone, locale: string): WallTime {
  const z = intlZone(ms, zone);
  const p = partsOf(
    dateFormat('en-US', {
      timeZone: z.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }),
    z.ms,
  );
  const monthName = partsOf(dateFormat(locale, { timeZone: z.timeZone, day: 'numeric', month: 'long' }), z.ms).month;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    monthName: monthName ?? '',
  };
}

/** True when two instants fall on the same calendar day in the zone. */
export function sameDay(a: number, b: number, zone: NoticeZone): boolean {
  const x = wallTime(a, zone, 'en-US');
  const y = wallTime(b, zone, 'en-US');
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/** "UTC+2", "UTC-5", "UTC+5:30", "UTC": a fixed offset as people write it. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest}`;
}

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetAt(ms: number, zone: NoticeZone): number {
  if (zone.kind === 'offset') return zone.minutes;
  const w = wallTime(ms, zone, 'en-US');
  return Math.round(
    (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000,
  );
}

/** The zone's name at an instant as Intl writes it in a locale, `short` ("MESZ", "GMT+2") or `long`. */
export function intlZoneName(ms: number, timeZone: string, locale: string, style: 'short' | 'long'): string {
  const name = partsOf(dateFormat(locale, { timeZone, timeZoneName: style }), ms).timeZoneName;
  return name ?? timeZone;
}

/** True when the zone is UTC at every instant (UTC, Etc/UTC, Etc/Zulu, an offset of zero). */
export function isUtc(zone: NoticeZone): boolean {
  if (zone.kind === 'offset') return zone.minutes === 0;
  return intlZoneName(0, zone.name, 'en-US', 'long') === 'Coordinated Universal Time';
}

/** An abbreviation people use ("MESZ", "CEST", "EDT"), not a made-up one such as "GMT+2". */
const ABBREVIATION = /^\p{Lu}{2,5}$/u;

/**
 * The zone's name at an instant: "UTC" for UTC, "UTC+2" for a fixed offset, else the first of the
 * locales' abbreviations that people use ("MESZ", "CEST"), else the long name in `longLocale`.
 * Each instant gets its own name, so a time after the clocks went back reads "MEZ", not "MESZ".
 */
export function zoneName(
  ms: number,
  zone: NoticeZone,
  abbreviationLocales: readonly string[],
  longLocale: string,
): string {
  if (zone.kind === 'offset') return offsetLabel(zone.minutes);
  if (isUtc(zone)) return 'UTC';
  for (const locale of abbreviationLocales) {
    const short = intlZoneName(ms, zone.name, locale, 'short');
    if (ABBREVIATION.test(short) && short !== 'UTC') return short;
  }
  return intlZoneName(ms, zone.name, longLocale, 'long');
}

/** A duration cut into whole days, hours and minutes (and the seconds of one under a minute). */
export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  /** Only set below a minute. */
  seconds: number;
}

/**
 * Cuts a duration into parts, exact to the minute: the times customers read are to the minute, so
 * the duration beside them must be too ("9:14 to 12:17" is 3 hours and 3 minutes, never "about 3
 * hours and 5 minutes"). The model's one rounding rule: to the minute, below a minute to the second.
 */
export function durationParts(ms: number): DurationParts {
  const rounded = roundDuration(ms);
  if (rounded < 60_000) return { days: 0, hours: 0, minutes: 0, seconds: rounded / 1000 };
  const total = rounded / 60_000;
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60, seconds: 0 };
}

/** A language's words for a duration: each unit in the singular and the plural, and "less than a minute". */
export interface DurationWords {
  day: readonly [string, string];
  hour: readonly [string, string];
  minute: readonly [string, string];
  lessThanAMinute: string;
}

/** A duration in words, exact to the minute: "3 hours and 3 minutes", joined by the language's list. */
export function durationInWords(ms: number, words: DurationWords, list: (items: readonly string[]) => string): string {
  const p = durationParts(ms);
  if (p.days + p.hours + p.minutes === 0) return words.lessThanAMinute;
  const unit = (n: number, [one, many]: readonly [string, string]) => (n > 0 ? `${n} ${n === 1 ? one : many}` : '');
  return list(
    [unit(p.days, words.day), unit(p.hours, words.hour), unit(p.minutes, words.minute)].filter((x) => x !== ''),
  );
}
