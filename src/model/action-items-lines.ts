import { contentLines } from './sections.js';
import type { ActionItemRow, ActionItemsTable, Section, TableCell } from './types.js';

// The line reader of the Action items table, apart from the Markdown parser (action-items.ts) so
// that the fast readers (stats) load it without the parser.

/**
 * A table cell's text: trimmed, without its pipes, `\\|` read as `|`. `escapes` false says the content
 * holds no backslash (the line reader knows it of each row), so there is no `\\|` to look for.
 */
export function cellText(content: string, start: number, end: number, escapes = true): string {
  // The bounds are moved by character codes and the text cut out once, not sliced and trimmed three
  // times: a stats run reads ~330,000 cells. `trim` drops what `isTrimmed` accepts.
  let from = start;
  let to = end;
  while (from < to && isTrimmed(content.charCodeAt(from))) from++;
  while (to > from && isTrimmed(content.charCodeAt(to - 1))) to--;
  if (from < to && content.charCodeAt(from) === 0x7c) from++;
  if (to > from && content.charCodeAt(to - 1) === 0x7c && !(to - 2 >= from && content.charCodeAt(to - 2) === 0x5c))
    to--;
  while (from < to && isTrimmed(content.charCodeAt(from))) from++;
  while (to > from && isTrimmed(content.charCodeAt(to - 1))) to--;
  const text = content.slice(from, to);
  // Most cells hold no escaped pipe; the replace is skipped for them.
  return escapes && text.includes('\\|') ? text.replace(/\\\|/g, '|') : text;
}

/** True for the white space and line terminators `String.prototype.trim` drops. */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * True for a table row of the line reader's shape, `/^\|[^\t\r]*\|$/`: two character codes and two
 * searches of one character, not a regex tried at each character of every row (55,000 rows in a
 * stats run, most of their length the action's text).
 */
function rowShape(line: string): boolean {
  return (
    line.length >= 2 &&
    line.charCodeAt(0) === 0x7c &&
    line.charCodeAt(line.length - 1) === 0x7c &&
    !line.includes('\t') &&
    !line.includes('\r')
  );
}

/** The delimiter row under the header; made once, not a call. */
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;

/** Offsets of the unescaped pipes of a table row; `escapes` says whether it holds a backslash. */
function pipes(line: string, escapes: boolean): number[] {
  const out: number[] = [];
  // Without a backslash every pipe counts, and the search skips the text between them.
  if (!escapes) {
    for (let i = line.indexOf('|'); i !== -1; i = line.indexOf('|', i + 1)) out.push(i);
    return out;
  }
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') out.push(i);
  }
  return out;
}

/** Where cell `n` of a row with pipes at `p` ends: at the next pipe, the last cell at the end of the line. */
function cellEnd(line: string, p: readonly number[], n: number): number {
  return n === p.length - 2 ? line.length : (p[n + 1] as number);
}

/**
 * The action items table of the common shape without a Markdown parse: the section starts with
 * a table whose rows all begin and end with a pipe, and a blank line (or the end) follows. Anything else returns null and goes through the full parser,
 * which gives the same rows for this shape (a test compares them). With `columns` (lower-case
 * names), a row's cells hold only those columns: the longest cell, the action's text, is not cut
 * out for a reader that only counts items (stats without texts). The table is checked alike.
 */
export function readActionItemsLines(section: Section, columns?: ReadonlySet<string>): ActionItemsTable | null {
  const lines = contentLines(section);
  let i = 0;
  while (i < lines.length && (lines[i] as string).trim() === '') i++;
  const header = lines[i];
  const delimiter = lines[i + 1];
  if (header === undefined || delimiter === undefined || !rowShape(header)) return null;
  if (!DELIMITER_ROW.test(delimiter)) return null;
  const headerPipes = pipes(header, header.includes('\\'));
  const count = headerPipes.length - 1;
  if (count < 1 || pipes(delimiter, delimiter.includes('\\')).length - 1 !== count) return null;
  // Loops that push onto literals, not maps: an array made by a map has another shape once the map is
  // optimised, and the code reading it was thrown away and compiled again for each.
  const names: string[] = [];
  const keys: string[] = [];
  for (let n = 0; n < count; n++) {
    const name = cellText(header, headerPipes[n] as number, cellEnd(header, headerPipes, n));
    const key = name.toLowerCase();
    names.push(name);
    keys.push(!columns || columns.has(key) ? key : '');
  }
  const rows: ActionItemRow[] = [];
  let k = i + 2;
  for (; k < lines.length; k++) {
    const line = lines[k] as string;
    if (line.trim() === '') break;
    const escapes = line.includes('\\');
    const p = pipes(line, escapes);
    if (!rowShape(line) || p.length < 2 || p[p.length - 1] !== line.length - 1) return null;
    const lineNo = k + section.contentStartLine;
    const cells: Record<string, TableCell> = {};
    // As in GFM, a row may have fewer cells than the header (the rest are missing) or more
    // (the excess is ignored); a large table of uneven rows must not need the full parser.
    // A plain loop, without arrays or closures per row: a stats run reads ~330,000 cells.
    for (let n = 0; n < count && n < p.length - 1; n++) {
      const key = keys[n];
      const start = p[n] as number;
      const end = cellEnd(line, p, n);
      if (key)
        cells[key] = { text: cellText(line, start, end, escapes), line: lineNo, column: start + 1, endColumn: end + 1 };
    }
    rows.push({ cells, line: lineNo, column: 1, endColumn: line.length + 1 });
  }
  return { columns: names, line: i + section.contentStartLine, column: 1, rows };
}
