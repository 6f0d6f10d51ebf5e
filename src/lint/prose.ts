import { closesFence, openingFence } from '../model/fences.js';
import type { Postmortem } from '../model/index.js';

/** A line of text a reader sees, with code and comments blanked out so columns stay true. */
export interface ProseLine {
  line: number;
  text: string;
  /** True for front-matter lines (YAML), false for the Markdown body. */
  frontMatter: boolean;
}

// Several rules read the prose of one file; it is computed once per parsed file.
const cache = new WeakMap<Postmortem, ProseLine[]>();

/** A line indented four columns or more: indented code where no paragraph goes on. */
const INDENTED_CODE = /^(?: {0,3}\t| {4})/;

/** The line without the CR of a CRLF line end. */
function withoutCr(line: string): string {
  // A regex replace per line cost more than the rest of the scan.
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function blank(text: string): string {
  return text.replace(/[^\t]/g, ' ');
}

/** Blanks inline code spans (any number of backticks) and single-line HTML comments. */
function maskInline(text: string, inComment: { open: boolean }): string {
  if (!inComment.open && !text.includes('`') && !text.includes('<!--')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (inComment.open) {
      const end = text.indexOf('-->', i);
      if (end === -1) return out + blank(text.slice(i));
      out += blank(text.slice(i, end + 3));
      i = end + 3;
      inComment.open = false;
      continue;
    }
    const ch = text[i] as string;
    if (ch === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const ticks = '`'.repeat(n);
      const close = text.indexOf(ticks, i + n);
      if (close === -1) {
        out += text.slice(i, i + n);
        i += n;
        continue;
      }
      out += blank(text.slice(i, close + n));
      i = close + n;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      inComment.open = true;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * The prose of a postmortem line by line: the front matter's YAML lines and the body, with fenced
 * code, inline code spans and HTML comments blanked. Rules that look at wording scan this, so a
 * quoted log line or a command never counts as the author's words.
 */
export function proseLines(pm: Postmortem): ProseLine[] {
  const known = cache.get(pm);
  if (known) return known;
  const out: ProseLine[] = [];
  cache.set(pm, out);
  const lines = pm.source.split('\n');
  if (pm.frontMatter) {
    for (let n = pm.frontMatter.contentStartLine; n < pm.frontMatter.endLine; n++) {
      out.push({ line: n, text: withoutCr(lines[n - 1] ?? ''), frontMatter: true });
    }
  }
  let fence: string | null = null;
  const comment = { open: false };
  // Indented code starts after a blank line (judged on the line as written: a line that is all
  // inline code is not blank) and runs on through blank lines.
  let afterBlank = true;
  let indentedCode = false;
  for (let n = pm.frontMatter ? pm.bodyStartLine : 1; n <= lines.length; n++) {
    const raw = withoutCr(lines[n - 1] as string);
    if (fence) {
      if (closesFence(raw, fence)) fence = null;
      continue;
    }
    const opened = comment.open ? null : openingFence(raw);
    if (opened) {
      fence = opened;
      afterBlank = indentedCode = false;
      continue;
    }
    const blankLine = raw.trim() === '';
    if (!comment.open && !blankLine && INDENTED_CODE.test(raw) && (afterBlank || indentedCode)) {
      indentedCode = true;
      continue;
    }
    if (!blankLine) indentedCode = false;
    afterBlank = blankLine && !comment.open;
    out.push({ line: n, text: maskInline(raw, comment), frontMatter: false });
  }
  return out;
}
