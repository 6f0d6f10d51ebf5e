/** JSON of the export formats, with positions for the messages about what could not be read. */
import type { SourceMessage } from './types.js';

/** Parsed JSON, or a message at the line and column of the syntax error. */
export function parseJson(text: string, file: string): { value: unknown } | { message: SourceMessage } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const why = (error as Error).message;
    const at = /position (\d+)/.exec(why);
    const { line, column } = at ? lineColumn(text, Number(at[1])) : { line: 1, column: 1 };
    return {
      message: { file, line, column, message: `expected JSON, found a syntax error: ${jsonSyntaxReason(why)}` },
    };
  }
}

/** JSON.parse's message without the position, which the message gives as line and column: Node 20's and Node 22's wording. */
export function jsonSyntaxReason(why: string): string {
  // The lookbehind starts a match only where a run of blanks starts: linear on many blanks.
  return why.replace(/(?<!\s)\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The line of every element of the arrays at nesting `depth` (1: the top-level array; 2: an array
 * held by the top-level object, as `{"log_entries": [...]}`), in order. Computed only when a
 * message needs one, since it walks the whole text.
 */
export function elementLines(text: string, depth: number): number[] {
  const lines: number[] = [];
  const stack: string[] = [];
  let line = 1;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (expecting && c !== ']') {
      lines.push(line);
      expecting = false;
    }
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') line++;
      }
    } else if (c === '[' || c === '{') {
      stack.push(c);
      expecting = c === '[' && stack.length === depth;
    } else if (c === ']' || c === '}') {
      stack.pop();
      expecting = false;
    } else if (c === ',') {
      expecting = stack[stack.length - 1] === '[' && stack.length === depth;
    }
  }
  return lines;
}
