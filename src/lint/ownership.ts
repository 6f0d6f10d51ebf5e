import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { UsageError } from '../model/errors.js';

/** A report or cache file would replace a file that lint did not write; `--force` allows it. */
export class NotOurFileError extends UsageError {
  constructor(
    readonly path: string,
    readonly what: 'report' | 'cache',
  ) {
    super(
      `${what === 'report' ? '--output-file' : '--cache-location'} ${path}: ` +
        `refusing to replace a file that is not a postmortem lint ${what}. Name another file, or pass --force to replace it.`,
    );
    this.name = 'NotOurFileError';
  }
}

/** How much of an existing file is looked at to recognise it. */
const PEEK_BYTES = 64 * 1024;

function peek(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : '\u0000';
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return '\u0000';
    const bytes = new Uint8Array(Math.min(stats.size, PEEK_BYTES));
    const n = bytes.length > 0 ? readSync(fd, bytes, 0, bytes.length, 0) : 0;
    return new TextDecoder().decode(bytes.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** True when text starts the way one of lint's formats starts its output (or is empty, as a clean stylish report is). */
export function looksLikeReport(text: string): boolean {
  const start = text.trimStart();
  if (start === '') return true;
  if (start.startsWith('<?xml') && text.includes('<testsuites name="postmortem lint">')) return true;
  if (
    /^\{\s*"\$schema":\s*"https:\/\/json\.schemastore\.org\/sarif/.test(start) &&
    text.includes('"name": "postmortem"')
  )
    return true;
  if (/^\[(?:\]|\{"filePath":)/.test(start)) return true;
  if (/^::(?:error|warning) file=/.test(start)) return true;
  // stylish: a blank line, a file name, then indented messages.
  return /^\n[^\n]+\n {2}\d+:\d+ +(?:error|warning) /.test(text);
}

/** True when text starts as a lint cache does. */
export function looksLikeCache(text: string): boolean {
  return /^\{"key":"[0-9a-f]{40}"/.test(text);
}

/**
 * Throws NotOurFileError when `path` exists and is not a lint report (or cache), so `-o` or
 * `--cache-location` pointed at a postmortem never replaces it; missing files and `force` pass.
 */
export function assertReplaceable(path: string, what: 'report' | 'cache', force: boolean): void {
  if (force) return;
  const found = peek(path);
  if (!found) return;
  const ours = what === 'report' ? looksLikeReport(found) : looksLikeCache(found);
  if (!ours) throw new NotOurFileError(path, what);
}
