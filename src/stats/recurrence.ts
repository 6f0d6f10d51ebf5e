import { toRfc3339 } from '../model/timestamp.js';
import type { RecurrenceChain } from './report.js';
import type { IncidentRecord } from './types.js';

const DAY_MS = 86_400_000;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `third`, `11th`, `22nd`: how the chain sentence counts. */
export function ordinal(n: number): string {
  if (n >= 1 && n <= ORDINALS.length) return ORDINALS[n - 1] as string;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function monthYear(started: string): string {
  return `${MONTHS[Number(started.slice(5, 7)) - 1] ?? started.slice(5, 7)} ${started.slice(0, 4)}`;
}

/**
 * How many of a file's categories, and of its services, recurrence pairs up (the first ones, as
 * written). Every pair is a possible chain: a file with a thousand of each gave a million chains
 * per file (minutes, gigabytes). Real postmortems name a few; `toRecord` warns about a file with more.
 */
export const RECURRENCE_VALUES = 20;

/**
 * Chains of incidents that share a root-cause category and a service, where each incident started
 * within `windowDays` of the one before it. An incident with two categories and three services can
 * be in up to six chains (at most RECURRENCE_VALUES squared). Chains of one incident are not listed.
 */
export function recurrenceChains(records: readonly IncidentRecord[], windowDays: number): RecurrenceChain[] {
  const groups = new Map<string, { category: string; service: string; items: IncidentRecord[] }>();
  for (const r of records) {
    if (r.startedMs === null) continue;
    for (const category of r.categories.slice(0, RECURRENCE_VALUES)) {
      for (const service of r.services.slice(0, RECURRENCE_VALUES)) {
        const key = JSON.stringify([category, service]);
        const group = groups.get(key) ?? { category, service, items: [] };
        group.items.push(r);
        groups.set(key, group);
      }
    }
  }
  const chains: Array<RecurrenceChain & { lastMs: number }> = [];
  for (const { category, service, items } of groups.values()) {
    items.sort((a, b) => (a.startedMs as number) - (b.startedMs as number) || a.id.localeCompare(b.id));
    let run: IncidentRecord[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const first = run[0] as IncidentRecord;
        const last = run[run.length - 1] as IncidentRecord;
        chains.push({
          category,
          service,
          incidents: run.map((r) => ({
            id: r.id,
            started: toRfc3339(r.started as string) ?? (r.started as string),
            path: r.path,
          })),
          sentence: `${last.id} is the ${ordinal(run.length)} ${category} incident on ${service} since ${monthYear(first.started as string)}`,
          lastMs: last.startedMs as number,
        });
      }
      run = [];
    };
    for (const r of items) {
      const previous = run[run.length - 1];
      if (previous && (r.startedMs as number) - (previous.startedMs as number) > windowDays * DAY_MS) flush();
      run.push(r);
    }
    flush();
  }
  // Longest and most recent first: the chains most worth a look.
  return chains
    .sort(
      (a, b) =>
        b.incidents.length - a.incidents.length ||
        b.lastMs - a.lastMs ||
        a.category.localeCompare(b.category) ||
        a.service.localeCompare(b.service),
    )
    .map(({ lastMs: _lastMs, ...chain }) => chain);
}
