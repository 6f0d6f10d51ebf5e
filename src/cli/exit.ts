import { PostmortemError, ProblemsError, type ErrorKind } from '../model/errors.js';
import type { Io } from './io.js';
import { printProblems } from './report.js';

/** The one place where an error's kind becomes an exit code. */
const EXIT_CODE_OF: Record<ErrorKind, number> = { usage: 2, input: 1, runtime: 2, interrupted: 130 };

const FS_REASONS: Record<string, string> = {
  EEXIST: 'a file is in the way (expected a folder there, or no file)',
  EISDIR: 'is a folder, expected a file',
  ENOTDIR: 'a part of the path is a file, expected a folder',
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

/** A failed file operation on a path the user gave (not a bug): `path: reason`, or null. */
function describeFileSystemError(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException | null;
  if (!e || typeof e.code !== 'string' || typeof e.path !== 'string' || !(e.code in FS_REASONS)) return null;
  const dest = (e as unknown as { dest?: unknown }).dest;
  const target = typeof dest === 'string' ? dest : e.path;
  return `${target}: cannot ${e.syscall ?? 'access'} it: ${FS_REASONS[e.code]}. Check the path and run the command again.`;
}

/**
 * Prints an error that ended a command and returns its exit code: an error with a kind by that kind
 * (problems with positions each on a line),
 * a failed file operation as exit 2, anything else as an internal error (a bug) with exit 2.
 */
export function reportError(error: unknown, io: Io): number {
  if (error instanceof ProblemsError) {
    printProblems(io, error.path, error.problems);
    return EXIT_CODE_OF[error.kind];
  }
  if (error instanceof PostmortemError) {
    io.stderr.write(`${io.errorColor.red('error')} ${error.message}\n`);
    return EXIT_CODE_OF[error.kind];
  }
  const fsProblem = describeFileSystemError(error);
  if (fsProblem) {
    io.stderr.write(`${io.errorColor.red('error')} ${fsProblem}\n`);
    return 2;
  }
  const text = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `${io.errorColor.red('internal error')} ${text}\nThis is a bug in postmortem; please report it with the command you ran.\n`,
  );
  if (io.env.POSTMORTEM_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return 2;
}
