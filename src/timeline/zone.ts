/** The incident's clock: wall times read in its zone, instants written in it (daylight saving included). */
import { formatInstant, formatTimelineInstant, offsetForWallTime, zoneOffsetAt } from '../model/index.js';
import type { ReadContext } from './types.js';

type Clock = Pick<ReadContext, 'zone' | 'offset'>;

const QUARTER = 15 * 60_000;
// Offsets change on quarter hours in every zone there is; one Intl call per quarter hour, not per event.
const cache = new Map<string, number>();

/** The offset (minutes east of UTC) the incident's clock shows at an instant. */
export function offsetAt(clock: Clock, ms: number): number {
  if (!clock.zone) return clock.offset;
  const key = `${clock.zone}\u0000${Math.floor(ms / QUARTER)}`;
  let offset = cache.get(key);
  if (offset === undefined) {
    offset = zoneOffsetAt(clock.zone, ms) ?? clock.offset;
    if (cache.size > 100_000) cache.clear();
    cache.set(key, offset);
  }
  return offset;
}

/** The instant of a wall-clock time on the incident's clock; null when the parts are not a real time. */
export function wallToInstant(
  clock: Clock,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s = 0,
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null;
  const offset = clock.zone ? (offsetForWallTime(clock.zone, wall) ?? clock.offset) : clock.offset;
  return wall - offset * 60_000;
}

/** The timeline timestamp of an instant on the incident's clock, to the minute (`2024-03-05 22:50 +01:00`). */
export function formatStamp(clock: Clock, ms: number): string {
  return minuteOf(clock, ms).stamp;
}

/** The calendar date (`YYYY-MM-DD`) of an instant on the incident's clock. */
export function dateOf(clock: Clock, ms: number): string {
  return formatStamp(clock, ms).slice(0, 10);
}

/** The minute of an instant as a front-matter timestamp on the incident's clock. */
export function isoMinute(clock: Clock, ms: number): string {
  return minuteOf(clock, ms).iso;
}

interface Minute {
  stamp: string;
  iso: string;
}

const minutes = new Map<string, Map<number, Minute>>();

// A busy channel has several messages a minute: both spellings of a minute are made once.
function minuteOf(clock: Clock, ms: number): Minute {
  const minute = Math.floor(ms / 60_000) * 60_000;
  const clockKey = clock.zone ?? String(clock.offset);
  let byMinute = minutes.get(clockKey);
  if (!byMinute) minutes.set(clockKey, (byMinute = new Map<number, Minute>()));
  let found = byMinute.get(minute);
  if (found === undefined) {
    const offset = offsetAt(clock, minute);
    found = { stamp: formatTimelineInstant(minute, offset), iso: formatInstant(minute, offset) };
    if (byMinute.size > 100_000) byMinute.clear();
    byMinute.set(minute, found);
  }
  return found;
}
