/** Figures across many postmortems: reading, computing and the report's types. */
export * from './types.js';
export * from './report.js';
export { readIncidents } from './collect.js';
export { computeStats, type StatsOptions } from './compute.js';
export { formatMinutes } from './durations.js';
