import { SEVERITIES } from '../model/format.js';
import { actionFigures } from './actions.js';
import { summarize, toMinutes } from './durations.js';
import { recurrenceChains } from './recurrence.js';
import type { Breakdown, StatsReport, TimeFigures } from './report.js';
import type { IncidentRecord, StatsInput } from './types.js';

/** What the figures are computed against. */
export interface StatsOptions {
  /** The day overdue action items are judged by, `YYYY-MM-DD`. */
  now: string;
  /** Days within which a repeat of a category on a service continues a recurrence chain. */
  windowDays: number;
}

/** Counts incidents by the values `valuesOf` gives (an incident counts once per distinct value). */
function breakdown(
  records: readonly IncidentRecord[],
  valuesOf: (r: IncidentRecord) => readonly string[],
  order: (a: string, b: string, counts: Map<string, number>) => number,
): Breakdown {
  const counts = new Map<string, number>();
  let files = 0;
  for (const r of records) {
    const values = valuesOf(r);
    if (values.length > 0) files++;
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => order(a, b, counts));
  return { files, rows: keys.map((key) => ({ key, incidents: counts.get(key) as number })) };
}

const byCountThenName = (a: string, b: string, counts: Map<string, number>) =>
  (counts.get(b) as number) - (counts.get(a) as number) || a.localeCompare(b);
const byName = (a: string, b: string) => a.localeCompare(b);
const bySeverity = (a: string, b: string) =>
  (SEVERITIES as readonly string[]).indexOf(a) - (SEVERITIES as readonly string[]).indexOf(b);

function timeFigures(key: string, records: readonly IncidentRecord[]): TimeFigures {
  return {
    key,
    incidents: records.length,
    detect: summarize(records.map((r) => r.timeToDetect)),
    mitigate: summarize(records.map((r) => r.timeToMitigate)),
    resolve: summarize(records.map((r) => r.timeToResolve)),
  };
}

/**
 * Time figures for each key, in the order of `keys`, over the records whose `keysOf` holds it. One
 * pass over the records: filtering them once per key grew with categories times records.
 */
function groupTimes(
  records: readonly IncidentRecord[],
  keys: readonly string[],
  keysOf: (r: IncidentRecord) => readonly string[],
): TimeFigures[] {
  const groups = new Map<string, IncidentRecord[]>(keys.map((key) => [key, []]));
  for (const r of records) for (const key of keysOf(r)) groups.get(key)?.push(r);
  return keys.map((key) => timeFigures(key, groups.get(key) as IncidentRecord[]));
}

/** Every quarter from `first` to `last` (`YYYY-Qn`), so a trend shows its empty quarters too. */
function quarterRange(first: string, last: string): string[] {
  const index = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  const out: string[] = [];
  for (let i = index(first); i <= index(last); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/** Computes every figure of `postmortem stats` from the records; pure, no clock, no files. */
export function computeStats(input: StatsInput, options: StatsOptions): StatsReport {
  const records = input.records;
  const severity = breakdown(records, (r) => (r.severity ? [r.severity] : []), bySeverity);
  const category = breakdown(records, (r) => r.categories, byCountThenName);
  const quarters = [...new Set(records.flatMap((r) => (r.quarter ? [r.quarter] : [])))].sort();
  const withImpact = records.filter((r) => r.impactMs !== null && r.customersAffected !== null);
  const customerMs = withImpact.reduce((sum, r) => sum + (r.customersAffected as number) * (r.impactMs as number), 0);
  return {
    schemaVersion: 1,
    now: options.now,
    windowDays: options.windowDays,
    files: {
      total: input.files,
      readable: records.length,
      unreadable: input.unreadable,
      warnings: input.warnings,
    },
    counts: {
      bySeverity: severity,
      byCategory: category,
      byService: breakdown(records, (r) => r.services, byCountThenName),
      byMonth: breakdown(records, (r) => (r.month ? [r.month] : []), byName),
    },
    impact: {
      files: withImpact.length,
      fromWindows: withImpact.filter((r) => r.impactFromWindows).length,
      customerMinutes: toMinutes(customerMs),
    },
    times: {
      overall: timeFigures('all', records),
      bySeverity: groupTimes(
        records,
        severity.rows.map((r) => r.key),
        (r) => (r.severity ? [r.severity] : []),
      ),
      byCategory: groupTimes(
        records,
        category.rows.map((r) => r.key),
        (r) => r.categories,
      ),
      byQuarter:
        quarters.length === 0
          ? []
          : groupTimes(records, quarterRange(quarters[0] as string, quarters.at(-1) as string), (r) =>
              r.quarter ? [r.quarter] : [],
            ),
    },
    recurrence: { windowDays: options.windowDays, chains: recurrenceChains(records, options.windowDays) },
    actionItems: actionFigures(records, options.now),
  };
}
