/**
 * The one bounded reader: every file the CLI reads as input (a postmortem, an answers file, a draft,
 * a template override, a config) goes through it, so that a FIFO never blocks and a link to
 * /dev/zero or a huge file costs one `fstat`, not the machine's memory. A leaf module (node:fs and
 * our error types only), so that lint's cached runs can use it without loading the parser.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { RuntimeError } from './errors.js';

/** Largest file read, checked before reading; the parser's MAX_FILE_BYTES (a test keeps the two equal). */
export const MAX_READ_BYTES = 5 * 1024 * 1024;

/** The kind of a file that is not a regular file, for messages. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * A file's bytes, or why it was not read: `problem` completes "Expected a readable file, found …",
 * `code` is the fs error's code, EISDIR for a folder, ENOTREG for another non-file, EFBIG when too large.
 */
export type ReadOutcome = { bytes: Uint8Array; size: number; mtimeMs: number } | { problem: string; code: string };

/**
 * A buffer that readBounded reads into again and again: a reader of thousands of files (stats) that
 * is done with each file's bytes before it reads the next allocates nothing a file. A fresh typed
 * array a file was a tenth of a stats run: zeroed memory, page faults, and garbage collections
 * driven by its external memory.
 */
export interface ReadBuffer {
  bytes: Uint8Array;
}

/**
 * Reads a file with bounds: opened without blocking (a FIFO would wait for a writer), then only a
 * regular file of at most MAX_READ_BYTES is read, never more bytes than its size said. With `into`,
 * the bytes are a view into its buffer (grown when too small), valid until the next read into it.
 */
export function readBounded(path: string, into?: ReadBuffer): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      return { problem: `${kindOf(stats)}, not a regular file`, code: stats.isDirectory() ? 'EISDIR' : 'ENOTREG' };
    if (stats.size > MAX_READ_BYTES)
      return {
        problem: `a file of ${stats.size} bytes (at most ${MAX_READ_BYTES / 1024 / 1024} MB are read)`,
        code: 'EFBIG',
      };
    if (into && into.bytes.length < stats.size)
      into.bytes = new Uint8Array(Math.max(stats.size, 2 * into.bytes.length));
    const bytes = into ? into.bytes.subarray(0, stats.size) : new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return {
      bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled),
      size: stats.size,
      mtimeMs: stats.mtimeMs,
    };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

function failure(error: unknown): { problem: string; code: string } {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'EISDIR') return { problem: 'a folder', code };
  if (code === 'ENOENT') return { problem: 'no such file', code };
  return { problem: `an unreadable file (${code})`, code };
}

/**
 * A file `readFileBounded` refused or could not read; a runtime failure (exit 2) whose message names
 * the file. `code` is as in ReadOutcome, so a caller can still treat a missing file (ENOENT) its own way.
 */
export class FileReadError extends RuntimeError {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${path}: expected a regular file of at most ${MAX_READ_BYTES / 1024 / 1024} MB, found ${reason}.`);
  }
}

/** Reads a whole file through readBounded, or throws FileReadError naming it as `shownAs`. */
export function readFileBounded(path: string, shownAs = path): Buffer {
  const read = readBounded(path);
  if ('problem' in read) throw new FileReadError(shownAs, read.code, read.problem);
  return Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
}

/** Reads a whole UTF-8 text file through readBounded, or throws FileReadError naming it as `shownAs`. */
export function readTextBounded(path: string, shownAs = path): string {
  return readFileBounded(path, shownAs).toString('utf8');
}
