import { formatDuration } from '../model/figures.js';
import type { DurationSummary } from './report.js';

/**
 * The one rounding rule of stats: durations are kept in milliseconds until they are shown, then
 * rounded to the nearest whole minute (the JSON's `medianMinutes` and `p90Minutes`).
 */
export function toMinutes(ms: number): number {
  return Math.round(ms / 60_000);
}

/**
 * Writes whole minutes compactly with the model's formatter, to the minute at any length
 * (`3 h 12 min`, `3 d 13 h 53 min`), so that a table cell says the same as the JSON and is a time
 * some incident really took; only zero is `0 min` here rather than the formatter's `0 s`.
 */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  return minutes === 0 ? '0 min' : formatDuration(minutes * 60_000);
}

/**
 * The nearest-rank percentile of sorted values: the smallest value with at least p % of the values
 * at or below it. It is always a time some incident really took, and can be checked by hand.
 */
function nearestRank(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Median and p90 of durations in milliseconds, rounded to minutes; nulls are left out and not counted. */
export function summarize(values: ReadonlyArray<number | null>): DurationSummary {
  // A typed array sorts numbers natively, without calling a comparator per comparison (stats sorts
  // every time list once per severity, category and quarter, and overall). Durations are finite.
  let count = 0;
  for (const v of values) if (v !== null) count++;
  const known = new Float64Array(count);
  let i = 0;
  for (const v of values) if (v !== null) known[i++] = v;
  known.sort();
  const median = nearestRank(known, 50);
  const p90 = nearestRank(known, 90);
  return {
    files: known.length,
    medianMinutes: median === null ? null : toMinutes(median),
    p90Minutes: p90 === null ? null : toMinutes(p90),
  };
}
