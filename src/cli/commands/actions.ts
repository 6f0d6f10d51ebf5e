import { ACTIONS_FORMATS, formatActions, selectActions, type ActionsFormat } from '../../stats/formats/actions.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { parseNowDay } from '../now.js';
import { emit, readProject, warnUnreadable } from '../report-io.js';

/** Options of `postmortem actions`, as commander parses them. */
export interface ActionsCommandOptions {
  format?: string;
  open?: boolean;
  overdue?: boolean;
  now?: string;
  repo?: string;
  label?: string[];
  out?: string;
  force?: boolean;
  config?: string;
}

/** `postmortem actions [PATHS…]`: lists action items; 0, or 1 when some files could not be read. */
export async function actionsCommand(patterns: string[], options: ActionsCommandOptions, io: Io): Promise<number> {
  const format = (options.format ?? 'table') as ActionsFormat;
  if (!ACTIONS_FORMATS.includes(format))
    throw new UsageError(`--format ${options.format}: expected one of ${ACTIONS_FORMATS.join(', ')}.`);
  if (options.repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(options.repo))
    throw new UsageError(`--repo ${options.repo}: expected OWNER/NAME, e.g. relata/crm.`);
  const today = parseNowDay(options.now);
  const input = await readProject(patterns, io, options.config);
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
