import { computeStats, type StatsInput } from '../../stats/index.js';
import { formatStats } from '../../stats/formats/index.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { parseNowDay } from '../now.js';
import { emit, readProject, warnUnreadable } from '../report-io.js';
import type { OptionsOf, STATS_OPTIONS } from '../options.js';

/** Options of `postmortem stats`, as commander parses them. */
export type StatsCommandOptions = OptionsOf<typeof STATS_OPTIONS>;

/** `postmortem stats [PATHS…]`: figures across postmortems; 0, or 1 when some files could not be read. */
export async function statsCommand(patterns: string[], options: StatsCommandOptions, io: Io): Promise<number> {
  const { format } = options;
  const windowText = options.windowDays;
  if (!/^\d+$/.test(windowText) || Number(windowText) < 1)
    throw new UsageError(`--window-days ${windowText}: expected a whole number of days >= 1.`);
  const now = parseNowDay(options.now);
  const report = (input: StatsInput) => computeStats(input, { now, windowDays: Number(windowText) });
  let input: StatsInput;
  let text: string;
  // Only csv lists the action items, with their texts; the other formats read records without them.
  if (format === 'csv') {
    const withTexts = await readProject(patterns, io, { config: options.config, texts: true });
    input = withTexts;
    text = formatStats(report(withTexts), format, withTexts.records);
  } else {
    input = await readProject(patterns, io, { config: options.config });
    text = formatStats(report(input), format);
  }
  await emit(text, io, options.out, options.force);
  warnUnreadable(input, io);
  return input.unreadable.length > 0 ? 1 : 0;
}
