import { closesFence, openingFence } from './fences.js';
import type { Section } from './types.js';

// Sections of the body and what every section reader shares: lines, nesting limits. The Markdown
// parser is in section-markdown.ts, loaded only when a section needs it.

/** An HTML comment's opening; made once, as a literal in a loop makes a new RegExp object each time. */
const COMMENT_OPEN = /^ {0,3}<!--/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** The heading of level 1 to 3 a line (without its `\r`) is, or null: the one test of where sections start. */
export function sectionHeading(line: string): { depth: number; title: string } | null {
  const h = ATX_HEADING.exec(line);
  if (!h || (h[1] as string).length > 3) return null;
  return { depth: (h[1] as string).length, title: (h[2] ?? '').trim() };
}

/** A heading found by scanSections: its line's index in the body, and where that line starts and ends. */
interface FoundHeading {
  title: string;
  depth: number;
  index: number;
  start: number;
  end: number;
}

/**
 * True when a line starting with this character code may open or close a fence, open a comment or
 * be a heading: each of them starts with up to three spaces and then `` ` ``, `~`, `<` or `#`.
 */
function mayMatter(c: number): boolean {
  return c === 0x20 || c === 0x23 || c === 0x3c || c === 0x60 || c === 0x7e;
}

/**
 * Finds headings of level 1 to 3 with a line scan rather than a full Markdown parse: sections
 * are all most rules need, and the scan costs a fraction of a parse. Fenced code is skipped.
 */
export function scanSections(body: string, bodyStartLine: number): Section[] {
  // The body is not split into lines: most lines start with a letter, which rules out a heading, a
  // fence and a comment, so only the others are cut out, and a section's content is one slice of the
  // body (a split, a test of three regexes a line and a join a section were 5 % of a lint thread).
  const found: FoundHeading[] = [];
  let fence: string | null = null;
  let inComment = false;
  let index = 0;
  for (let start = 0; ; index++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    if (inComment || (start < end && mayMatter(body.charCodeAt(start)))) {
      const line = body.slice(start, end > start && body.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
      if (fence) {
        if (closesFence(line, fence)) fence = null;
      } else if (inComment) {
        if (line.includes('-->')) inComment = false;
      } else {
        fence = openingFence(line);
        if (!fence) {
          if (COMMENT_OPEN.test(line) && !line.includes('-->')) inComment = true;
          else {
            const h = sectionHeading(line);
            if (h) found.push({ title: h.title, depth: h.depth, index, start, end });
          }
        }
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  const sections: Section[] = [];
  for (let n = 0; n < found.length; n++) {
    const h = found[n] as FoundHeading;
    // The section runs to the line before the next heading of its level or above, or to the body's end.
    let endIndex = index;
    let to = body.length;
    for (let k = n + 1; k < found.length; k++) {
      const next = found[k] as FoundHeading;
      if (next.depth <= h.depth) {
        endIndex = next.index - 1;
        to = next.start - 1;
        break;
      }
    }
    sections.push({
      title: h.title,
      depth: h.depth,
      line: h.index + bodyStartLine,
      column: 1,
      contentStartLine: h.index + 1 + bodyStartLine,
      endLine: endIndex + bodyStartLine,
      content: h.end + 1 <= to ? body.slice(h.end + 1, to) : '',
    });
  }
  return sections;
}

/** Finds the level-2 section with the given title (case-insensitive). */
export function findSection(sections: Section[], title: string): Section | undefined {
  const wanted = title.toLowerCase();
  return sections.find((s) => s.depth === 2 && s.title.toLowerCase() === wanted);
}

/** Largest section (in characters) handed to the Markdown parser; larger ones are read line by line. */
export const MAX_MARKDOWN_CHARS = 64 * 1024;

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
export function shallowContent(section: Section): string {
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
  // Only a line that starts with white space or a marker can nest at all: the others are not cut out
  // (every file's timeline is checked, by the parser and by timeline-format, and few lines are lists).
  const content = section.content;
  for (let start = 0, i = 0; ; i++) {
    const newline = content.indexOf('\n', start);
    const end = newline === -1 ? content.length : newline;
    if (start < end && mayNest(content.charCodeAt(start)) && nestsTooDeep(content.slice(start, end)))
      return i + section.contentStartLine;
    if (newline === -1) return null;
    start = newline + 1;
  }
}

/** True when a line starting with this character code may open a container: white space, `>`, `-`, `*`, `+` or a digit. */
function mayNest(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3e || c === 0x2d || c === 0x2a || c === 0x2b || (c >= 0x30 && c <= 0x39);
}

/** A section's lines without CRLF's `\r`, so CRLF files take the fast paths too. */
export function contentLines(section: Section): string[] {
  // One loop that pushes onto a literal, not a split and a map: the array then has one shape for
  // every section, where the readers' optimised code was thrown away for arrays of another shape.
  const content = section.content;
  const lines: string[] = [];
  for (let start = 0; ;) {
    const newline = content.indexOf('\n', start);
    const end = newline === -1 ? content.length : newline;
    lines.push(content.slice(start, end > start && content.charCodeAt(end - 1) === 0x0d ? end - 1 : end));
    if (newline === -1) return lines;
    start = newline + 1;
  }
}
