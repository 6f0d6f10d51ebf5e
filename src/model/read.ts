import { readFileBounded } from './bounded-read.js';
import { parsePostmortemBytes, type ParseOptions } from './parse.js';
import type { ParseResult } from './types.js';

/** Reads (bounded) and parses a postmortem file; a missing, unreadable or refused file throws FileReadError. */
export function readPostmortemFile(path: string, options: ParseOptions = {}): ParseResult {
  const bytes = readFileBounded(path);
  return parsePostmortemBytes(bytes, path, options);
}
