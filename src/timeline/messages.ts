import type { SourceMessage } from './types.js';

/** A source message as printed: `file:line:col: message`. */
export function formatSourceMessage(m: SourceMessage): string {
  return `${m.file}${m.line ? `:${m.line}${m.column ? `:${m.column}` : ''}` : ''}: ${m.message}`;
}
