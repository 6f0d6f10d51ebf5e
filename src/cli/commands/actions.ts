import { formatActions, selectActions } from '../../stats/formats/actions.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { parseNowDay } from '../now.js';
import { emit, readProject, warnUnreadable } from '../report-io.js';
import type { OptionsOf, ACTIONS_OPTIONS } from '../options.js';

/** Options of `postmortem actions`, as commander parses them. */
export type ActionsCommandOptions = OptionsOf<typeof ACTIONS_OPTIONS>;

/** `postmortem actions [PATHS…]`: lists action items; 0, or 1 when some files could not be read. */
export async function actionsCommand(patterns: string[], options: ActionsCommandOptions, io: Io): Promise<number> {
  const { format } = options;
  if (options.repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(options.repo))
    throw new UsageError(`--repo ${options.repo}: expected OWNER/NAME, e.g. relata/crm.`);
  const today = parseNowDay(options.now);
  const input = await readProject(patterns, io, { config: options.config, texts: true });
  const items = selectActions(
    input.records.flatMap((r) => r.actionItems),
    { today, ...(options.open ? { open: true } : {}), ...(options.overdue ? { overdue: true } : {}) },
  );
  const text = formatActions(items, format, {
    today,
    ...(options.repo ? { repo: options.repo } : {}),
    ...(options.label ? { labels: options.label } : {}),
  });
  await emit(text, io, options.out, options.force);
  warnUnreadable(input, io);
  return input.unreadable.length > 0 ? 1 : 0;
}
