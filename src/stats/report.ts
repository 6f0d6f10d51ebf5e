import type { StatsReportData } from '../schema/stats.js';

// The report's types are inferred from its schema (src/schema/stats.ts), which also generates
// schema/stats.schema.json: the JSON `stats --format json` writes and the schema users validate it
// with cannot drift apart. The names below are the parts the figures are computed in.

/** Everything `postmortem stats` computes; its JSON form is described by schema/stats.schema.json. */
export type StatsReport = StatsReportData;

/** Time to detect, mitigate and resolve for one group of incidents. */
export type TimeFigures = StatsReport['times']['overall'];

/** Median and 90th percentile of a duration, in whole minutes, and how many files they rest on. */
export type DurationSummary = TimeFigures['detect'];

/** A breakdown of incidents and how many files it rests on (those with a known value). */
export type Breakdown = StatsReport['counts']['bySeverity'];

/** How many incidents have one value (a severity, a category, a service, a month). */
export type CountRow = Breakdown['rows'][number];

/** Incidents sharing a root-cause category and a service, each within the window of the one before. */
export type RecurrenceChain = StatsReport['recurrence']['chains'][number];

/** One incident of a recurrence chain. */
export type ChainIncident = RecurrenceChain['incidents'][number];

/** The action-item figures. */
export type ActionFigures = StatsReport['actionItems'];

/** Open and overdue action items of one owner or type. */
export type ActionRow = ActionFigures['byOwner'][number];

/** What the figures say about `prevent` items; see docs/stats.md for what "done by the due date" means. */
export type PreventFigures = ActionFigures['prevent'];
