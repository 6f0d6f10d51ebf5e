import { resolve } from 'node:path';
import type { ItemOf, StatsInput } from '../stats/index.js';
import { readIncidentsParallel } from '../stats/read-parallel.js';
import { writeOutputFile, type Io } from './io.js';
import { findProjectFiles, loadProjectConfig } from './project.js';

/**
 * Loads the project config (so a bad one fails as in every command), finds the files as lint does,
 * reads them; the action items keep their texts only when `texts` is true (the outputs that list them).
 */
export async function readProject<Texts extends boolean = false>(
  patterns: readonly string[],
  io: Io,
  options: { config?: string | undefined; texts?: Texts },
): Promise<StatsInput<ItemOf<Texts>>> {
  // A bad config (runtime) or a path that matches nothing (usage) is reported by run() with exit 2.
  const project = await loadProjectConfig(io, options.config);
  const files = findProjectFiles(patterns, io, project);
  return readIncidentsParallel(files, { cwd: io.cwd, texts: options.texts });
}

/** Prints the output, or writes it to `--out` (atomically; an existing file only with `--force`). */
export async function emit(text: string, io: Io, out?: string, force?: boolean): Promise<void> {
  if (!out) {
    io.stdout.write(text);
    return;
  }
  await writeOutputFile(resolve(io.cwd, out), text, { force: force ?? false, shownAs: out });
  io.stderr.write(`Wrote ${out}\n`);
}

const SHOWN_ON_STDERR = 10;

/** Tells on stderr that some files could not be read, so a piped report is not mistaken for the whole story. */
export function warnUnreadable(input: StatsInput, io: Io): void {
  if (input.unreadable.length === 0) return;
  io.stderr.write(
    `${io.errorColor.yellow('warning')} ${input.unreadable.length} of ${input.files} files could not be read and are not in the figures:\n`,
  );
  for (const n of input.unreadable.slice(0, SHOWN_ON_STDERR))
    io.stderr.write(`${n.path}:${n.line}:${n.column}: ${n.message}\n`);
  if (input.unreadable.length > SHOWN_ON_STDERR)
    io.stderr.write(`… and ${input.unreadable.length - SHOWN_ON_STDERR} more, all listed in the report.\n`);
  io.stderr.write('Run `postmortem lint` on them for details.\n');
}
