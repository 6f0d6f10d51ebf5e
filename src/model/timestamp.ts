import { detach } from './detach.js';

/** A front-matter timestamp: ISO 8601 with a `T`, seconds optional, and an offset (`Z` or `±HH:MM`). */
export const FRONT_MATTER_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A front-matter timestamp without the offset requirement, to tell "missing offset" from "not a timestamp". */
export const LOCAL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;

/** A timeline item's leading timestamp, zone, and separator. */
export const TIMELINE_PREFIX =
  /^((\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\s*(Z|UTC|[+-]\d{2}:?\d{2})(?!\d))?)(?:\s*(—|–|-|:)\s+)?/;

/** True when year, month, day, hour, minute and second form a real calendar moment. */
function isRealDate(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Instants already parsed: rules read the same few timestamps of a file again and again. */
const parsed = new Map<string, number | null>();
const MAX_PARSED = 4096;

/** Parses a front-matter timestamp to epoch milliseconds; null when it is not a valid instant with an offset. */
export function parseInstant(text: string): number | null {
  const common = parseCommonInstant(text);
  if (common !== undefined) return common;
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const ms = parseInstantUncached(text);
  // Bounded: a long run sees many different timestamps, and only the recent ones come back.
  if (parsed.size >= MAX_PARSED) parsed.clear();
  // A copy as the key: the text is often cut from a file's, which the cache would otherwise keep.
  parsed.set(detach(text), ms);
  return ms;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two ASCII digits at `i` as a number, or -1. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The shapes nearly every timestamp has, `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`, read by character codes:
 * no regex, no cache (a stats run sees 40,000 distinct timestamps, and a lookup costs more than
 * this). Undefined for any other shape, which the regex reads; the calendar check is `instant`'s.
 */
function parseCommonInstant(text: string): number | null | undefined {
  const n = text.length;
  const zone = n === 17 || n === 22 ? 16 : n === 20 || n === 25 ? 19 : -1;
  if (zone === -1 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return undefined;
  if (zone === 19 && text[16] !== ':') return undefined;
  const century = twoDigits(text, 0);
  const year = twoDigits(text, 2);
  if (century < 0 || year < 0) return undefined;
  const mo = twoDigits(text, 5);
  const d = twoDigits(text, 8);
  const h = twoDigits(text, 11);
  const mi = twoDigits(text, 14);
  const s = zone === 19 ? twoDigits(text, 17) : 0;
  // Each part tested, not the array with a closure: a stats run reads 40,000 timestamps here.
  if (mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return undefined;
  const parts: Parts = [century * 100 + year, mo, d, h, mi, s];
  if (n === zone + 1) return text[zone] === 'Z' ? instant(text, parts, 1, 0, 0) : undefined;
  const sign = text[zone] === '+' ? 1 : text[zone] === '-' ? -1 : 0;
  const oh = twoDigits(text, zone + 1);
  const om = twoDigits(text, zone + 4);
  if (sign === 0 || oh < 0 || om < 0 || text[zone + 3] !== ':') return undefined;
  return instant(text, parts, sign, oh, om);
}

function parseInstantUncached(text: string): number | null {
  const m = FRONT_MATTER_TIMESTAMP.exec(text);
  if (!m) return null;
  const offset = m[7] as string;
  const sign = offset.startsWith('-') ? -1 : 1;
  const oh = offset === 'Z' ? 0 : Number(offset.slice(1, 3));
  const om = offset === 'Z' ? 0 : Number(offset.slice(4, 6));
  const parts = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as Parts;
  // Fractions of a second keep Date.parse, which reads them as it reads them.
  return text.includes('.') ? viaDate(text, parts, oh, om) : instant(text, parts, sign, oh, om);
}

type Parts = [y: number, mo: number, d: number, h: number, mi: number, s: number];

function viaDate(text: string, [y, mo, d, h, mi, s]: Parts, oh: number, om: number): number | null {
  if (!isRealDate(y, mo, d, h, mi, s) || oh > 23 || om > 59) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** The instant of checked calendar parts, without Date objects; `text` is their ISO form, for the rare general case. */
function instant(text: string, parts: Parts, sign: number, oh: number, om: number): number | null {
  // Read by index: destructuring goes through the array's iterator wherever it is not optimised.
  const y = parts[0];
  const mo = parts[1];
  const d = parts[2];
  const h = parts[3];
  const mi = parts[4];
  const s = parts[5];
  // Years below 100 (Date.UTC reads them as 19xx) keep the general path.
  if (y < 100) return viaDate(text, parts, oh, om);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : (DAYS[mo - 1] as number))) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - sign * (oh * 60 + om) * 60_000;
}

/**
 * Reads a day (`YYYY-MM-DD`, midnight UTC) or a front-matter timestamp (with its offset) to epoch
 * milliseconds; null for anything else, including days that do not exist and machine-local times.
 */
export function parseDayOrInstant(text: string): number | null {
  return parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
}

/** Normalises a timeline zone (`UTC`, `+0200`) to ISO form (`Z`, `+02:00`). */
export function normaliseZone(zone: string): string {
  if (zone === 'Z' || zone === 'UTC') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** Parses a timeline date, time and zone to epoch milliseconds; null when invalid. */
export function parseTimelineInstant(date: string, time: string, zone: string): number | null {
  // By character codes, as `parseCommonInstant`: three regexes with their match arrays were 3 % of
  // a lint thread's CPU (every timeline item of every file comes here). Lengths are checked before
  // any character is read, so that no read falls past a string's end.
  const n = time.length;
  const z = zone.length;
  const shaped =
    date.length === 10 &&
    date[4] === '-' &&
    date[7] === '-' &&
    (n === 5 || (n === 8 && time[5] === ':')) &&
    time[2] === ':' &&
    (zone === 'Z' ||
      zone === 'UTC' ||
      ((z === 5 || (z === 6 && zone[3] === ':')) && (zone[0] === '+' || zone[0] === '-')));
  const utc = zone === 'Z' || zone === 'UTC';
  const y = shaped ? fourDigits(date, 0) : -1;
  const mo = shaped ? twoDigits(date, 5) : -1;
  const d = shaped ? twoDigits(date, 8) : -1;
  const h = shaped ? twoDigits(time, 0) : -1;
  const mi = shaped ? twoDigits(time, 3) : -1;
  const s = shaped && n === 8 ? twoDigits(time, 6) : 0;
  const oh = shaped && !utc ? twoDigits(zone, 1) : 0;
  const om = shaped && !utc ? twoDigits(zone, z - 2) : 0;
  // Anything else is what the front-matter reading makes of the ISO form.
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || oh < 0 || om < 0) {
    return parseInstant(timelineIso(date, time, zone));
  }
  // `instant` reads the ISO form only for years below 100, so only they pay for writing it.
  const iso = y < 100 ? timelineIso(date, time, zone) : '';
  return instant(iso, [y, mo, d, h, mi, s], zone[0] === '-' ? -1 : 1, oh, om);
}

/** The four ASCII digits at `i` as a number, or -1. */
function fourDigits(text: string, i: number): number {
  const a = twoDigits(text, i);
  const b = twoDigits(text, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

/** A timeline date, time and zone in the ISO form of a front-matter timestamp. */
function timelineIso(date: string, time: string, zone: string): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}${normaliseZone(zone)}`;
}

/** Formats an offset in minutes as `±HH:MM`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The offset (in minutes, east of UTC) written in an ISO timestamp, or null. */
export function offsetOf(text: string): number | null {
  const m = /(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return null;
  const z = m[1] as string;
  if (z === 'Z') return 0;
  const sign = z.startsWith('-') ? -1 : 1;
  return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(4, 6)));
}

/** Date and time of an instant in an offset (`YYYY-MM-DD`, `HH:MM:SS`), the year in four digits; the one date writer. */
function dateAndTime(ms: number, offsetMinutes: number): { date: string; time: string; year: number; millis: number } {
  const d = new Date(ms + offsetMinutes * 60_000);
  const year = d.getUTCFullYear();
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return {
    date: `${p(year, 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`,
    time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`,
    year,
    millis: d.getUTCMilliseconds(),
  };
}

/** Writes an instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` in the given offset, independent of the machine's zone. */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const { date, time } = dateAndTime(ms, offsetMinutes);
  return `${date}T${time}${offsetMinutes === 0 ? 'Z' : formatOffset(offsetMinutes)}`;
}

/**
 * A front-matter timestamp as RFC 3339 with seconds (`2018-05-15T14:02:00+02:00`), in its own offset
 * or in UTC, milliseconds kept when it has them; null when it is not a timestamp or its year leaves
 * 0000..9999. Machine-readable outputs (Atom, Statuspage, JSON) write moments this way: RFC 3339
 * requires the seconds that the front matter may leave out.
 */
export function toRfc3339(text: string, utc = false): string | null {
  // Already RFC 3339 as written (seconds, no fraction, the offset it keeps): nothing to rewrite.
  const zulu = text.length === 20 && text[19] === 'Z';
  const offset = !utc && text.length === 25 && !/^[+-]00:00$/.test(text.slice(19));
  if ((zulu || offset) && text[16] === ':' && typeof parseCommonInstant(text) === 'number') return text;
  return rewrittenRfc3339(text, utc);
}

function rewrittenRfc3339(text: string, utc: boolean): string | null {
  const ms = parseInstant(text);
  const offset = utc ? 0 : offsetOf(text);
  if (ms === null || offset === null) return null;
  const { date, time, year, millis } = dateAndTime(ms, offset);
  if (year < 0 || year > 9999) return null;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${date}T${time}${fraction}${offset === 0 ? 'Z' : formatOffset(offset)}`;
}

/** A front-matter timestamp as Jekyll writes dates (`2018-05-15 14:02:00 +0200`) in its own offset; null as `toRfc3339`. */
export function toJekyllDate(text: string): string | null {
  const rfc = toRfc3339(text);
  const offset = offsetOf(text);
  if (rfc === null || offset === null) return null;
  return `${rfc.slice(0, 10)} ${rfc.slice(11, 19)} ${formatOffset(offset).replace(':', '')}`;
}

/** Writes an instant as a timeline timestamp `YYYY-MM-DD HH:MM ±HH:MM` in the given offset. */
export function formatTimelineInstant(ms: number, offsetMinutes: number): string {
  const iso = formatInstant(ms, offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : formatOffset(offsetMinutes);
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`} ${zone}`;
}
