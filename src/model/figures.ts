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
 * The one rounding rule for every duration the tool prints (render, notice, interview): under a
 * minute to the second, under an hour to the minute, under a day to 5 minutes, from a day on to
 * the hour. Precise where a difference matters to a reader, and no false precision on long ones.
 */
export function roundDuration(ms: number): number {
  const step = ms < MINUTE ? 1000 : ms < HOUR ? MINUTE : ms < DAY ? 5 * MINUTE : HOUR;
  return Math.round(Math.max(0, ms) / step) * step;
}

/** Styles of `formatDuration`: compact for tables and prompts, or words for customers in a language. */
export type DurationStyle = 'short' | 'en' | 'de';

const WORDS = {
  en: { about: 'about ', and: ' and ', d: ['day', 'days'], h: ['hour', 'hours'], min: ['minute', 'minutes'] },
  de: { about: 'rund ', and: ' und ', d: ['Tag', 'Tage'], h: ['Stunde', 'Stunden'], min: ['Minute', 'Minuten'] },
} as const;

/**
 * Writes a duration after `roundDuration`: `short` gives `2 d 3 h`, `2 h 30 min`, `43 min`, `30 s`;
 * `en`/`de` give words, "about 2 hours and 30 minutes" / "rund 2 Stunden und 30 Minuten", with
 * "about"/"rund" only when rounding changed the figure, and "less than a minute" below one.
 */
export function formatDuration(ms: number, style: DurationStyle = 'short'): string {
  const rounded = roundDuration(ms);
  if (style === 'short' && rounded < MINUTE) return `${Math.round(rounded / 1000)} s`;
  const parts: Array<[number, 'd' | 'h' | 'min']> = [
    [Math.floor(rounded / DAY), 'd'],
    [Math.floor((rounded % DAY) / HOUR), 'h'],
    [Math.floor((rounded % HOUR) / MINUTE), 'min'],
  ];
  const shown = parts.filter(([n]) => n > 0);
  if (style === 'short') return shown.map(([n, unit]) => `${n} ${unit}`).join(' ');
  if (rounded < MINUTE) return style === 'de' ? 'weniger als eine Minute' : 'less than a minute';
  const w = WORDS[style];
  const text = shown.map(([n, unit]) => `${n} ${w[unit][n === 1 ? 0 : 1]}`).join(w.and);
  // Rounding to whole minutes is not worth an "about"; rounding to 5 minutes or an hour is.
  return Math.abs(rounded - ms) >= MINUTE ? `${w.about}${text}` : text;
}
