/** A source file's text, read with the same bounds lint reads postmortems with. */
import { readBounded } from '../lint/read.js';
import type { SourceMessage } from './types.js';

/** The file's text, or a message saying why it was not read. */
export function readSourceFile(path: string, shown: string): { text: string } | { message: SourceMessage } {
  const got = readBounded(path);
  if ('problem' in got) return { message: { file: shown, message: `cannot read: ${got.problem}` } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(got.bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { message: { file: shown, message: 'expected UTF-8 text, found bytes that are not valid UTF-8' } };
  }
}
