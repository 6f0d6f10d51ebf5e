import { momentInstants } from './validate.js';

/** Figures derived from the front-matter moments, in milliseconds; null when a moment is missing. */
export interface DerivedFigures {
  /** `detected - started`. */
  timeToDetect: number | null;
  /** `mitigated - started`. */
  timeToMitigate: number | null;
  /** `resolved - started`. */
  timeToResolve: number | null;
  /** How long customers were affected: `started` until `mitigated` (or `resolved` when not mitigated). */
  impactDuration: number | null;
}

/** Computes the derived figures from instants with offsets; independent of the machine's time zone. */
export function deriveFigures(data: Record<string, unknown>): DerivedFigures {
  const m = momentInstants(data);
  const since = (end: number | undefined) => (m.started !== undefined && end !== undefined ? end - m.started : null);
  return {
    timeToDetect: since(m.detected),
    timeToMitigate: since(m.mitigated),
    timeToResolve: since(m.resolved),
    impactDuration: since(m.mitigated ?? m.resolved),
  };
}

/** Writes a duration compactly: `2 d 3 h`, `3 h 12 min`, `45 min`, `30 s`. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}
