/**
 * `impact.windows`: when customers were affected, for an incident that came in waves. Pure
 * functions: reading the windows as instants, and checking them (for `notice` now, a lint rule later).
 */
import { isRecord } from './guards.js';
import { parseInstant } from './timestamp.js';
import { keyPosition, momentInstants } from './validate.js';
import type { Finding, Postmortem } from './types.js';

/** One window of customer impact, as instants (epoch milliseconds). */
export interface ImpactWindow {
  start: number;
  end: number;
}

/** The raw `impact.windows` value, or undefined when the file has none. */
function rawWindows(data: Record<string, unknown>): unknown {
  return isRecord(data.impact) ? data.impact.windows : undefined;
}

/**
 * The impact windows as instants, in file order; null when the file has none or any window is not
 * a pair of valid timestamps (the check reports those, and figures fall back to started..mitigated).
 */
export function impactWindows(data: Record<string, unknown>): ImpactWindow[] | null {
  const raw = rawWindows(data);
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const out: ImpactWindow[] = [];
  for (const entry of raw) {
    if (!isRecord(entry)) return null;
    const start = typeof entry.start === 'string' ? parseInstant(entry.start) : null;
    const end = typeof entry.end === 'string' ? parseInstant(entry.end) : null;
    if (start === null || end === null) return null;
    out.push({ start, end });
  }
  return out;
}

/**
 * Checks `impact.windows`: a list of `{start, end}` timestamps with offsets, each ending after it
 * starts, in order and not overlapping, the first starting at `started`, all within
 * `started`..`resolved`. No windows is fine: the impact then runs from `started` to `mitigated`.
 */
export function checkImpactWindows(pm: Postmortem): Finding[] {
  const raw = rawWindows(pm.data);
  if (raw === undefined || raw === null) return [];
  const at = (path: string) => keyPosition(pm, path);
  if (!Array.isArray(raw) || raw.length === 0) {
    return [
      {
        message: `Expected \`impact.windows\` to be a list of {start, end}, found ${Array.isArray(raw) ? 'an empty list' : typeof raw}.`,
        ...at('impact.windows'),
      },
    ];
  }
  const out: Finding[] = [];
  const windows: Array<ImpactWindow | null> = raw.map((entry: unknown, i) => {
    if (!isRecord(entry)) {
      out.push({
        message: `Expected \`impact.windows[${i}]\` to be a mapping {start, end}.`,
        ...at(`impact.windows.${i}`),
      });
      return null;
    }
    const instant = (key: 'start' | 'end') => {
      const value = entry[key];
      const ms = typeof value === 'string' ? parseInstant(value) : null;
      if (ms === null) {
        out.push({
          message:
            `Expected \`impact.windows[${i}].${key}\` as ISO 8601 with an offset (e.g. 2018-05-15T14:02:00+02:00), ` +
            `found ${value === undefined ? 'none' : JSON.stringify(value)}.`,
          ...at(`impact.windows.${i}.${key}`),
        });
      }
      return ms;
    };
    const start = instant('start');
    const end = instant('end');
    if (start === null || end === null) return null;
    if (end <= start) {
      out.push({
        message: `Expected \`impact.windows[${i}].end\` after its start, found ${String(entry.end)}.`,
        ...at(`impact.windows.${i}.end`),
      });
      return null;
    }
    return { start, end };
  });
  const moments = momentInstants(pm.data);
  const first = windows[0];
  if (first && moments.started !== undefined && first.start !== moments.started) {
    out.push({
      message:
        `Expected the first impact window to start at \`started\` (${String(pm.data.started)}), ` +
        `found ${String((raw[0] as Record<string, unknown>).start)}.`,
      ...at('impact.windows.0.start'),
    });
  }
  windows.forEach((w, i) => {
    if (!w) return;
    const previous = windows[i - 1];
    if (i > 0 && previous && w.start < previous.end) {
      out.push({
        message:
          `Expected \`impact.windows[${i}]\` to start after the previous window ends, ` +
          `found it ${w.start < previous.start ? 'out of order' : 'overlapping'}.`,
        ...at(`impact.windows.${i}.start`),
      });
    }
    if (moments.started !== undefined && w.start < moments.started) {
      out.push({
        message: `Expected \`impact.windows[${i}].start\` at or after \`started\`, found it before.`,
        ...at(`impact.windows.${i}.start`),
      });
    }
    if (moments.resolved !== undefined && w.end > moments.resolved) {
      out.push({
        message: `Expected \`impact.windows[${i}].end\` at or before \`resolved\` (${String(pm.data.resolved)}), found it after.`,
        ...at(`impact.windows.${i}.end`),
      });
    }
  });
  return out;
}
