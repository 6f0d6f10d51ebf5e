import { resolve } from 'node:path';
import { FileReadError, readPostmortemFile, type Postmortem } from '../model/index.js';
import { RuntimeError } from './errors.js';
import type { Io } from './io.js';
import { printProblems } from './report.js';

/** Reads and parses a postmortem for a command; prints parse problems and returns null on them. */
export function loadPostmortem(file: string, io: Io): Postmortem | null {
  const path = resolve(io.cwd, file);
  let result;
  try {
    result = readPostmortemFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new RuntimeError(`${file}: no such file. Check the path, or create one with \`postmortem new\`.`);
    if (code === 'EISDIR') throw new RuntimeError(`${file}: is a folder; expected a postmortem file.`);
    if (error instanceof FileReadError)
      throw new RuntimeError(
        `${file}: expected a postmortem file (a regular file of at most 5 MB), found ${error.reason}.`,
      );
    throw new RuntimeError(`${file}: cannot read: ${(error as Error).message}`);
  }
  if (result.problems.length > 0) {
    printProblems(io, path, result.problems);
    return null;
  }
  return result.postmortem;
}
