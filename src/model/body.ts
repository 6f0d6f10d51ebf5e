import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root, Table } from 'mdast';
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
      if (
        line.trimStart().startsWith(fence) &&
        line.trim().replace(new RegExp(`^${fence[0] === '`' ? '`' : '~'}+`), '') === ''
      )
        fence = null;
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

/** Most list and quote markers a line may open before it counts as pathological nesting. */
export const MAX_NESTING = 32;
/** Deepest indentation (in columns) of a line's content before it counts as pathological nesting. */
export const MAX_INDENT = 128;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * True when a line opens more than MAX_NESTING list or quote containers or starts its content
 * deeper than MAX_INDENT columns. The Markdown parser's cost grows faster than linearly with
 * nesting (16,000 `- ` markers on one line took minutes), so such lines never reach it.
 */
function nestsTooDeep(line: string): boolean {
  let markers = 0;
  let column = 0;
  let i = 0;
  const gap = (k: number) => k >= line.length || line[k] === ' ' || line[k] === '\t' || line[k] === '\r';
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === ' ') {
      column++;
      i++;
    } else if (ch === '\t') {
      column += 4 - (column % 4);
      i++;
    } else if (ch === '>' || ((ch === '-' || ch === '*' || ch === '+') && gap(i + 1))) {
      markers++;
      column++;
      i++;
    } else if (isDigit(ch)) {
      let j = i;
      while (j - i < 9 && isDigit(line[j])) j++;
      if ((line[j] !== '.' && line[j] !== ')') || !gap(j + 1)) break;
      markers++;
      column += j + 1 - i;
      i = j + 1;
    } else {
      break;
    }
    if (markers > MAX_NESTING) return true;
  }
  return column > MAX_INDENT && i < line.length && line[i] !== '\r';
}

/** A section's content with every too-deeply nested line blanked (line numbers stay), ready for the Markdown parser. */
function shallowContent(section: Section): string {
  const lines = section.content.split('\n');
  let blanked = false;
  for (let i = 0; i < lines.length; i++) {
    if (!nestsTooDeep(lines[i] as string)) continue;
    lines[i] = '';
    blanked = true;
  }
  return blanked ? lines.join('\n') : section.content;
}

/** The first line of a section nested deeper than MAX_NESTING levels (or MAX_INDENT columns), or null. */
export function tooDeepLine(section: Section): number | null {
  const lines = section.content.split('\n');
  for (let i = 0; i < lines.length; i++) if (nestsTooDeep(lines[i] as string)) return i + section.contentStartLine;
  return null;
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
    const n = i + section.contentStartLine;
    if (line[0] === marker && /^[-*+] \d{4}-\d{2}-\d{2}[^\t\r]*\S$/.test(line)) {
      items.push(readTimelineItem(line.slice(2), n, 1, n, line.length + 1, 3));
      continue;
    }
    // A sub-list of details under an event is a list of its own inside the item: the item's text
    // stays its first line, only its end moves (as the Markdown parser has it). Real timelines
    // often have them, and sending them to the parser cost 15 % of a lint run.
    const item = items[items.length - 1];
    if (!item || !SUB_ITEM.test(line) || THEMATIC_BREAK.test(line.trimStart())) return null;
    item.endLine = n;
    item.endColumn = line.length + 1;
  }
  return items;
}

/** Largest section (in characters) handed to the Markdown parser; larger ones are read line by line. */
export const MAX_MARKDOWN_CHARS = 64 * 1024;

const SUB_ITEM = /^ {2,5}[-*+] [^\t\r]*\S$/;
const ITEM_START = /^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCK_START = /^[ \t]*(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,})/;
const OUTER_BLOCK = /^ {0,3}(?:>|#{1,6}(?:[ \t]|$)|`{3,}|~{3,})/;

/**
 * Reads the top-level list items of a timeline line by line, for sections too large or too deeply
 * nested for the Markdown parser: an item starts with a list marker in the first four columns,
 * its text is its first paragraph, and it ends before the next item or the first line after a
 * blank line that is not indented into it. For ordinary lists it gives the parser's items (a test
 * compares them).
 */
export function readTimelineLines(section: Section): TimelineItem[] {
  const lines = contentLines(section);
  const items: TimelineItem[] = [];
  let current: {
    line: number;
    column: number;
    textColumn: number;
    indent: number;
    text: string[];
    inText: boolean;
    lastLine: number;
    lastColumn: number;
  } | null = null;
  let blankBefore = false;
  let fence: string | null = null;
  const close = () => {
    if (current)
      items.push(
        readTimelineItem(
          current.text.join(' '),
          current.line,
          current.column,
          current.lastLine,
          current.lastColumn,
          current.textColumn,
        ),
      );
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const n = i + section.contentStartLine;
    if (fence !== null) {
      if (line.trim().startsWith(fence) && line.trim().replace(/^[`~]+/, '') === '') fence = null;
      continue;
    }
    if (line.trim() === '') {
      blankBefore = true;
      if (current) current.inText = false;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const m = THEMATIC_BREAK.test(line) ? null : ITEM_START.exec(line);
    if (m && (!current || (m[1] as string).length < current.indent)) {
      close();
      const markerEnd = (m[1] as string).length + (m[2] as string).length;
      const textStart = m[0].length - markerEnd > 4 ? markerEnd + 1 : m[0].length;
      const rest = line.slice(textStart).trim();
      current = {
        line: n,
        column: (m[1] as string).length + 1,
        textColumn: textStart + 1,
        indent: textStart,
        text: rest ? [rest] : [],
        inText: rest !== '',
        lastLine: n,
        lastColumn: (rest ? line.trimEnd() : line).length + 1,
      };
    } else if (
      current &&
      (indent >= current.indent || (!blankBefore && !OUTER_BLOCK.test(line) && !THEMATIC_BREAK.test(line)))
    ) {
      if (current.inText && !blankBefore && !BLOCK_START.test(line)) current.text.push(line.trim());
      else current.inText = false;
      current.lastLine = n;
      current.lastColumn = line.trimEnd().length + 1;
    } else {
      close();
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f) fence = f[1] as string;
    }
    blankBefore = false;
  }
  close();
  return items;
}

/** Parses the items of the first list in a `Timeline` section. */
export function parseTimeline(section: Section): TimelineItem[] {
  const fast = fastTimeline(section);
  if (fast) return fast;
  if (section.content.length > MAX_MARKDOWN_CHARS || tooDeepLine(section) !== null) return readTimelineLines(section);
  const content = section.content;
  const tree = parseSectionMarkdown(content);
  const offsetLine = section.contentStartLine - 1;
  const items: TimelineItem[] = [];
  for (const node of tree.children) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const start = item.position?.start;
      const end = item.position?.end;
      if (!start || !end) continue;
      const paragraph = item.children[0];
      let text = '';
      let textColumn = start.column + 2;
      if (paragraph?.type === 'paragraph' && paragraph.position) {
        text = content
          .slice(paragraph.position.start.offset, paragraph.position.end.offset)
          .split('\n')
          .map((l) => l.trim())
          .join(' ');
        textColumn = paragraph.position.start.column;
      }
      items.push(
        readTimelineItem(text, start.line + offsetLine, start.column, end.line + offsetLine, end.column, textColumn),
      );
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
