import type { Table } from 'mdast';
import { contentLines, parseSectionMarkdown, shallowContent } from './sections.js';
import type { ActionItemRow, ActionItemsTable, Section, TableCell } from './types.js';

// The Action items section: its first table, by a line reader or the Markdown parser.

function cellText(content: string, start: number, end: number): string {
  let text = content.slice(start, end).trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text.trim().replace(/\\\|/g, '|');
}

/** Offsets of the unescaped pipes of a table row. */
function pipes(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') out.push(i);
  }
  return out;
}

/**
 * The action items table of the common shape without a Markdown parse: the section starts with
 * a table whose rows all begin and end with a pipe, and a blank line (or the end) follows. Anything else returns null and goes through the full parser,
 * which gives the same rows for this shape (a test compares them).
 */
function fastActionItems(section: Section): ActionItemsTable | null {
  const lines = contentLines(section);
  let i = 0;
  while (i < lines.length && (lines[i] as string).trim() === '') i++;
  const rowShape = /^\|[^\t\r]*\|$/;
  const header = lines[i];
  const delimiter = lines[i + 1];
  if (header === undefined || delimiter === undefined || !rowShape.test(header)) return null;
  if (!/^\|(?: *:?-+:? *\|)+$/.test(delimiter)) return null;
  const headerPipes = pipes(header);
  const count = headerPipes.length - 1;
  if (count < 1 || pipes(delimiter).length - 1 !== count) return null;
  const cellsOf = (line: string, p: number[]) =>
    p.slice(0, -1).map((start, k) => ({ start, end: k === p.length - 2 ? line.length : (p[k + 1] as number) }));
  const columns = cellsOf(header, headerPipes).map((c) => cellText(header, c.start, c.end));
  const keys = columns.map((c) => c.toLowerCase());
  const rows: ActionItemRow[] = [];
  let k = i + 2;
  for (; k < lines.length; k++) {
    const line = lines[k] as string;
    if (line.trim() === '') break;
    const p = pipes(line);
    if (!rowShape.test(line) || p.length < 2 || p[p.length - 1] !== line.length - 1) return null;
    const lineNo = k + section.contentStartLine;
    const cells: Record<string, TableCell> = {};
    // As in GFM, a row may have fewer cells than the header (the rest are missing) or more
    // (the excess is ignored); a large table of uneven rows must not need the full parser.
    cellsOf(line, p)
      .slice(0, count)
      .forEach((c, n) => {
        const key = keys[n];
        if (key)
          cells[key] = {
            text: cellText(line, c.start, c.end),
            line: lineNo,
            column: c.start + 1,
            endColumn: c.end + 1,
          };
      });
    rows.push({ cells, line: lineNo, column: 1, endColumn: line.length + 1 });
  }
  return { columns, line: i + section.contentStartLine, column: 1, rows };
}

/** Parses the first GFM table of an `Action items` section. */
export function parseActionItems(section: Section): ActionItemsTable | null {
  return fastActionItems(section) ?? parseActionItemsMarkdown(section);
}

/** Reads the first GFM table with the Markdown parser: what the line reader must agree with. */
export function parseActionItemsMarkdown(section: Section): ActionItemsTable | null {
  const content = shallowContent(section);
  const tree = parseSectionMarkdown(content);
  const table = tree.children.find((n): n is Table => n.type === 'table');
  if (!table?.position) return null;
  const offsetLine = section.contentStartLine - 1;
  const [header, ...rows] = table.children;
  const columns = (header?.children ?? []).map((cell) =>
    cellText(content, cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0),
  );
  const keys = columns.map((c) => c.toLowerCase());
  const parsedRows: ActionItemRow[] = rows.map((row) => {
    const cells: Record<string, TableCell> = {};
    row.children.forEach((cell, i) => {
      const key = keys[i];
      if (!key || !cell.position) return;
      cells[key] = {
        text: cellText(content, cell.position.start.offset ?? 0, cell.position.end.offset ?? 0),
        line: cell.position.start.line + offsetLine,
        column: cell.position.start.column,
        endColumn: cell.position.end.column,
      };
    });
    return {
      cells,
      line: (row.position?.start.line ?? 1) + offsetLine,
      column: row.position?.start.column ?? 1,
      endColumn: row.position?.end.column ?? 1,
    };
  });
  return {
    columns,
    line: table.position.start.line + offsetLine,
    column: table.position.start.column,
    rows: parsedRows,
  };
}

/**
 * Why a cell or answer cannot be an action item's owner (a person or a team), or null when it can:
 * nothing, a dash, a date typed into the wrong field, or no letter at all. One check for the
 * interview and the `action-item-owner` rule.
 */
export function ownerProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'none';
  if (/^[-–—]$/.test(value)) return `"${value}"`;
  if (/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(value)) return `a date ("${value}")`;
  if (!/\p{L}/u.test(value)) return `"${value}", which names no person or team`;
  return null;
}
