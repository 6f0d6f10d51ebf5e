// Kept apart from the formatters so that the CLI's option table can list them without loading them.

/** The output formats of `postmortem stats`. */
export const STATS_FORMATS = ['table', 'markdown', 'json', 'html', 'csv'] as const;
/** One of {@link STATS_FORMATS}. */
export type StatsFormat = (typeof STATS_FORMATS)[number];

/** The output formats of `postmortem actions`. */
export const ACTIONS_FORMATS = ['table', 'csv', 'json', 'gh'] as const;
/** One of {@link ACTIONS_FORMATS}. */
export type ActionsFormat = (typeof ACTIONS_FORMATS)[number];
