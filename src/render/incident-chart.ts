import { formatInstant, impactWindows, momentInstants, MOMENTS, offsetOf, type Postmortem } from '../model/index.js';

/** A moment of the incident on the chart. */
export interface ChartMoment {
  name: (typeof MOMENTS)[number];
  ms: number;
  /** `YYYY-MM-DD HH:MM` in the offset `started` was written with (the incident's wall clock). */
  wall: string;
}

/** A span when customers were affected. */
export interface ChartWindow {
  start: number;
  end: number;
  startWall: string;
  /** Whole minutes, rounded as every duration is. */
  minutes: number;
}

/** What the timeline charts show: the four moments and the impact windows, in the incident's offset. */
export interface IncidentChart {
  title: string;
  offsetMinutes: number;
  moments: ChartMoment[];
  /** `impact.windows` when the file has valid ones, else `started` until `mitigated` (or `resolved`). */
  windows: ChartWindow[];
  fromWindows: boolean;
}

function wall(ms: number, offset: number): string {
  return formatInstant(ms, offset).slice(0, 16).replace('T', ' ');
}

/** The chart model of a validated postmortem; moments that are missing are left out. */
export function incidentChart(pm: Postmortem): IncidentChart {
  const started = typeof pm.data.started === 'string' ? pm.data.started : '';
  const offset = offsetOf(started) ?? 0;
  const instants = momentInstants(pm.data);
  const moments = MOMENTS.flatMap((name) => {
    const ms = instants[name];
    return ms === undefined ? [] : [{ name, ms, wall: wall(ms, offset) }];
  });
  const span = (start: number, end: number): ChartWindow => ({
    start,
    end,
    startWall: wall(start, offset),
    minutes: Math.round((end - start) / 60_000),
  });
  // The model's windows, as the header and the derived figures read them; a window that ends
  // before it starts (validation reports it) cannot be drawn, so the chart falls back as well.
  const given = impactWindows(pm.data);
  const fromWindows = given !== null && given.every((w) => w.end >= w.start);
  const until = instants.mitigated ?? instants.resolved;
  return {
    title: typeof pm.data.title === 'string' ? pm.data.title : '',
    offsetMinutes: offset,
    moments,
    windows: fromWindows
      ? given.map((w) => span(w.start, w.end))
      : instants.started !== undefined && until !== undefined
        ? [span(instants.started, until)]
        : [],
    fromWindows,
  };
}
