import { resolve } from 'node:path';
import { FileReadError, readTextBounded, STATUSES } from '../../model/index.js';
import { setStatus, statusOf, type Status } from '../../lifecycle/status.js';
import { RuntimeError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { displayPath } from '../report.js';
import type { OptionsOf, STATUS_OPTIONS } from '../options.js';

/** Options of `postmortem status`. */
export type StatusOptions = OptionsOf<typeof STATUS_OPTIONS>;

function read(path: string, file: string): string {
  try {
    return readTextBounded(path, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RuntimeError(`${file}: no such file. Check the path.`);
    if (code === 'EISDIR') throw new RuntimeError(`${file}: is a folder; expected a postmortem file.`);
    if (error instanceof FileReadError) throw error;
    throw new RuntimeError(`${file}: cannot read: ${(error as Error).message}`);
  }
}

/** `postmortem status FILE [STATUS]`: prints the status, or sets it when its requirements hold. */
export async function statusCommand(
  file: string,
  status: string | undefined,
  options: StatusOptions,
  io: Io,
): Promise<number> {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    throw new UsageError(`${status}: expected a status out of ${STATUSES.join(' → ')}.`);
  if (status === undefined) {
    io.stdout.write(`${statusOf(read(path, file), path) ?? '(none)'}\n`);
    return 0;
  }
  const change = await setStatus({
    cwd: io.cwd,
    path,
    name: shown,
    source: read(path, file),
    status: status as Status,
    ...(options.config ? { configPath: resolve(io.cwd, options.config) } : {}),
  });
  if (change.blocking.length > 0) {
    for (const m of change.blocking)
      io.stderr.write(`${shown}:${m.line}:${m.column} ${io.errorColor.red('error')} ${m.message} (${m.ruleId})\n`);
    io.stderr.write(
      `Status stays ${change.from ?? '(none)'}: ${status} needs the problems above fixed first (\`postmortem lint ${shown}\`).\n`,
    );
    return 1;
  }
  io.stdout.write(
    change.changed ? `${shown}: ${change.from ?? '(none)'} → ${status}\n` : `${shown}: already ${status}\n`,
  );
  return 0;
}
