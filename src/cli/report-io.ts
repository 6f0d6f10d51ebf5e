import { resolve } from 'node:path';
import type { StatsInput } from '../stats/index.js';
import { readIncidentsParallel } from '../stats/read-parallel.js';
import { writeOutputFile, type Io } from './io.js';
import { findProjectFiles, loadProjectConfig } from './project.js';

/** Loads the project config (so a bad one fails as in every command), finds the files as lint does, reads them. */
export async function readProject(patterns: readonly string[], io: Io, configPath?: string): Promise<StatsInput> {
  // A bad config (runtime) or a path that matches nothing (usage) is reported by run() with exit 2.
  const project = await loadProjectConfig(io, configPath);
  const files = findProjectFiles(patterns, io, project);
  return readIncidentsParallel(files, { cwd: io.cwd });
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
