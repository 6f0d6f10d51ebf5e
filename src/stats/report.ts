import type { FileNote } from './types.js';

/** Median and 90th percentile of a duration, in whole minutes, and how many files they rest on. */
export interface DurationSummary {
  files: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** Time to detect, mitigate and resolve for one group of incidents. */
export interface TimeFigures {
  key: string;
  incidents: number;
  detect: DurationSummary;
  mitigate: DurationSummary;
  resolve: DurationSummary;
}

/** How many incidents have one value (a severity, a category, a service, a month). */
export interface CountRow {
  key: string;
  incidents: number;
}

/** A breakdown of incidents and how many files it rests on (those with a known value). */
export interface Breakdown {
  files: number;
  rows: CountRow[];
}

/** One incident of a recurrence chain. */
export interface ChainIncident {
  id: string;
  started: string;
  path: string;
}

/** Incidents sharing a root-cause category and a service, each within the window of the one before. */
export interface RecurrenceChain {
  category: string;
  service: string;
  incidents: ChainIncident[];
  /** E.g. "2019-08-01-checkout-slow is the third capacity incident on checkout since March 2019". */
  sentence: string;
}

/** Open and overdue action items of one owner or type. */
export interface ActionRow {
  key: string;
  total: number;
  open: number;
  overdue: number;
}

/** What the figures say about `prevent` items; see docs/stats.md for what "done by the due date" means. */
export interface PreventFigures {
  total: number;
  /** Items whose due date is before `now`, not `wontfix`. */
  pastDue: number;
  /** Of those, the ones marked `done`. */
  doneOfPastDue: number;
  /** `doneOfPastDue / pastDue`, or null when nothing is past due. */
  shareDoneByDue: number | null;
  /** Items due today or later. */
  notYetDue: number;
  /** Of those, the ones already `done`. */
  doneBeforeDue: number;
  wontfix: number;
}

/** The action-item figures. */
export interface ActionFigures {
  files: number;
  total: number;
  open: number;
  overdue: number;
  byOwner: ActionRow[];
  byType: ActionRow[];
  prevent: PreventFigures;
}

/** Everything `postmortem stats` computes; its JSON form is described by schema/stats.schema.json. */
export interface StatsReport {
  schemaVersion: 1;
  /** The day overdue items are judged by, `YYYY-MM-DD`. */
  now: string;
  windowDays: number;
  files: {
    total: number;
    readable: number;
    unreadable: FileNote[];
    warnings: FileNote[];
  };
  counts: {
    bySeverity: Breakdown;
    byCategory: Breakdown;
    byService: Breakdown;
    byMonth: Breakdown;
  };
  impact: {
    /** Files with both a customer count and an impact duration. */
    files: number;
    /** Of those, files whose duration is the sum of `impact.windows`. */
    fromWindows: number;
    customerMinutes: number;
  };
  times: {
    overall: TimeFigures;
    bySeverity: TimeFigures[];
    byCategory: TimeFigures[];
    /** Every quarter from the first incident's to the last one's, empty quarters included. */
    byQuarter: TimeFigures[];
  };
  recurrence: { windowDays: number; chains: RecurrenceChain[] };
  actionItems: ActionFigures;
}
