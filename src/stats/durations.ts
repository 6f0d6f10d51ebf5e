import { formatDuration } from '../model/index.js';
import type { DurationSummary } from './report.js';

/**
 * The one rounding rule of stats: durations are kept in milliseconds until they are shown, then
 * rounded to the nearest whole minute (the JSON's `medianMinutes` and `p90Minutes`).
 */
export function toMinutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/**
 * Writes whole minutes compactly: `3 h 12 min` to the minute under a day, so that a table cell
 * says the same as the JSON and is a time some incident really took; `2 d 3 h` from a day on,
 * with the model's formatter (rounded to the hour, as render shows long durations). The model's
 * coarser 5-minute step under a day is for prose and would hide the figure the tables are about.
 */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  if (minutes >= 1440) return formatDuration(minutes * 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * The nearest-rank percentile of sorted values: the smallest value with at least p % of the values
 * at or below it. It is always a time some incident really took, and can be checked by hand.
 */
function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Median and p90 of durations in milliseconds, rounded to minutes; nulls are left out and not counted. */
export function summarize(values: ReadonlyArray<number | null>): DurationSummary {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const median = nearestRank(known, 50);
  const p90 = nearestRank(known, 90);
  return {
    files: known.length,
    medianMinutes: median === null ? null : toMinutes(median),
    p90Minutes: p90 === null ? null : toMinutes(p90),
  };
}
