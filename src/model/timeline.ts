import { TIMELINE_PREFIX, parseTimelineInstant } from './timestamp.js';
import { closesFence, openingFence } from './fences.js';
import { contentLines, MAX_MARKDOWN_CHARS, tooDeepLine } from './sections.js';
import { parseSectionMarkdown } from './section-markdown.js';
import type { Section, TimelineItem } from './types.js';

// The Timeline section: its items, by a fast path, a line reader or the Markdown parser.

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
    if (line[0] === marker && SIMPLE_ITEM.test(line)) {
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

/**
 * A one-line item of the simple shape. Regexes used in loops are made once, here: a literal in a loop
 * makes a new RegExp object each time it is reached.
 */
const SIMPLE_ITEM = /^[-*+] \d{4}-\d{2}-\d{2}[^\t\r]*\S$/;
const ITEM_START = /^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const SUB_ITEM = /^ {2,5}[-*+] [^\t\r]*\S$/;
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
      if (closesFence(line, fence)) fence = null;
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
      fence = openingFence(line);
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
