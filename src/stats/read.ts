import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { findSection, parsePostmortemBytes, MAX_FILE_BYTES, type ActionItemsTable } from '../model/index.js';
import { parseActionItems, scanSections } from '../model/body.js';
import { isRecord } from '../model/guards.js';
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

/**
 * The front matter and action items through a fast path: only the top-level keys stats uses are
 * handed to the YAML parser (the customer notice is most of a front matter's text), with the same
 * parser options as the model. Returns null for anything unusual, so the full parser decides.
 */
function readFast(text: string, path: string): StatsSource | null {
  const lines = text.split('\n');
  if ((lines[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '') !== '---') return null;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test((lines[i] as string).replace(/\r$/, ''))) {
      close = i;
      break;
    }
  }
  if (close === -1) return null;
  const kept: string[] = [];
  const keyLines = new Map<string, number>();
  let keep = false;
  for (let i = 1; i < close; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
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
      keyLines.set(key[1] as string, i + 1);
      kept.push(line);
    }
  }
  const document = parseDocument(kept.join('\n'), { prettyErrors: false, uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return null;
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 50 });
  } catch {
    return null;
  }
  if (data !== null && !isRecord(data)) return null;
  const body = lines.slice(close + 1).join('\n');
  const section = findSection(scanSections(body, close + 2), 'Action items');
  return { path, data: data ?? {}, keyLines, actionItems: section ? parseActionItems(section) : null };
}

/** Reads one postmortem for stats: its source, or a note saying why it could not be read. */
export function readStatsSource(path: string, givenBytes?: Uint8Array): StatsSource | FileNote {
  let bytes: Uint8Array;
  try {
    bytes = givenBytes ?? readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { path, line: 1, column: 1, message: `Expected a readable postmortem file, found an error (${code}).` };
  }
  if (bytes.length <= MAX_FILE_BYTES && !bytes.includes(0)) {
    let text: string | null = null;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: the full parser words the note.
    }
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
