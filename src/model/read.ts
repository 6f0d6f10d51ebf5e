import { readFile } from 'node:fs/promises';
import { parsePostmortemBytes, type ParseOptions } from './parse.js';
import type { ParseResult } from './types.js';

/** Reads and parses a postmortem file; a missing or unreadable file throws the fs error. */
export async function readPostmortemFile(path: string, options: ParseOptions = {}): Promise<ParseResult> {
  const bytes = await readFile(path);
  return parsePostmortemBytes(bytes, path, options);
}
