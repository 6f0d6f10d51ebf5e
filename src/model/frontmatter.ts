import { createRequire } from 'node:module';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { readPlainYaml } from './simple-yaml.js';
import type { FrontMatterBlock, KeyPosition, Problem } from './types.js';

type Yaml = typeof import('yaml');
let loaded: Yaml | undefined;

/**
 * The YAML parser, loaded on the first front matter the plain reader cannot take (65 ms of CPU per
 * lint thread; none of the 10,000 real-prose bench files needs it), synchronously, as parsing is.
 */
function yaml(): Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
}

/**
 * Script front matter (`---js` and the like) is refused and never run: gray-matter, the usual reader,
 * evaluates `---js` with `eval` (CVE-2022-25863). The names are the languages it knows as scripts.
 */
const SCRIPT_LANGUAGES: Readonly<Record<string, string>> = {
  javascript: 'js',
  js: 'js',
  coffee: 'coffee',
  coffeescript: 'coffee',
  cson: 'cson',
  json: 'json',
};

/** Most aliases a front matter may resolve before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 50;

/** The result of reading the front matter of a file. */
export interface FrontMatterResult {
  data: Record<string, unknown>;
  block: FrontMatterBlock | null;
  keys: Map<string, KeyPosition>;
  body: string;
  bodyStartLine: number;
  problems: Problem[];
}

/**
 * Every result is made here, so that all have one shape (the same properties in the same order):
 * results of several shapes made the parser's optimised code be thrown away and compiled again.
 */
function result(
  data: Record<string, unknown>,
  block: FrontMatterBlock | null,
  keys: Map<string, KeyPosition>,
  body: string,
  bodyStartLine: number,
  problems: Problem[],
): FrontMatterResult {
  return { data, block, keys, body, bodyStartLine, problems };
}

function problem(message: string, line: number, column: number): Problem {
  return { ruleId: 'frontmatter-schema', severity: 'error', message, line, column };
}

const OPEN = /^---([A-Za-z]*)[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Splits a file into front matter and body and parses the front matter safely. */
export function readFrontMatter(source: string): FrontMatterResult {
  // Only the front matter is split into lines: the body is sliced off whole (the body is most of
  // the file, and splitting and joining it again was a good part of the allocations of a lint run).
  const firstEnd = source.indexOf('\n');
  const first = (firstEnd === -1 ? source : source.slice(0, firstEnd)).replace(/^\uFEFF/, '').replace(/\r$/, '');
  const open = OPEN.exec(first);
  if (!open) {
    const found = source.trim() === '' ? 'an empty file' : `\`${first.slice(0, 40)}\``;
    return result({}, null, new Map(), source, 1, [
      problem(`Expected front matter opening with \`---\` on line 1, found ${found}.`, 1, 1),
    ]);
  }
  // CRLF files: the YAML parser would read a `\r` after a quoted or flow value as content.
  // Dropping it from the line ends keeps every line and column where it was.
  const rawLines: string[] = [];
  let close = -1;
  let bodyStart = source.length;
  let closeStart = -1;
  let crlf = false;
  for (let start = firstEnd + 1; firstEnd !== -1;) {
    const end = source.indexOf('\n', start);
    const stop = end === -1 ? source.length : end;
    const cr = stop > start && source.charCodeAt(stop - 1) === 0x0d;
    const text = source.slice(start, cr ? stop - 1 : stop);
    // Only a line that starts with `-` or `.` can close the block: the regex is not tried on the others.
    const c = text.length > 0 ? text.charCodeAt(0) : 0;
    if ((c === 0x2d || c === 0x2e) && CLOSE.test(text)) {
      close = rawLines.length + 1;
      closeStart = start;
      if (end !== -1) bodyStart = end + 1;
      break;
    }
    if (cr) crlf = true;
    rawLines.push(text);
    if (end === -1) break;
    start = end + 1;
  }
  if (close === -1) {
    return result({}, null, new Map(), '', source.split('\n').length + 1, [
      problem('Expected a closing `---` line after the front matter, found the end of the file.', 1, 1),
    ]);
  }
  // Without a `\r` dropped, the block is the file's text between the fences: a slice, not a join of its lines.
  const raw = crlf ? rawLines.join('\n') : rawLines.length === 0 ? '' : source.slice(firstEnd + 1, closeStart - 1);
  const block: FrontMatterBlock = { raw, contentStartLine: 2, endLine: close + 1 };
  const body = source.slice(bodyStart);
  const bodyStartLine = close + 2;
  const language = open[1] ?? '';
  if (language === '') {
    // Most front matter is plain YAML: read it without the full parser when the fast reader is sure.
    const plain = readPlainYaml(rawLines, block.contentStartLine, true, undefined, raw);
    if (plain) return result(plain.data, block, plain.keys, body, bodyStartLine, []);
  }

  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    const script = SCRIPT_LANGUAGES[language];
    const message = script
      ? `Expected YAML front matter, found \`---${script}\`: script front matter is refused and never run.`
      : `Expected YAML front matter, found \`---${language}\` (an unsupported front-matter language).`;
    return result({}, block, new Map(), body, bodyStartLine, [problem(message, 1, 4)]);
  }
  // A block of only comments or white space holds no data (as front-matter readers treat it).
  if (rawLines.every((line) => line.trim() === '' || line.trim().startsWith('#')))
    return result({}, block, new Map(), body, bodyStartLine, []);
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // The exact block found above, so that positions map to the file's lines.
  const document: Document.Parsed = parseDocument(raw, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const offsetLine = block.contentStartLine - 1;
  const errors = document.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    const text = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    return problem(`Expected valid YAML in the front matter, found an error: ${text}.`, pos.line + offsetLine, pos.col);
  });
  if (errors.length > 0) return result({}, block, new Map(), body, bodyStartLine, errors);

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return result({}, block, new Map(), body, bodyStartLine, [
      problem(
        `Expected front matter with few YAML aliases, found too many (refused: ${text.replace(/\.$/, '')}).`,
        block.contentStartLine,
        1,
      ),
    ]);
  }
  if (data === null || data === undefined) return result({}, block, new Map(), body, bodyStartLine, []);
  if (typeof data !== 'object' || Array.isArray(data)) {
    return result({}, block, new Map(), body, bodyStartLine, [
      problem('Expected the front matter to be a mapping of keys to values.', block.contentStartLine, 1),
    ]);
  }
  const keys = new Map<string, KeyPosition>();
  collectKeyPositions(document.contents, '', keys, lineCounter, offsetLine, 0);
  return result(data as Record<string, unknown>, block, keys, body, bodyStartLine, []);
}

/**
 * Positions of the keys and values in a YAML or JSON text, by dotted path (as `Postmortem.keys`), for
 * messages about data read from a file (config, answers); empty when the text does not parse.
 */
export function keyPositionsOf(text: string): Map<string, KeyPosition> {
  const keys = new Map<string, KeyPosition>();
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (document.errors.length === 0) collectKeyPositions(document.contents, '', keys, lineCounter, 0, 0);
  return keys;
}

function position(lineCounter: LineCounter, offset: number, offsetLine: number) {
  const p = lineCounter.linePos(offset);
  return { line: p.line + offsetLine, column: p.col };
}

function collectKeyPositions(
  node: unknown,
  prefix: string,
  keys: Map<string, KeyPosition>,
  lineCounter: LineCounter,
  offsetLine: number,
  depth: number,
): void {
  if (depth > 8) return;
  const { isMap, isPair, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const name = `${prefix}${String(pair.key.value)}`;
      const keyNode = pair.key as YamlNode;
      const valueNode = (pair.value ?? pair.key) as YamlNode;
      const keyRange = keyNode.range ?? [0, 0, 0];
      const valueRange = valueNode.range ?? keyRange;
      const start = position(lineCounter, keyRange[0], offsetLine);
      const vStart = position(lineCounter, valueRange[0], offsetLine);
      const vEnd = position(lineCounter, valueRange[1], offsetLine);
      keys.set(name, {
        key: { ...start, endLine: start.line, endColumn: start.column + String(pair.key.value).length },
        value: { ...vStart, endLine: vEnd.line, endColumn: vEnd.column },
      });
      collectKeyPositions(pair.value, `${name}.`, keys, lineCounter, offsetLine, depth + 1);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const name = `${prefix}${index}`;
      const range = (item as YamlNode | null)?.range;
      if (range) {
        const start = position(lineCounter, range[0], offsetLine);
        const end = position(lineCounter, range[1], offsetLine);
        const pos = { ...start, endLine: end.line, endColumn: end.column };
        keys.set(name, { key: pos, value: pos });
      }
      collectKeyPositions(item, `${name}.`, keys, lineCounter, offsetLine, depth + 1);
    });
  }
}
