/**
 * Time-zone arithmetic with Intl only, so that no answer depends on the machine's own zone.
 * Shared by the interview (times typed without a zone), `lint --fix` (offsets from a `timezone`
 * key) and notices (validating `--timezone`).
 */

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  // One lookup for a zone seen before (every call but the first of a zone), not a test and a get.
  const known = formats.get(zone);
  if (known !== undefined) return known;
  let format: Intl.DateTimeFormat | null;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    format = null;
  }
  formats.set(zone, format);
  return format;
}

/** True when `zone` is an IANA time-zone name (or `UTC`) that this Node's ICU knows. */
export function isTimeZone(zone: string): boolean {
  return zone.trim() !== '' && formatFor(zone) !== null;
}

/** The offset (minutes east of UTC) of an IANA zone at an instant; null for an unknown zone. */
export function zoneOffsetAt(zone: string, ms: number): number | null {
  const format = formatFor(zone);
  if (!format) return null;
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The offset that applies to a wall-clock time in a zone (`wallAsUtc`: the wall time read as if
 * it were UTC). For a time that occurs twice (clocks go back) the earlier offset wins; for one
 * that never occurs (clocks go forward) the offset before the change, as Temporal's "compatible"
 * disambiguation does. Null for an unknown zone.
 */
export function offsetForWallTime(zone: string, wallAsUtc: number): number | null {
  const before = zoneOffsetAt(zone, wallAsUtc - 86_400_000);
  const after = zoneOffsetAt(zone, wallAsUtc + 86_400_000);
  if (before === null || after === null) return null;
  for (const candidate of [before, after]) {
    if (zoneOffsetAt(zone, wallAsUtc - candidate * 60_000) === candidate) return candidate;
  }
  return before;
}
