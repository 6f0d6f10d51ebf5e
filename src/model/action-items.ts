import type { Table } from 'mdast';
import { cellText, readActionItemsLines } from './action-items-lines.js';
import { shallowContent } from './sections.js';
import { parseSectionMarkdown } from './section-markdown.js';
import type { ActionItemRow, ActionItemsTable, Section, TableCell } from './types.js';

// The Action items section: its first table, by the line reader or the Markdown parser.

/** Parses the first GFM table of an `Action items` section. */
export function parseActionItems(section: Section): ActionItemsTable | null {
  return readActionItemsLines(section) ?? parseActionItemsMarkdown(section);
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
