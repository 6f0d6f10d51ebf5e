import { Buffer, isUtf8 } from 'node:buffer';
import { parseDocument } from 'yaml';
import {
  findSection,
  parsePostmortemBytes,
  MAX_FILE_BYTES,
  type ActionItemsTable,
  type Section,
} from '../model/index.js';
import { parseActionItems, scanSections } from '../model/body.js';
import { readBounded } from '../model/bounded-read.js';
import { isRecord } from '../model/guards.js';
import { readSimpleYaml } from '../model/simple-yaml.js';
import type { FileNote } from './types.js';

/** The parts of a postmortem that stats needs: front-matter data, key lines and the action items. */
export interface StatsSource {
  path: string;
  data: Record<string, unknown>;
  /** Line of each top-level front-matter key, for `file:line:col` notes. */
  keyLines: Map<string, number>;
  actionItems: ActionItemsTable | null;
}

/** Top-level keys the figures use; the rest (the notice above all) is not parsed by the fast path. */
const USED_KEYS = new Set([
  'id',
  'title',
  'status',
  'severity',
  'services',
  'started',
  'detected',
  'mitigated',
  'resolved',
  'impact',
  'root_causes',
]);

const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const TOP_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]|$)/;

const ACTION_ITEMS_HEADING = /^ {0,3}##[ \t]+action items(?:[ \t]+#+)?[ \t]*\r?$/im;
const NEXT_HEADING = /^ {0,3}#{1,2}(?:[ \t]|\r?$)/m;

function lineCount(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The action-items section found without scanning every heading of the body, when the body has no
 * fenced code or HTML comment (where a heading-like line is not a heading); otherwise null, and the
 * model's section scanner decides.
 */
function actionItemsDirect(text: string, bodyStart: number, bodyStartLine: number): Section | null | undefined {
  if (text.includes('```', bodyStart) || text.includes('~~~', bodyStart) || text.includes('<!--', bodyStart))
    return undefined;
  const body = text.slice(bodyStart);
  const heading = ACTION_ITEMS_HEADING.exec(body);
  if (!heading) return null;
  const contentStart = body.indexOf('\n', heading.index);
  if (contentStart === -1) return null;
  const rest = body.slice(contentStart + 1);
  const next = NEXT_HEADING.exec(rest);
  const line = bodyStartLine + lineCount(body, heading.index);
  return {
    title: 'Action items',
    depth: 2,
    line,
    column: 1,
    contentStartLine: line + 1,
    endLine: line + lineCount(rest, next ? next.index : rest.length),
    content: next ? rest.slice(0, Math.max(0, next.index - 1)) : rest,
  };
}

/** YAML text parsed as the model parses it; undefined on any error, so the full parser reports it. */
function parseYaml(text: string): Record<string, unknown> | null | undefined {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return undefined;
  try {
    const data: unknown = document.toJS({ maxAliasCount: 50 });
    return data === null || isRecord(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The front matter and action items through a fast path: only the top-level keys stats uses are
 * handed to the YAML parser (the customer notice is most of a front matter's text), with the same
 * parser options as the model. Returns null for anything unusual, so the full parser decides.
 */
function readFast(text: string, path: string): StatsSource | null {
  let end = text.indexOf('\n');
  if (
    end === -1 ||
    text
      .slice(0, end)
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '') !== '---'
  )
    return null;
  const kept: string[] = [];
  const keyLines = new Map<string, number>();
  let keep = false;
  let closed = false;
  let lineNo = 1;
  while (end !== -1) {
    const start = end + 1;
    end = text.indexOf('\n', start);
    lineNo++;
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    if (CLOSE.test(line)) {
      closed = true;
      break;
    }
    const first = line[0];
    if (first === undefined || first === ' ' || first === '\t' || first === '#' || line.startsWith('- ')) {
      if (keep) kept.push(line);
      continue;
    }
    const key = TOP_KEY.exec(line);
    // A top-level line we do not understand (a quoted key, a flow mapping): let the full parser decide.
    if (!key) return null;
    keep = USED_KEYS.has(key[1] as string);
    if (keep) {
      if (keyLines.has(key[1] as string)) return null;
      keyLines.set(key[1] as string, lineNo);
      kept.push(line);
    }
  }
  if (!closed) return null;
  const data = readSimpleYaml(kept) ?? parseYaml(kept.join('\n'));
  if (data === undefined) return null;
  const bodyStart = end === -1 ? text.length : end + 1;
  let section = actionItemsDirect(text, bodyStart, lineNo + 1);
  if (section === undefined)
    section = findSection(scanSections(text.slice(bodyStart), lineNo + 1), 'Action items') ?? null;
  return { path, data: data ?? {}, keyLines, actionItems: section ? parseActionItems(section) : null };
}

/** Reads one postmortem for stats: its source, or a note saying why it could not be read. */
export function readStatsSource(path: string, givenBytes?: Uint8Array): StatsSource | FileNote {
  const read = givenBytes ? { bytes: givenBytes } : readBounded(path);
  if ('problem' in read)
    return { path, line: 1, column: 1, message: `Expected a readable postmortem file, found ${read.problem}.` };
  const bytes = read.bytes;
  if (bytes.length <= MAX_FILE_BYTES && !bytes.includes(0)) {
    // Validating natively and decoding through Buffer costs a fraction of a fatal TextDecoder;
    // text that is not UTF-8 goes to the full parser, which words the note.
    const text = isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
    const fast = text === null ? null : readFast(text, path);
    if (fast) return fast;
  }
  let parsed;
  try {
    parsed = parsePostmortemBytes(bytes, path);
  } catch (error) {
    const text = error instanceof RangeError ? 'the file nests too deeply to be read' : (error as Error).message;
    return { path, line: 1, column: 1, message: `Expected a readable postmortem, found that ${text}.` };
  }
  const problem = parsed.problems[0];
  if (problem) return { path, line: problem.line, column: problem.column, message: problem.message };
  const pm = parsed.postmortem;
  const keyLines = new Map<string, number>();
  for (const [key, at] of pm.keys) if (!key.includes('.')) keyLines.set(key, at.key.line);
  return { path, data: pm.data, keyLines, actionItems: pm.actionItems };
}
