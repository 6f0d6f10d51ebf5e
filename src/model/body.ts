import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { List, Root, Table, TableRow } from 'mdast';
import type { ActionItemRow, ActionItemsTable, Section, TableCell, TimelineItem } from './types.js';
import { TIMELINE_PREFIX, parseTimelineInstant } from './timestamp.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Finds headings of level 1 to 3 with a line scan rather than a full Markdown parse: sections
 * are all most rules need, and the scan costs a fraction of a parse. Fenced code is skipped.
 */
export function scanSections(body: string, bodyStartLine: number): Section[] {
  const lines = body.split('\n');
  const found: Array<{ title: string; depth: number; index: number }> = [];
  let fence: string | null = null;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (fence) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(new RegExp(`^${fence[0] === '`' ? '`' : '~'}+`), '') === '') fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const f = FENCE.exec(line);
    if (f) {
      fence = f[1] as string;
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    const h = ATX_HEADING.exec(line);
    if (h && (h[1] as string).length <= 3) {
      found.push({ title: (h[2] ?? '').trim(), depth: (h[1] as string).length, index: i });
    }
  }
  return found.map((h, n) => {
    let end = lines.length - 1;
    for (let k = n + 1; k < found.length; k++) {
      const next = found[k] as { depth: number; index: number };
      if (next.depth <= h.depth) {
        end = next.index - 1;
        break;
      }
    }
    return {
      title: h.title,
      depth: h.depth,
      line: h.index + bodyStartLine,
      column: 1,
      contentStartLine: h.index + 1 + bodyStartLine,
      endLine: end + bodyStartLine,
      content: lines.slice(h.index + 1, end + 1).join('\n'),
    };
  });
}

/** Finds the level-2 section with the given title (case-insensitive). */
export function findSection(sections: Section[], title: string): Section | undefined {
  const wanted = title.toLowerCase();
  return sections.find((s) => s.depth === 2 && s.title.toLowerCase() === wanted);
}

function parseSectionMarkdown(content: string): Root {
  return fromMarkdown(content, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** A section's lines without CRLF's `\r`, so CRLF files take the fast paths too. */
function contentLines(section: Section): string[] {
  return section.content.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * The timeline of the common, simple shape without a Markdown parse: nothing but one-line items
 * `- YYYY-MM-DD …` (one marker, no indentation, no trailing white space) between blank lines.
 * Anything else returns null and goes through the full parser; for the simple shape both give
 * the same items (a test compares them), at a fraction of the cost.
 */
function fastTimeline(section: Section): TimelineItem[] | null {
  const lines = contentLines(section);
  let first = 0;
  while (first < lines.length && (lines[first] as string).trim() === '') first++;
  let last = lines.length - 1;
  while (last >= first && (lines[last] as string).trim() === '') last--;
  if (first > last) return null;
  const marker = (lines[first] as string)[0];
  const items: TimelineItem[] = [];
  for (let i = first; i <= last; i++) {
    const line = lines[i] as string;
    if (line[0] !== marker || !/^[-*+] \d{4}-\d{2}-\d{2}[^\t\r]*\S$/.test(line)) return null;
    const n = i + section.contentStartLine;
    items.push(readTimelineItem(line.slice(2), n, 1, n, line.length + 1, 3));
  }
  return items;
}

/** Parses the items of the first list in a `Timeline` section. */
export function parseTimeline(section: Section): TimelineItem[] {
  const fast = fastTimeline(section);
  if (fast) return fast;
  const tree = parseSectionMarkdown(section.content);
  const offsetLine = section.contentStartLine - 1;
  const items: TimelineItem[] = [];
  for (const node of tree.children) {
    if (node.type !== 'list') continue;
    for (const item of (node as List).children) {
      const start = item.position?.start;
      const end = item.position?.end;
      if (!start || !end) continue;
      const paragraph = item.children[0];
      let text = '';
      let textColumn = start.column + 2;
      if (paragraph?.type === 'paragraph' && paragraph.position) {
        text = section.content
          .slice(paragraph.position.start.offset, paragraph.position.end.offset)
          .split('\n')
          .map((l) => l.trim())
          .join(' ');
        textColumn = paragraph.position.start.column;
      }
      items.push(readTimelineItem(text, start.line + offsetLine, start.column, end.line + offsetLine, end.column, textColumn));
    }
  }
  return items;
}

function readTimelineItem(
  text: string,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  textColumn: number,
): TimelineItem {
  const m = TIMELINE_PREFIX.exec(text);
  if (!m) return { text, line, column, endLine, endColumn, timestamp: null, separator: null, event: text };
  const stampText = m[1] as string;
  const zone = m[4] ?? null;
  return {
    text,
    line,
    column,
    endLine,
    endColumn,
    timestamp: {
      text: stampText,
      zone,
      instant: zone ? parseTimelineInstant(m[2] as string, m[3] as string, zone) : null,
      column: textColumn,
      endColumn: textColumn + stampText.length,
    },
    separator: m[5] ?? null,
    event: text.slice(m[0].length).trim(),
  };
}

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
 * a table whose rows all begin and end with a pipe and have as many cells as the header, and a
 * blank line (or the end) follows. Anything else returns null and goes through the full parser,
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
    if (!rowShape.test(line) || p.length - 1 !== count) return null;
    const lineNo = k + section.contentStartLine;
    const cells: Record<string, TableCell> = {};
    cellsOf(line, p).forEach((c, n) => {
      const key = keys[n];
      if (key) cells[key] = { text: cellText(line, c.start, c.end), line: lineNo, column: c.start + 1, endColumn: c.end + 1 };
    });
    rows.push({ cells, line: lineNo, column: 1, endColumn: line.length + 1 });
  }
  return { columns, line: i + section.contentStartLine, column: 1, rows };
}

/** Parses the first GFM table of an `Action items` section. */
export function parseActionItems(section: Section): ActionItemsTable | null {
  const fast = fastActionItems(section);
  if (fast) return fast;
  const tree = parseSectionMarkdown(section.content);
  const table = tree.children.find((n) => n.type === 'table') as Table | undefined;
  if (!table?.position) return null;
  const offsetLine = section.contentStartLine - 1;
  const [header, ...rows] = table.children as TableRow[];
  const columns = (header?.children ?? []).map((cell) =>
    cellText(section.content, cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0),
  );
  const keys = columns.map((c) => c.toLowerCase());
  const parsedRows: ActionItemRow[] = rows.map((row) => {
    const cells: Record<string, TableCell> = {};
    row.children.forEach((cell, i) => {
      const key = keys[i];
      if (!key || !cell.position) return;
      cells[key] = {
        text: cellText(section.content, cell.position.start.offset ?? 0, cell.position.end.offset ?? 0),
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
  return { columns, line: table.position.start.line + offsetLine, column: table.position.start.column, rows: parsedRows };
}
