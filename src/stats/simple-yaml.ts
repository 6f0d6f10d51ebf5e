/**
 * A reader for the plain subset of YAML that front matter is nearly always written in: block
 * mappings and sequences, one-line plain or quoted scalars (double-quoted ones with `\"` and `\\`
 * as their only escapes), flow lists of plain words, and one-line flow mappings of such scalars
 * (`services: { en: "the app", de: "die App" }`, as the notice facts are written). It gives
 * exactly what the `yaml` package gives for that subset (YAML 1.2 core schema; a test compares
 * them on generated documents) at a fraction of the cost, and null for anything else, which then
 * goes to the `yaml` package. Anchors, tags, block scalars, comments after values, other escapes,
 * nested flow collections, multi-line scalars and tabs are all "anything else".
 */

interface Line {
  indent: number;
  text: string;
}

/** Signals that the text leaves the subset; caught once, at the top. */
class OutsideSubset extends Error {}

const out = (): never => {
  throw new OutsideSubset();
};

const KEY = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;
const INT = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;

function plain(text: string): unknown {
  // Hex, octal, infinity and not-a-number are numbers in the core schema; rare enough to leave to the parser.
  if (/^[-+]?(?:0[xo]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/.test(text)) out();
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
 * A quoted scalar that starts at `from` (on its opening quote): its value and the index after its
 * closing quote. Double quotes know only the escapes `\"` and `\\`; single quotes double the quote.
 */
function quoted(text: string, from: number): { value: string; end: number } {
  const quote = text[from];
  let value = '';
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === '"' && c === '\\') {
      const next = text[i + 1];
      if (next !== '"' && next !== '\\') out();
      value += next;
      i++;
    } else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        value += "'";
        i++;
      } else return { value, end: i + 1 };
    } else value += c;
  }
  return out();
}

/** A plain word inside a flow collection: no indicators, no `: `, no comment. */
function flowWord(item: string): unknown {
  const word = item.trim();
  return word !== '' && PLAIN_START.test(word) && !/[[\]{}'"]|: |:$/.test(word) ? plain(word) : out();
}

/** A one-line flow mapping of `key: scalar` pairs, e.g. `{ en: "the app", de: "die App" }`. */
function flowMapping(text: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  const skip = (i: number) => {
    while (text[i] === ' ') i++;
    return i;
  };
  let i = skip(1);
  if (text[i] === '}') return i === text.length - 1 ? map : out();
  for (;;) {
    const m = /^([A-Za-z_][\w-]*): +/.exec(text.slice(i)) ?? out();
    const key = m[1] as string;
    if (key in map || key === '__proto__') out();
    i += m[0].length;
    if (text[i] === '"' || text[i] === "'") {
      const q = quoted(text, i);
      map[key] = q.value;
      i = skip(q.end);
    } else {
      const stop = text.slice(i).search(/[,}]/);
      if (stop < 0) out();
      map[key] = flowWord(text.slice(i, i + stop));
      i += stop;
    }
    if (text[i] === '}') return i === text.length - 1 ? map : out();
    if (text[i] !== ',') out();
    i = skip(i + 1);
  }
}

/** A one-line scalar as YAML's core schema reads it. */
function scalar(raw: string): unknown {
  const text = raw.trimEnd();
  if (text === '') return null;
  if (text.startsWith('"') || text.startsWith("'")) {
    const q = quoted(text, 0);
    return q.end === text.length ? q.value : out();
  }
  if (text.startsWith('{')) {
    if (!text.endsWith('}') || text.includes(' #')) out();
    return flowMapping(text);
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']') || text.includes(' #')) out();
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    return inner.split(',').map(flowWord);
  }
  if (!PLAIN_START.test(text) || /: |:$| #/.test(text)) out();
  return plain(text);
}

class Reader {
  i = 0;
  constructor(private readonly lines: readonly Line[]) {}

  private peek(): Line | undefined {
    return this.lines[this.i];
  }

  /** The block that starts on the next line, if it is deeper than `parent` (a sequence may sit at `parent`). */
  private child(parent: number): unknown {
    const next = this.peek();
    if (!next) return null;
    const isItem = next.text === '-' || next.text.startsWith('- ');
    if (next.indent > parent) return isItem ? this.sequence(next.indent) : this.mapping(next.indent);
    if (next.indent === parent && isItem) return this.sequence(parent);
    return null;
  }

  private pair(target: Record<string, unknown>, text: string, indent: number): void {
    const m = KEY.exec(text) ?? out();
    const key = m[1] as string;
    if (key in target || key === '__proto__') out();
    target[key] = m[2] === undefined || m[2].trim() === '' ? this.child(indent) : scalar(m[2]);
  }

  mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (line.text.startsWith('-')) {
        if (line.text === '-' || line.text.startsWith('- ')) break;
      }
      this.i++;
      this.pair(map, line.text, indent);
    }
    const after = this.peek();
    if (after && after.indent > indent) out();
    return map;
  }

  sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      if (!line.text.startsWith('- ')) break;
      this.i++;
      const rest = line.text.slice(2);
      const at = indent + 2 + (rest.length - rest.trimStart().length);
      const item = rest.trim();
      if (KEY.test(item)) {
        // `- key: value` opens a mapping whose other keys line up with the first one.
        const map: Record<string, unknown> = {};
        this.pair(map, item, at);
        Object.assign(map, this.mappingInto(map, at));
        list.push(map);
      } else list.push(scalar(item));
    }
    const after = this.peek();
    if (after && after.indent > indent) out();
    return list;
  }

  private mappingInto(map: Record<string, unknown>, indent: number): Record<string, unknown> {
    for (let line = this.peek(); line && line.indent === indent && !line.text.startsWith('-'); line = this.peek()) {
      this.i++;
      this.pair(map, line.text, indent);
    }
    return map;
  }

  done(): boolean {
    return this.i >= this.lines.length;
  }
}

/** Reads a front matter written in the plain subset; null when it leaves the subset (use a full YAML parser). */
export function readSimpleYaml(source: readonly string[]): Record<string, unknown> | null {
  const lines: Line[] = [];
  for (const raw of source) {
    if (raw.includes('\t')) return null;
    const text = raw.trimStart();
    if (text === '' || text.startsWith('#')) continue;
    lines.push({ indent: raw.length - text.length, text: text.trimEnd() });
  }
  try {
    const reader = new Reader(lines);
    const data = reader.mapping(0);
    return reader.done() ? data : null;
  } catch (error) {
    if (error instanceof OutsideSubset) return null;
    throw error;
  }
}
