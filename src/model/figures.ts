import { momentInstants } from './validate.js';
import { impactWindows } from './windows.js';

/** Figures derived from the front-matter moments, in milliseconds; null when a moment is missing. */
export interface DerivedFigures {
  /** `detected - started`. */
  timeToDetect: number | null;
  /** `mitigated - started`. */
  timeToMitigate: number | null;
  /** `resolved - started`. */
  timeToResolve: number | null;
  /**
   * How long customers were affected: the sum of `impact.windows` when the file has them, else
   * `started` until `mitigated` (or `resolved` when not mitigated).
   */
  impactDuration: number | null;
}

/** Computes the derived figures from instants with offsets; independent of the machine's time zone. */
export function deriveFigures(data: Record<string, unknown>): DerivedFigures {
  const m = momentInstants(data);
  const since = (end: number | undefined) => (m.started !== undefined && end !== undefined ? end - m.started : null);
  const windows = impactWindows(data);
  return {
    timeToDetect: since(m.detected),
    timeToMitigate: since(m.mitigated),
    timeToResolve: since(m.resolved),
    impactDuration: windows ? windows.reduce((sum, w) => sum + (w.end - w.start), 0) : since(m.mitigated ?? m.resolved),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The one rounding rule for every duration the tool prints (render, notice, interview, stats):
 * under a minute to the second, else to the minute. Times are shown to the minute, so a duration
 * beside them must be too: "9:14 to 12:17" is 3 h 3 min, never "about 3 h 5 min".
 */
export function roundDuration(ms: number): number {
  const step = ms < MINUTE ? 1000 : MINUTE;
  return Math.round(Math.max(0, ms) / step) * step;
}

/**
 * Writes a duration after `roundDuration`, compact for tables and prompts: `2 d 3 h`,
 * `2 h 30 min`, `43 min`, `30 s`. Words for customers are the language modules' (`src/language/`).
 */
export function formatDuration(ms: number): string {
  const rounded = roundDuration(ms);
  if (rounded < MINUTE) return `${Math.round(rounded / 1000)} s`;
  const parts: Array<[number, 'd' | 'h' | 'min']> = [
    [Math.floor(rounded / DAY), 'd'],
    [Math.floor((rounded % DAY) / HOUR), 'h'],
    [Math.floor((rounded % HOUR) / MINUTE), 'min'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}
