import { closesFence, openingFence } from '../model/fences.js';
import type { Postmortem } from '../model/index.js';

/** A line of text a reader sees, with code and comments blanked out so columns stay true. */
export interface ProseLine {
  line: number;
  text: string;
  /** True for front-matter lines (YAML), false for the Markdown body. */
  frontMatter: boolean;
}

/**
 * Where the prose lines of one file are, without a string or an object per line: most lines are
 * never looked at (the rules that read prose first look for a few words in the source), and an
 * object per line was most of the cost of the scan. Parallel arrays, in line order.
 */
interface ProseIndex {
  /** The line numbers. */
  lines: number[];
  /** Where each line's text starts and ends in the source (its CR left out). */
  starts: number[];
  ends: number[];
  /** How many of the lines are front matter (they come first). */
  frontMatter: number;
  /** The text of the lines that had code or a comment blanked, by line number. */
  masked: Map<number, string>;
}

// Several rules read the prose of one file; it is computed once per parsed file.
const cache = new WeakMap<Postmortem, ProseIndex>();
const allLines = new WeakMap<Postmortem, ProseLine[]>();

/** A line indented four columns or more: indented code where no paragraph goes on. */
const INDENTED_CODE = /^(?: {0,3}\t| {4})/;

function blank(text: string): string {
  return text.replace(/[^\t]/g, ' ');
}

/** Blanks inline code spans (any number of backticks) and single-line HTML comments. */
function maskInline(text: string, inComment: { open: boolean }): string {
  if (!inComment.open && !text.includes('`') && !text.includes('<!--')) return text;
  let out = '';
  let i = 0;
  // Where the next backtick and comment opener are: the text up to the nearer one is copied in one
  // piece (a character at a time, long lines cost as much as the rest of blameless-language).
  let tick = -1;
  let opener = -1;
  while (i < text.length) {
    if (inComment.open) {
      const end = text.indexOf('-->', i);
      if (end === -1) return out + blank(text.slice(i));
      out += blank(text.slice(i, end + 3));
      i = end + 3;
      inComment.open = false;
      continue;
    }
    if (tick < i) tick = nextIndex(text, '`', i);
    if (opener < i) opener = nextIndex(text, '<!--', i);
    const next = Math.min(tick, opener, text.length);
    if (next > i) {
      out += text.slice(i, next);
      i = next;
      continue;
    }
    if (i === tick) {
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
    // A comment opener.
    inComment.open = true;
  }
  return out;
}

/** Where the next `needle` at or after `from` is, or Infinity: for "does this line hold one" without a scan per line. */
function nextIndex(source: string, needle: string, from: number): number {
  const at = source.indexOf(needle, from);
  return at === -1 ? Infinity : at;
}

const SPACE = 32;
const TAB = 9;
const BACKTICK = 96;
const TILDE = 126;

/**
 * The prose of a postmortem line by line: the front matter's YAML lines and the body, with fenced
 * code, inline code spans and HTML comments blanked. Rules that look at wording scan this, so a
 * quoted log line or a command never counts as the author's words.
 */
export function proseLines(pm: Postmortem): ProseLine[] {
  const known = allLines.get(pm);
  if (known) return known;
  const index = proseIndex(pm);
  const out = index.lines.map((_n, i) => lineAt(pm, index, i));
  allLines.set(pm, out);
  return out;
}

/**
 * The prose lines (as `proseLines` gives them) among the source lines `lines` holds (line number to
 * where it starts, as `linesMatching` gives them), in line order: for a rule that has found, in the
 * source, the few lines that may matter.
 */
export function proseLinesAt(pm: Postmortem, lines: ReadonlyMap<number, number>): ProseLine[] {
  if (lines.size === 0) return [];
  const numbers = [...lines.keys()].sort((a, b) => a - b);
  const out: ProseLine[] = [];
  if (allProse(pm)) {
    // Every front-matter and body line is prose; only code spans are blanked.
    const source = pm.source;
    const fm = pm.frontMatter as NonNullable<Postmortem['frontMatter']>;
    for (const n of numbers) {
      const frontMatter = n >= fm.contentStartLine && n < fm.endLine;
      if (!frontMatter && n < pm.bodyStartLine) continue;
      const start = lines.get(n) as number;
      let end = source.indexOf('\n', start);
      if (end === -1) end = source.length;
      if (end > start && source.charCodeAt(end - 1) === 13) end--;
      const raw = source.slice(start, end);
      const text = !frontMatter && raw.includes('`') ? maskInline(raw, { open: false }) : raw;
      out.push({ line: n, text, frontMatter });
    }
    return out;
  }
  const index = proseIndex(pm);
  for (const n of numbers) {
    const i = slotOf(index.lines, n);
    if (i >= 0) out.push(lineAt(pm, index, i));
  }
  return out;
}

const plainBodies = new WeakMap<Postmortem, boolean>();

/**
 * True when a line of `text` starts as indented code may: with four spaces, or a tab after at most
 * three. One pass from line start to line start (five searches of the text, one per such start, cost 40 % more).
 */
function hasIndentedLine(text: string): boolean {
  // Most bodies hold no tab and no line that starts with four spaces: three native searches rule both
  // out for less than the walk (40-46 against 53-62 ms over the bodies of 10,000 real postmortems).
  if (!text.includes('\t') && !text.startsWith('    ') && !text.includes('\n    ')) return false;
  for (let at = 0; at !== -1;) {
    let i = at;
    while (i < at + 3 && text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === TAB || (c === SPACE && i === at + 3)) return true;
    const newline = text.indexOf('\n', i);
    at = newline === -1 ? -1 : newline + 1;
  }
  return false;
}

/**
 * True when the file has front matter and its body can hold no code and no comment: no fence
 * characters, no `<!--`, no line indented four columns. Then every line is prose, which is what
 * most postmortems are, and a rule's few lines need no scan of the whole file.
 */
function allProse(pm: Postmortem): boolean {
  const known = plainBodies.get(pm);
  if (known !== undefined) return known;
  const body = pm.body;
  const plain =
    pm.frontMatter !== null &&
    !body.includes('```') &&
    !body.includes('~~~') &&
    !body.includes('<!--') &&
    !hasIndentedLine(body);
  plainBodies.set(pm, plain);
  return plain;
}

/**
 * The source lines in which the global `pattern` matches (line number to where the line starts): a
 * first look over the source as written. The prose is the source with code and comments blanked out, so a pattern that
 * matches a prose line also matches its source line, unless a blank it matched was code. A match
 * counts for the line its last character is on, so a pattern may take the character before what it
 * looks for (the line end before a word at a line's start, say).
 */
export function linesMatching(source: string, pattern: RegExp): Map<number, number> {
  return linesOf(source, matchEnds(source, pattern, []));
}

/**
 * The source lines that hold one of `needles` (text as written, no line end in it) or a match of the
 * global `pattern`, as linesMatching gives them. For a first look that is mostly exact text: a
 * native search for a needle costs a small part of what a regular expression's try at every
 * position does.
 */
export function linesHolding(source: string, needles: readonly string[], pattern: RegExp): Map<number, number> {
  const at = matchEnds(source, pattern, []);
  for (const needle of needles) {
    for (let i = source.indexOf(needle); i !== -1;) {
      at.push(i);
      // One is enough for a line: the next is looked for on the lines after.
      const nl = source.indexOf('\n', i);
      i = nl === -1 ? -1 : source.indexOf(needle, nl + 1);
    }
  }
  return linesOf(
    source,
    at.sort((a, b) => a - b),
  );
}

/** Adds to `at` where the matches of the global `pattern` end (their last character), at most one a line. */
function matchEnds(source: string, pattern: RegExp, at: number[]): number[] {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const last = m.index + Math.max(0, m[0].length - 1);
    at.push(last);
    // The rest of this line is looked at anyway; the next match may take this line's end before its first character.
    const nl = source.indexOf('\n', last);
    if (nl === -1) break;
    pattern.lastIndex = nl > last ? nl : nl + 1;
  }
  pattern.lastIndex = 0;
  return at;
}

/** The lines that hold the offsets `at` (ascending): line number to where the line starts. */
function linesOf(source: string, at: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  let line = 1;
  // Where the line counted so far starts.
  let counted = 0;
  for (const offset of at) {
    for (let nl = source.indexOf('\n', counted); nl !== -1 && nl < offset; nl = source.indexOf('\n', counted)) {
      line++;
      counted = nl + 1;
    }
    out.set(line, counted);
  }
  return out;
}

/** The position of `n` in the ascending `lines`, or -1. */
function slotOf(lines: readonly number[], n: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = lines[mid] as number;
    if (at === n) return mid;
    if (at < n) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function lineAt(pm: Postmortem, index: ProseIndex, i: number): ProseLine {
  const line = index.lines[i] as number;
  const text = index.masked.get(line) ?? pm.source.slice(index.starts[i], index.ends[i]);
  return { line, text, frontMatter: i < index.frontMatter };
}

function proseIndex(pm: Postmortem): ProseIndex {
  const known = cache.get(pm);
  if (known) return known;
  const index: ProseIndex = { lines: [], starts: [], ends: [], frontMatter: 0, masked: new Map() };
  cache.set(pm, index);
  const add = (n: number, from: number, to: number) => {
    index.lines.push(n);
    index.starts.push(from);
    index.ends.push(to);
  };
  // One pass over the source by line ends, not split('\n'); a line runs the fence, indent and
  // blank tests only when its first character can start one, and the inline masking only when
  // the next backtick or comment opener in the source falls inside it (most lines hold neither).
  const source = pm.source;
  const first = pm.frontMatter ? pm.bodyStartLine : 1;
  const fmFrom = pm.frontMatter ? pm.frontMatter.contentStartLine : 0;
  const fmTo = pm.frontMatter ? pm.frontMatter.endLine : 0;
  let tick = nextIndex(source, '`', 0);
  let opener = nextIndex(source, '<!--', 0);
  let fence: string | null = null;
  const comment = { open: false };
  // Indented code starts after a blank line (judged on the line as written: a line that is all
  // inline code is not blank) and runs on through blank lines.
  let afterBlank = true;
  let indentedCode = false;
  let start = 0;
  for (let n = 1; start <= source.length; n++) {
    const newline = source.indexOf('\n', start);
    const next = newline === -1 ? source.length + 1 : newline + 1;
    let end = newline === -1 ? source.length : newline;
    if (n < first && (n < fmFrom || n >= fmTo)) {
      start = next;
      continue;
    }
    if (end > start && source.charCodeAt(end - 1) === 13) end--;
    const lineStart = start;
    start = next;
    if (n < first) {
      add(n, lineStart, end);
      index.frontMatter++;
      continue;
    }
    const c0 = source.charCodeAt(lineStart);
    const mayFence = lineStart < end && (c0 === SPACE || c0 === BACKTICK || c0 === TILDE);
    if (fence) {
      if (mayFence && closesFence(source.slice(lineStart, end), fence)) fence = null;
      continue;
    }
    const opened = comment.open || !mayFence ? null : openingFence(source.slice(lineStart, end));
    if (opened) {
      fence = opened;
      afterBlank = indentedCode = false;
      continue;
    }
    // A line starting with a printable ASCII character other than a space is neither blank nor indented.
    const plain = lineStart < end && c0 > SPACE && c0 < 127;
    const raw = plain ? '' : source.slice(lineStart, end);
    const blankLine = !plain && raw.trim() === '';
    const indented = !plain && (c0 === SPACE || c0 === TAB) && INDENTED_CODE.test(raw);
    if (!comment.open && !blankLine && indented && (afterBlank || indentedCode)) {
      indentedCode = true;
      continue;
    }
    if (!blankLine) indentedCode = false;
    afterBlank = blankLine && !comment.open;
    if (tick < lineStart) tick = nextIndex(source, '`', lineStart);
    if (opener < lineStart) opener = nextIndex(source, '<!--', lineStart);
    if (comment.open || tick < end || opener < end) {
      const text = source.slice(lineStart, end);
      const masked = maskInline(text, comment);
      if (masked !== text) index.masked.set(n, masked);
    }
    add(n, lineStart, end);
  }
  return index;
}
