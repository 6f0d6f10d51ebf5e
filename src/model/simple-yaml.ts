/**
 * A reader for the plain subset of YAML that front matter is nearly always written in: block
 * mappings and sequences, one-line plain or quoted scalars, flow lists of plain words. It gives
 * exactly what the `yaml` package gives for that subset (YAML 1.2 core schema), key positions
 * included, at a fraction of the cost, and null for anything else, which then goes to the `yaml`
 * package. Anchors, tags, block scalars, comments after values, escapes other than `\"` and `\\`,
 * multi-line scalars, duplicate keys and tabs are all "anything else". Property tests compare both on generated
 * documents (test/model/simple-yaml.test.ts).
 */
import { SharedStrings } from './detach.js';
import type { KeyPosition, Position } from './types.js';

interface Line {
  /** Index of the line in the source lines. */
  no: number;
  indent: number;
  /** The line without its indentation and trailing white space. */
  text: string;
  /** Length of the line as written, trailing white space included. */
  length: number;
}

/** Signals that the text leaves the subset; caught once, at the top. */
class OutsideSubset extends Error {}

/**
 * The one signal, made once: a new Error at each throw would capture a stack trace nobody reads, and
 * documents outside the subset are common (every one the yaml package then reads).
 */
const OUTSIDE = new OutsideSubset();

const out = (): never => {
  throw OUTSIDE;
};

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const FLOW_KEY = /^([A-Za-z_][\w-]*): +/;
const INT = /^[-+]?\d+$/;
const SPECIAL_NUMBER = /^[-+]?(?:0[xo]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/;
const FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
/** PLAIN_START's verdict for each ASCII first character, looked up rather than matched for every value. */
const PLAIN_START_ASCII = Array.from({ length: 0x80 }, (_, c) => PLAIN_START.test(String.fromCharCode(c)));
const NOWHERE: Position = { line: 0, column: 0, endLine: 0, endColumn: 0 };
/**
 * The names a plain object inherits, which `key in target` finds in any mapping. A set of strings,
 * not `key in Object.prototype`: a key cut from a line is not yet a property name, and looking it up
 * as one made the check of a key that is only checked cost more than making its object.
 */
const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
/** Deepest nesting read here; the model records key positions down to this depth. */
const MAX_DEPTH = 8;

/**
 * True when a plain scalar starting with this character code can only be a string: every null,
 * boolean and number of the core schema starts with one of `~ n N t T f F - + . 0-9`.
 */
function onlyString(c: number): boolean {
  // A–Z and a–z without f, n, t (either case), and everything from 0x7f on.
  if (c >= 0x61) return c !== 0x66 && c !== 0x6e && c !== 0x74 && c !== 0x7e;
  if (c >= 0x41) return c <= 0x5a && c !== 0x46 && c !== 0x4e && c !== 0x54;
  return false;
}

function plain(text: string): unknown {
  // Most values are words or prose: one look at the first character rules out every other type.
  if (onlyString(text.charCodeAt(0))) return text;
  // Hex, octal, infinity and not-a-number are numbers in the core schema; rare enough to leave to the parser.
  if (SPECIAL_NUMBER.test(text)) out();
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (INT.test(text) || FLOAT.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) || !INT.test(text) ? n : out();
  }
  return text;
}

/**
 * The double-quoted scalar opening at `text[start]` and the index after its closing quote. Of the
 * escapes only `\"` and `\\` are read (a quoted name in a notice); any other is left to the yaml package.
 */
function doubleQuoted(text: string, start: number): [string, number] {
  let value = '';
  let from = start + 1;
  // The next quote and the next backslash are found with indexOf, not character by character: a
  // long quoted value (a title, a summary) was 11 % of a stats run read one character at a time.
  let backslash = text.indexOf('\\', from);
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return out();
    if (backslash === -1 || backslash > quote) return [value + text.slice(from, quote), quote + 1];
    const next = text[backslash + 1];
    if (next !== '"' && next !== '\\') out();
    value += text.slice(from, backslash) + next;
    from = backslash + 2;
    backslash = text.indexOf('\\', from);
  }
}

/**
 * True when `text` from `from` on holds ` #` (a comment in YAML). The search is for the `#` and then
 * the space before it: a search for ` #` itself stops at every space of a prose value, which made
 * this test a tenth of the front-matter reading of a stats run.
 */
function hasComment(text: string, from = 0): boolean {
  for (let i = text.indexOf('#', from + 1); i !== -1; i = text.indexOf('#', i + 1))
    if (text.charCodeAt(i - 1) === 0x20) return true;
  return false;
}

/** PLAIN_START.test(text.slice(from)), by a table for an ASCII first character (an empty text has none). */
function plainStart(text: string, from: number): boolean {
  const c = text.charCodeAt(from);
  return c < 0x80 ? PLAIN_START_ASCII[c] === true : PLAIN_START.test(text.slice(from));
}

/** True when a value starting with this character code opens a flow list or mapping, whose items the reader records as keys of their own. */
function opensFlow(c: number): boolean {
  return c === 0x5b || c === 0x7b;
}

/** True when a line's text opens a sequence item: `-` alone or followed by a space. */
function opensItem(text: string): boolean {
  return text.charCodeAt(0) === 0x2d && (text.length === 1 || text.charCodeAt(1) === 0x20);
}

/** True for the character codes of `[\w-]`. */
function keyChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

/**
 * A `key: value` line as `/^([A-Za-z_][\w-]*):(?: +(.*))?$/` reads it: where what follows the spaces
 * after the colon starts (the text's length after a bare `key:`), or -1. By hand, and a number rather
 * than a match or a tuple: it is the test of every line of every front matter, and a sequence item
 * is tested before it is read. The key is the text before the first colon (`keyOf`).
 */
function keyValue(text: string, breaks: boolean): number {
  const first = text.charCodeAt(0);
  if (!(keyChar(first) && first !== 0x2d && (first < 0x30 || first > 0x39))) return -1;
  let i = 1;
  while (i < text.length && keyChar(text.charCodeAt(i))) i++;
  // Lengths checked before reading: a read past the end threw the optimised code away ("out of bounds").
  if (i === text.length || text.charCodeAt(i) !== 0x3a) return -1;
  if (i + 1 === text.length) return text.length;
  if (text.charCodeAt(i + 1) !== 0x20) return -1;
  let j = i + 2;
  while (j < text.length && text.charCodeAt(j) === 0x20) j++;
  // `.` stops at a line break, and then the whole pattern fails; without one in the document, none here.
  return breaks && LINE_BREAK.test(text.slice(j)) ? -1 : j;
}

/** The key of a line `keyValue` accepted: key characters hold no colon. */
function keyOf(text: string): string {
  return text.slice(0, text.indexOf(':'));
}

/**
 * Keys seen before, each kept once. A key cut from a line is a new string, which V8 must look up in
 * its table of property names on every use as one (`key in map`, `map[key] = …`); the copy seen
 * before is already there, and front matter repeats the same few dozen keys.
 */
const KEYS_SEEN = new SharedStrings(4096);

/** The reader's state: the content lines, where it is, and the key positions found so far. */
class Reader {
  i = 0;
  readonly keys = new Map<string, KeyPosition>();
  /** True while the value of a top-level key outside `keep` is read: checked, but nothing is made of it. */
  private checking = false;
  constructor(
    private readonly lines: readonly Line[],
    private readonly count: number,
    private readonly firstLine: number,
    /** False when only top-level key positions are wanted: nested ones are most of the objects made per file. */
    private readonly nested = true,
    private readonly keep: ReadonlySet<string> | undefined,
    /** False when the document is known to hold no line break but the `\n`s between its lines. */
    private readonly breaks: boolean,
  ) {}

  private peek(): Line | undefined {
    return this.lines[this.i];
  }

  private pos(line: Line, column: number, length: number): Position {
    const at = this.firstLine + line.no;
    return { line: at, column, endLine: at, endColumn: column + length };
  }

  /**
   * Where a block collection that opens on `first` at `column` ends: after the line break of its last
   * line, as the `yaml` package counts. NOWHERE when its position is not `wanted` (below the top-level
   * keys without nested positions): the block is checked all the same, but no position is made.
   */
  private blockEnd(first: Line, column: number, wanted: boolean): Position {
    const last = this.lines[this.i - 1] as Line;
    // A block whose last value is empty ends somewhere else in the `yaml` package; leave it to it.
    if (last.text.endsWith(':')) out();
    if (!wanted) return NOWHERE;
    const line = this.firstLine + first.no;
    // The last line of the source has no line break: the block ends with the line, spaces included.
    if (last.no >= this.count - 1)
      return { line, column, endLine: this.firstLine + last.no, endColumn: last.length + 1 };
    return { line, column, endLine: this.firstLine + last.no + 1, endColumn: 1 };
  }

  private record(name: string, key: Position, value: Position): void {
    this.keys.set(name, { key, value });
  }

  /** Where the last scalar read stands; NOWHERE when its position was not wanted. */
  private scalarAt: Position = NOWHERE;

  /**
   * A one-line scalar as YAML's core schema reads it: `src` from `from` on (`src` is trimmed at both
   * ends, as every line's text and item is, so the value runs to its end); `column` is where it
   * starts; its position, only if `wanted`, in `scalarAt`. Read where it stands rather than cut out
   * first: most values only checked (stats) are plain strings, of which no copy is then made at all.
   */
  private scalar(src: string, from: number, line: Line, column: number, name: string, wanted: boolean): unknown {
    this.scalarAt = wanted ? this.pos(line, column, src.length - from) : NOWHERE;
    const c = src.charCodeAt(from);
    if (c === 0x22) {
      const [value, end] = doubleQuoted(src, from);
      return end === src.length ? value : out();
    }
    if (c !== 0x27 && c !== 0x5b && c !== 0x7b) {
      // Three searches of a fixed string, not one regex that tries its alternatives at every character.
      if (!plainStart(src, from) || src.indexOf(': ', from) !== -1 || src.endsWith(':') || hasComment(src, from)) out();
      // A value that is only checked and can only be a string is not needed.
      if (this.checking && onlyString(c)) return null;
      return plain(from === 0 ? src : src.slice(from));
    }
    const text = from === 0 ? src : src.slice(from);
    if (text.startsWith("'")) {
      const inner = text.slice(1, -1);
      return text.length >= 2 && text.endsWith("'") && !inner.replace(/''/g, '').includes("'")
        ? inner.replace(/''/g, "'")
        : out();
    }
    if (text.startsWith('[')) {
      if (!text.endsWith(']') || hasComment(text)) out();
      const inner = text.slice(1, -1);
      if (inner.trim() === '') return [];
      const list: unknown[] = [];
      let offset = column + 1;
      for (const item of inner.split(',')) {
        const word = item.trim();
        if (word === '' || !PLAIN_START.test(word) || /[[\]{}'"]|: |:$/.test(word)) out();
        if (this.nested) {
          const p = this.pos(line, offset + item.length - item.trimStart().length, word.length);
          this.record(`${name}.${list.length}`, p, p);
        }
        list.push(plain(word));
        offset += item.length + 1;
      }
      return list;
    }
    if (!text.endsWith('}') || hasComment(text)) out();
    return this.flowMap(text, line, column, name);
  }

  /** A one-line flow mapping of plain keys to plain or double-quoted words: `{ en: "x", de: y }`. */
  private flowMap(text: string, line: Line, column: number, name: string): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const close = text.length - 1;
    let i = 1;
    while (text[i] === ' ') i++;
    while (i < close) {
      const m = FLOW_KEY.exec(text.slice(i)) ?? out();
      const key = m[1] as string;
      if (key in map || key === '__proto__') out();
      const keyPos = this.nested ? this.pos(line, column + i, key.length) : NOWHERE;
      i += m[0].length;
      let end: number;
      if (text[i] === '"') {
        [map[key], end] = doubleQuoted(text, i);
      } else {
        const comma = text.indexOf(',', i);
        const word = text.slice(i, comma === -1 ? close : comma).trimEnd();
        if (!PLAIN_START.test(word) || /[[\]{}'"]|: |:$/.test(word)) out();
        end = i + word.length;
        map[key] = plain(word);
      }
      if (this.nested) this.record(`${name}.${key}`, keyPos, this.pos(line, column + i, end - i));
      i = end;
      while (text[i] === ' ') i++;
      if (i === close) break;
      if (text[i] !== ',') out();
      i++;
      while (text[i] === ' ') i++;
      // A trailing comma is valid YAML but rare; not worth a second look.
      if (i === close) out();
    }
    return map;
  }

  /** The block that starts on the next line, if it is deeper than `parent` (a sequence may sit at `parent`). */
  private child(parent: number, name: string, depth: number): [unknown, Position] | null {
    const next = this.peek();
    if (!next) return null;
    const isItem = opensItem(next.text);
    if (next.indent > parent) {
      return isItem ? this.sequence(next.indent, name, depth) : this.mapping(next.indent, name, depth);
    }
    if (next.indent === parent && isItem) return this.sequence(parent, name, depth);
    return null;
  }

  private pair(
    target: Record<string, unknown>,
    line: Line,
    text: string,
    indent: number,
    prefix: string,
    depth: number,
  ) {
    const restStart = keyValue(text, this.breaks);
    if (restStart === -1) out();
    const key = KEYS_SEEN.get(keyOf(text));
    if (key in target || key === '__proto__') out();
    const wanted = this.nested || depth === 0;
    const name = this.nested ? `${prefix}${key}` : key;
    if (this.keep && depth === 0 && !this.keep.has(key)) {
      // Still read to the end, so that a file goes to the `yaml` package for the same lines as before.
      target[key] = null;
      this.checking = true;
      this.checkValue(line, text, restStart, indent, depth);
      this.checking = false;
      return;
    }
    const keyPos = wanted ? this.pos(line, indent + 1, key.length) : NOWHERE;
    if (restStart === text.length) {
      // Record the key first: the `yaml` path lists keys parent first.
      if (wanted) this.record(name, keyPos, this.pos(line, line.length + 1, 0));
      const child = this.child(indent, this.nested ? `${name}.` : '', depth + 1);
      if (child && wanted) this.record(name, keyPos, child[1]);
      target[key] = child ? child[0] : null;
      return;
    }
    // Recorded first only when a flow collection follows, whose items are recorded inside: the `yaml`
    // path lists parents first. A second `set` of a key keeps its place, so for any other value one
    // `set` gives the same map (half of the reader's sets were these first ones).
    if (wanted && this.nested && opensFlow(text.charCodeAt(restStart))) this.record(name, keyPos, keyPos);
    // Where the value starts comes from the key's reading, not from the lengths of the line and the
    // value: the length of a value cut from the line, read here, sent the optimised code back.
    const value = this.scalar(text, restStart, line, indent + restStart + 1, name, wanted);
    if (wanted) this.record(name, keyPos, this.scalarAt);
    target[key] = value;
  }

  /**
   * The value after a key that is only checked: what `pair` reads after its key, with the same
   * tests, but without the objects, strings and key positions it would make.
   */
  private checkValue(line: Line, text: string, restStart: number, indent: number, depth: number): void {
    if (restStart === text.length) this.child(indent, '', depth + 1);
    else this.scalar(text, restStart, line, 0, '', false);
  }

  /**
   * A `key: value` line of a mapping that is only checked: `seen` holds its keys so far (a set: a
   * list made a mapping of 40,000 keys quadratic, 4.4 s against 0.6 s). A key already there, or one
   * an object inherits (as `key in target` finds in `pair`), is a duplicate.
   */
  private checkPair(seen: Set<string>, line: Line, text: string, indent: number, depth: number): void {
    const restStart = keyValue(text, this.breaks);
    if (restStart === -1) out();
    const key = keyOf(text);
    if (seen.has(key) || INHERITED.has(key)) out();
    seen.add(key);
    this.checkValue(line, text, restStart, indent, depth);
  }

  mapping(indent: number, prefix: string, depth: number): [Record<string, unknown>, Position] {
    if (depth > MAX_DEPTH) out();
    const map: Record<string, unknown> = {};
    const seen: Set<string> | null = this.checking ? new Set<string>() : null;
    const first = this.peek();
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (opensItem(line.text)) break;
      this.i++;
      if (seen) this.checkPair(seen, line, line.text, indent, depth);
      else this.pair(map, line, line.text, indent, prefix, depth);
    }
    const after = this.peek();
    if (after && after.indent > indent) out();
    // The top-level mapping has no position of its own (and may be empty). A block's position is
    // read only below a top-level key (`pair`'s `wanted`) unless nested positions are kept.
    return [map, first && depth > 0 ? this.blockEnd(first, indent + 1, this.nested || depth === 1) : NOWHERE];
  }

  sequence(indent: number, prefix: string, depth: number): [unknown[], Position] {
    if (depth > MAX_DEPTH) out();
    const list: unknown[] = [];
    const first = this.peek() as Line;
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (!line.text.startsWith('- ')) break;
      this.i++;
      const rest = line.text.slice(2);
      const at = indent + 2 + (rest.length - rest.trimStart().length);
      const item = rest.trim();
      const name = this.nested ? `${prefix}${list.length}` : '';
      if (keyValue(item, this.breaks) !== -1) {
        // `- key: value` opens a mapping whose other keys line up with the first one.
        if (depth + 1 > MAX_DEPTH) out();
        const map: Record<string, unknown> = {};
        const seen: Set<string> | null = this.checking ? new Set<string>() : null;
        if (this.nested) {
          const placeholder = this.pos(line, at + 1, 0);
          this.record(name, placeholder, placeholder);
        }
        if (seen) this.checkPair(seen, line, item, at, depth + 1);
        else this.pair(map, line, item, at, `${name}.`, depth + 1);
        for (let next = this.peek(); next && next.indent === at && !next.text.startsWith('-'); next = this.peek()) {
          this.i++;
          if (seen) this.checkPair(seen, next, next.text, at, depth + 1);
          else this.pair(map, next, next.text, at, `${name}.`, depth + 1);
        }
        const after = this.peek();
        if (after && after.indent > at) out();
        const p = this.blockEnd(line, at + 1, this.nested);
        if (this.nested) this.record(name, p, p);
        list.push(map);
      } else {
        // Recorded before the items of a flow list inside: the `yaml` path lists parents first.
        if (this.nested && opensFlow(item.charCodeAt(0))) {
          const placeholder = this.pos(line, at + 1, 0);
          this.record(name, placeholder, placeholder);
        }
        const value = this.scalar(item, 0, line, at + 1, name, this.nested);
        if (this.nested) this.record(name, this.scalarAt, this.scalarAt);
        list.push(value);
      }
    }
    const after = this.peek();
    if (after && after.indent > indent) out();
    return [list, this.blockEnd(first, indent + 1, this.nested || depth === 1)];
  }

  done(): boolean {
    return this.i >= this.lines.length;
  }
}

/** Data and key positions of a front matter read by the plain-subset reader. */
export interface PlainYaml {
  data: Record<string, unknown>;
  keys: Map<string, KeyPosition>;
}

/**
 * Adds a source line, already trimmed at both ends (`text`), to the content lines; false when the
 * reader must give up on the document.
 */
function addLine(lines: Line[], no: number, indent: number, text: string, length: number): boolean {
  if (text === '' || text.startsWith('#')) {
    // Blank lines belong to no value (a block ends with its last content line); a comment after a
    // nested block may shift where the `yaml` package ends it, so that case goes to the package.
    const before = lines[lines.length - 1];
    const nested = before && (before.indent > 0 || before.text.startsWith('- ') || before.text.endsWith(':'));
    return text === '' || !nested;
  }
  lines.push({ no, indent, text, length });
  return true;
}

/** Reads the content lines of a document of `count` source lines. */
function readLines(
  lines: readonly Line[],
  count: number,
  firstLine: number,
  nested: boolean,
  keep: ReadonlySet<string> | undefined,
  breaks: boolean,
): PlainYaml | null {
  try {
    const reader = new Reader(lines, count, firstLine, nested, keep, breaks);
    const [data] = reader.mapping(0, '', 0);
    return reader.done() ? { data, keys: reader.keys } : null;
  } catch (error) {
    if (error instanceof OutsideSubset) return null;
    throw error;
  }
}

/**
 * Reads a front matter written in the plain subset, with key positions as the model records them
 * (`firstLine` is the file line of `source[0]`; with `nested` false, only top-level keys'); null
 * when it leaves the subset or the reader is not sure, and then a full YAML parser must read it.
 * With `keep` (and `nested` false), the value of a top-level key outside it is checked as closely
 * but not made: its key holds null, without a position (stats reads ten keys of forty lines).
 * `joined`, when the caller has it, is `source.join('\n')` (no line of which holds a `\n`): one test
 * of it then stands for the tests of every line for tabs and line breaks.
 */
export function readPlainYaml(
  source: readonly string[],
  firstLine = 1,
  nested = true,
  keep?: ReadonlySet<string>,
  joined?: string,
): PlainYaml | null {
  const clean = joined !== undefined && !hasTabOrBreak(joined);
  const lines: Line[] = [];
  for (let no = 0; no < source.length; no++) {
    const raw = source[no] as string;
    if (!clean && raw.includes('\t')) return null;
    const text = raw.trimStart();
    if (!addLine(lines, no, raw.length - text.length, text.trimEnd(), raw.length)) return null;
  }
  return readLines(lines, source.length, firstLine, nested, keep, !clean);
}

/**
 * True when the text holds a tab or a line break other than `\n`: four searches of one character,
 * not a regex tried at each (a stats run tests 24 MB of front matter here).
 */
function hasTabOrBreak(text: string): boolean {
  return text.includes('\t') || text.includes('\r') || text.includes('\u2028') || text.includes('\u2029');
}

/** True for a character code `trim` keeps that ends a scan for spaces: printable ASCII. */
function visibleAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

/**
 * `readPlainYaml(text.split('\n'), …)` with the number of those lines (`lineCount`), read from the
 * text without splitting it: each line is cut out once, already trimmed (stats reads 600,000 lines
 * of front matter over 10,000 files, and the split lines and their trimmed copies were a tenth of
 * its reading). A text with a tab or a line break other than `\n` is read line by line as before.
 */
export function readPlainYamlText(
  text: string,
  firstLine: number,
  nested: boolean,
  keep: ReadonlySet<string> | undefined,
): (PlainYaml & { lineCount: number }) | null {
  if (hasTabOrBreak(text)) {
    const source = text.split('\n');
    const plain = readPlainYaml(source, firstLine, nested, keep);
    return plain && { data: plain.data, keys: plain.keys, lineCount: source.length };
  }
  const lines: Line[] = [];
  let no = 0;
  for (let start = 0; ; no++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    let from = start;
    let to = end;
    while (from < to && text.charCodeAt(from) === 0x20) from++;
    while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
    let ok: boolean;
    if (from === to || (visibleAscii(text.charCodeAt(from)) && visibleAscii(text.charCodeAt(to - 1)))) {
      ok = addLine(lines, no, from - start, text.slice(from, to), end - start);
    } else {
      // Other white space than spaces at either end (U+00A0, U+FEFF, …): rare, left to the built-in trims.
      const raw = text.slice(start, end);
      const trimmed = raw.trimStart();
      ok = addLine(lines, no, raw.length - trimmed.length, trimmed.trimEnd(), raw.length);
    }
    if (!ok) return null;
    if (nl === -1) break;
    start = nl + 1;
  }
  const plain = readLines(lines, no + 1, firstLine, nested, keep, false);
  return plain && { data: plain.data, keys: plain.keys, lineCount: no + 1 };
}

/** Reads a front matter written in the plain subset; null when it leaves the subset (use a full YAML parser). */
export function readSimpleYaml(source: readonly string[]): Record<string, unknown> | null {
  return readPlainYaml(source)?.data ?? null;
}
