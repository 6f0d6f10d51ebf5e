/**
 * A fast reader for callers that need a few front-matter keys and the action items of many files
 * (`stats`): it lives beside the full parser so that both read a file the same way. It works on the
 * file's bytes and decodes only the front matter and the Action items section (a file is mostly
 * prose that stats never reads), and it loads neither the YAML package nor the Markdown parser.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { readActionItemsLines } from './action-items-lines.js';
import { MAX_READ_BYTES } from './bounded-read.js';
import { findSection, scanSections, sectionHeading } from './sections.js';
import { readPlainYaml, readPlainYamlText, type PlainYaml } from './simple-yaml.js';
import type { ActionItemsTable, Section } from './types.js';

/** What the fast reader gives: the selected keys' values, the line of each, and the action items. */
export interface SelectedKeys {
  data: Record<string, unknown>;
  /** Line of each selected top-level key. */
  keyLines: Map<string, number>;
  actionItems: ActionItemsTable | null;
}

const NL = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const DASH = 0x2d;
const DOT = 0x2e;

/** The end of the line starting at `start`, before its `\n` (or the end of the bytes). */
function endOfLine(b: Buffer, start: number): number {
  const nl = b.indexOf(NL, start);
  return nl === -1 ? b.length : nl;
}

/** The line's end without one trailing `\r`, as the parser drops it. */
function withoutCr(b: Buffer, start: number, end: number): number {
  return end > start && b[end - 1] === CR ? end - 1 : end;
}

/** True when the line [start, end) closes the front matter: `---` or `...`, then only spaces or tabs. */
function closesFrontMatter(b: Buffer, start: number, end: number): boolean {
  const e = withoutCr(b, start, end);
  const c = b[start];
  if (e - start < 3 || (c !== DASH && c !== DOT) || b[start + 1] !== c || b[start + 2] !== c) return false;
  for (let i = start + 3; i < e; i++) if (b[i] !== SPACE && b[i] !== TAB) return false;
  return true;
}

const DASHES = Buffer.from('\n---');
const DOTS = Buffer.from('\n...');

/** The first line after `from` that starts with `fence` (`\n---` or `\n...`) and closes the front matter, or -1. */
function firstClosing(b: Buffer, from: number, fence: Buffer): number {
  for (let i = b.indexOf(fence, from); i !== -1; i = b.indexOf(fence, i + 1))
    if (closesFrontMatter(b, i + 1, endOfLine(b, i + 1))) return i + 1;
  return -1;
}

/**
 * Where the line closing the front matter that opens with the line ending at `openEnd` starts, or -1.
 * Found by searching the bytes for a line break followed by `---` or `...`, not by looking at every
 * line: a call into Buffer's search a line was a tenth of this reader's time in a stats run.
 */
function closingLine(b: Buffer, openEnd: number): number {
  const dashes = firstClosing(b, openEnd, DASHES);
  if (dashes === -1) return firstClosing(b, openEnd, DOTS);
  // Only a `...` line before the `---` one can close the block first, so only the bytes before it
  // are searched: files rarely hold a `...` line, and the search ran to the end of each file.
  const dots = firstClosing(b.subarray(0, dashes), openEnd, DOTS);
  return dots === -1 ? dashes : dots;
}

function newlines(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = b.indexOf(NL, from); i !== -1 && i < to; i = b.indexOf(NL, i + 1)) n++;
  return n;
}

// Byte needles made once: a string needle is encoded again at every search.
const BACKTICKS = Buffer.from('```');
const TILDES = Buffer.from('~~~');
const COMMENT = Buffer.from('<!--');

/**
 * False when the line whose `#`s start at `h` cannot be the heading looked for, so that it is not
 * decoded and matched: before the section only a heading of depth 2 titled Action items can open it
 * (its title starts with an `a`, after spaces or tabs, unless other white space comes first, which
 * `trim` drops), after it only a heading of depth 1 or 2 can close it. A heading's depth is the
 * length of its run of `#`s. Most lines starting with `#` of a postmortem are other headings.
 */
function mayMatter(b: Buffer, h: number, end: number, opening: boolean): boolean {
  let i = h;
  while (i < end && b[i] === HASH) i++;
  if (!opening) return i - h <= 2;
  if (i - h !== 2) return false;
  while (i < end && (b[i] === SPACE || b[i] === TAB)) i++;
  const c = b[i] as number;
  return i < end && (c === 0x41 || c === 0x61 || c < 0x20 || c >= 0x80);
}

/**
 * The Action items section, found by looking only at the lines that start with `#` (after up to
 * three spaces) and decoding just those, when the body has no fenced code or HTML comment (where
 * such a line is not a heading); undefined otherwise, and the model's section scanner decides.
 * What counts as a heading is `sectionHeading`, the scanner's own test.
 */
function actionItemsDirect(b: Buffer, bodyStart: number, bodyStartLine: number): Section | null | undefined {
  if (
    b.indexOf(BACKTICKS, bodyStart) !== -1 ||
    b.indexOf(TILDES, bodyStart) !== -1 ||
    b.indexOf(COMMENT, bodyStart) !== -1
  )
    return undefined;
  let heading = -1;
  let headingEnd = -1;
  let next = -1;
  for (let h = b.indexOf(HASH, bodyStart); h !== -1;) {
    let start = h;
    while (start > bodyStart && h - start < 3 && b[start - 1] === SPACE) start--;
    const end = endOfLine(b, h);
    if ((start === bodyStart || b[start - 1] === NL) && mayMatter(b, h, end, heading === -1)) {
      const found = sectionHeading(b.toString('utf8', start, withoutCr(b, start, end)));
      if (found && heading === -1 && found.depth === 2 && found.title.toLowerCase() === 'action items') {
        heading = start;
        headingEnd = end;
      } else if (found && heading !== -1 && found.depth <= 2) {
        next = start;
        break;
      }
    }
    h = end === b.length ? -1 : b.indexOf(HASH, end + 1);
  }
  if (heading === -1) return null;
  const line = bodyStartLine + newlines(b, bodyStart, heading);
  const contentStart = Math.min(headingEnd + 1, b.length);
  const contentEnd = next === -1 ? b.length : Math.max(contentStart, next - 1);
  return {
    title: 'Action items',
    depth: 2,
    line,
    column: 1,
    contentStartLine: line + 1,
    endLine: next === -1 ? line + newlines(b, heading, b.length) : line + newlines(b, contentStart, next),
    content: b.toString('utf8', contentStart, contentEnd),
  };
}

/**
 * The front-matter values of the given top-level keys, their lines and the action items of a file's
 * bytes, through a fast path: the plain-subset YAML reader `readFrontMatter` tries first, and the
 * action-items section and table read line by line. Returns null for anything it is not sure of
 * (bytes that are not UTF-8 text, YAML outside the plain subset, a table of another shape): the full
 * parser then decides, and reports what is wrong. Where it returns a value, it is what
 * `parsePostmortemBytes` gives (test/model/selected-keys.test.ts checks this on generated and real
 * files). The whole block is read, not only the selected keys: a broken key elsewhere makes the file
 * unreadable for every command alike. With `columns`, the action items' cells hold only those
 * (lower-case) columns.
 */
export function readSelectedKeys(
  bytes: Uint8Array,
  keys: ReadonlySet<string>,
  columns?: ReadonlySet<string>,
): SelectedKeys | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > MAX_READ_BYTES || b.indexOf(0) !== -1 || !isUtf8(b)) return null;
  // The opening line: `---` (after a byte order mark), then a line break.
  const open = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const openEnd = b.indexOf(NL, open);
  if (openEnd === -1 || withoutCr(b, open, openEnd) !== open + 3 || b.toString('latin1', open, open + 3) !== '---')
    return null;
  const close = closingLine(b, openEnd);
  if (close === -1) return null;
  const bodyStart = Math.min(endOfLine(b, close) + 1, b.length);
  let plain: PlainYaml | null;
  // The lines between the fences, as a split of the block counts them.
  let count = 0;
  if (close > openEnd + 1) {
    const block = b.toString('utf8', openEnd + 1, close - 1);
    if (block.includes('\r')) {
      // The parser drops one `\r` a line: the block is then read as those lines.
      const lines = block.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
      plain = readPlainYaml(lines, 2, false, keys);
      count = lines.length;
    } else {
      const read = readPlainYamlText(block, 2, false, keys);
      plain = read;
      count = read?.lineCount ?? 0;
    }
  } else {
    plain = readPlainYaml([], 2, false, keys);
  }
  if (!plain) return null;
  const data: Record<string, unknown> = {};
  const keyLines = new Map<string, number>();
  for (const key of keys) {
    if (!Object.hasOwn(plain.data, key)) continue;
    data[key] = plain.data[key];
    const at = plain.keys.get(key);
    if (at) keyLines.set(key, at.key.line);
  }
  const bodyStartLine = count + 3;
  let section = actionItemsDirect(b, bodyStart, bodyStartLine);
  if (section === undefined)
    section = findSection(scanSections(b.toString('utf8', bodyStart), bodyStartLine), 'Action items') ?? null;
  if (!section) return { data, keyLines, actionItems: null };
  const actionItems = readActionItemsLines(section, columns);
  // Without a pipe there is no table for the Markdown parser to find either; otherwise it decides.
  if (!actionItems && section.content.includes('|')) return null;
  return { data, keyLines, actionItems };
}
