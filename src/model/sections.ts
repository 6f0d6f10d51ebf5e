import { closesFence, openingFence } from './fences.js';
import type { Section } from './types.js';

// Sections of the body and what every section reader shares: lines, nesting limits. The Markdown
// parser is in section-markdown.ts, loaded only when a section needs it.

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** The heading of level 1 to 3 a line (without its `\r`) is, or null: the one test of where sections start. */
export function sectionHeading(line: string): { depth: number; title: string } | null {
  const h = ATX_HEADING.exec(line);
  if (!h || (h[1] as string).length > 3) return null;
  return { depth: (h[1] as string).length, title: (h[2] ?? '').trim() };
}

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
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    fence = openingFence(line);
    if (fence) continue;
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
      inComment = true;
      continue;
    }
    const h = sectionHeading(line);
    if (h) found.push({ ...h, index: i });
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
  const lines = section.content.split('\n');
  for (let i = 0; i < lines.length; i++) if (nestsTooDeep(lines[i] as string)) return i + section.contentStartLine;
  return null;
}

/** A section's lines without CRLF's `\r`, so CRLF files take the fast paths too. */
export function contentLines(section: Section): string[] {
  return section.content.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
