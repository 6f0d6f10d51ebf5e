import { toRfc3339 } from '../model/timestamp.js';
import type { ChainIncident, RecurrenceChain } from './report.js';
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
  // Groups in the order their pair first appears, found through a map a category (a key made of
  // both names, JSON, cost a string a pair: 35,000 of them over 10,000 real-prose files). A group
  // holds the indexes of its records.
  const groups: Array<{ category: string; service: string; items: number[] }> = [];
  const byCategory = new Map<string, Map<string, number[]>>();
  for (const [index, r] of records.entries()) {
    if (r.startedMs === null) continue;
    const services = r.services.slice(0, RECURRENCE_VALUES);
    for (const category of r.categories.slice(0, RECURRENCE_VALUES)) {
      let byService = byCategory.get(category);
      if (byService === undefined) byCategory.set(category, (byService = new Map<string, number[]>()));
      for (const service of services) {
        let items = byService.get(service);
        if (items === undefined) {
          byService.set(service, (items = []));
          groups.push({ category, service, items });
        }
        items.push(index);
      }
    }
  }
  // An incident is in as many chains as it has pairs: its timestamp is written once.
  const startedText: Array<string | undefined> = [];
  const incident = (index: number): ChainIncident => {
    const r = records[index] as IncidentRecord;
    const started = (startedText[index] ??= toRfc3339(r.started as string) ?? (r.started as string));
    return { id: r.id, started, path: r.path };
  };
  const startedMs = (index: number) => (records[index] as IncidentRecord).startedMs as number;
  const chains: Array<RecurrenceChain & { lastMs: number }> = [];
  for (const { category, service, items } of groups) {
    items.sort(
      (a, b) =>
        startedMs(a) - startedMs(b) ||
        (records[a] as IncidentRecord).id.localeCompare((records[b] as IncidentRecord).id),
    );
    let run: number[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const first = records[run[0] as number] as IncidentRecord;
        const last = records[run[run.length - 1] as number] as IncidentRecord;
        chains.push({
          category,
          service,
          incidents: run.map(incident),
          sentence: `${last.id} is the ${ordinal(run.length)} ${category} incident on ${service} since ${monthYear(first.started as string)}`,
          lastMs: last.startedMs as number,
        });
      }
      run = [];
    };
    for (const index of items) {
      const previous = run[run.length - 1];
      if (previous !== undefined && startedMs(index) - startedMs(previous) > windowDays * DAY_MS) flush();
      run.push(index);
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
