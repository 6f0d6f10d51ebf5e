import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { kindOf } from './files.js';

/**
 * Largest file lint reads, checked before reading. The model's MAX_FILE_BYTES, repeated here so
 * that a run served from the cache never loads the parser (a test keeps the two equal).
 */
export const MAX_READ_BYTES = 5 * 1024 * 1024;

/** A file's bytes, or why it was not read (one sentence after "Expected a readable postmortem file, found …"). */
export type ReadOutcome = { bytes: Uint8Array; size: number; mtimeMs: number } | { problem: string };

/**
 * Reads a postmortem file with bounds: opened without blocking (a FIFO would wait for a writer),
 * then only a regular file of at most MAX_READ_BYTES is read, never more bytes than its size said.
 * A symlink to /dev/zero or a 2 GB file costs one `fstat`, not the machine's memory.
 */
export function readBounded(path: string): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { problem: reasonOf(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: `${kindOf(stats)}, not a regular file` };
    if (stats.size > MAX_READ_BYTES)
      return { problem: `a file of ${stats.size} bytes (at most ${MAX_READ_BYTES / 1024 / 1024} MB are read)` };
    const bytes = new Uint8Array(stats.size);
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
    return { problem: reasonOf(error) };
  } finally {
    closeSync(fd);
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'EISDIR') return 'a folder';
  if (code === 'ENOENT') return 'no such file';
  return `an unreadable file (${code})`;
}
