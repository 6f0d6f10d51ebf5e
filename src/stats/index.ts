/** Figures across many postmortems: reading, computing and the report's types. */
export * from './types.js';
export * from './report.js';
export { readIncidents, shownPath } from './collect.js';
export { computeStats, type StatsOptions } from './compute.js';
export { isOpen, isOverdue } from './actions.js';
export { formatMinutes, toMinutes, nearestRank } from './durations.js';
