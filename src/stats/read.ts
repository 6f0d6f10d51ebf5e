import type { ActionItemsTable } from '../model/index.js';
import { readBounded, type ReadBuffer } from '../model/bounded-read.js';
import { readSelectedKeys } from '../model/selected-keys.js';
import { ITEM_COLUMNS, ITEM_TEXT_COLUMNS } from './record.js';
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

/**
 * The action items' columns the records use (record.ts): without the texts, the action and the
 * ticket are not cut out of the table at all, the action being most of its bytes.
 */
const ITEM_CELLS = new Set<string>(ITEM_COLUMNS);
const ITEM_CELLS_WITH_TEXTS = new Set<string>([...ITEM_COLUMNS, ...ITEM_TEXT_COLUMNS]);

/** The buffer files are read into, one a thread: the fast reader is done with the bytes before the next file. */
const buffer: ReadBuffer = { bytes: new Uint8Array(64 * 1024) };

/**
 * Reads one postmortem (or `givenBytes`) for stats through the fast reader: its source, a note saying
 * why it could not be read, or, when the full parser must decide, its bytes for `parseStatsSource`
 * (a copy of the buffer's: the next file may be read into it meanwhile).
 */
function readFast(path: string, texts: boolean, givenBytes?: Uint8Array): StatsSource | FileNote | Uint8Array {
  const read = givenBytes ? { bytes: givenBytes } : readBounded(path, buffer);
  if ('problem' in read)
    return { path, line: 1, column: 1, message: `Expected a readable postmortem file, found ${read.problem}.` };
  const fast = readSelectedKeys(read.bytes, USED_KEYS, texts ? ITEM_CELLS_WITH_TEXTS : ITEM_CELLS);
  if (fast) return { path, data: fast.data, keyLines: fast.keyLines, actionItems: fast.actionItems };
  return givenBytes ?? read.bytes.slice();
}

/**
 * Reads one postmortem (or `givenBytes`) for stats: its source, or a note saying why it could not be
 * read. A promise only for a file the fast reader hands to the parser: a run of 10,000 files the
 * fast reader reads then waits for nothing (an `await` a file was a promise and a turn of the
 * microtask queue each). The action items hold the texts only with `texts`, as records keep them then.
 */
export function readStatsSource(
  path: string,
  givenBytes?: Uint8Array,
  texts = false,
): StatsSource | FileNote | Promise<StatsSource | FileNote> {
  const read = readFast(path, texts, givenBytes);
  return read instanceof Uint8Array ? parseStatsSource(path, read) : read;
}

/**
 * What the full parser reads of a file the fast reader handed over (its bytes). The parser is loaded
 * only then: loading it (the YAML package and the Markdown parser) costs as much CPU as reading a
 * thousand files, and most runs never need it.
 */
async function parseStatsSource(path: string, bytes: Uint8Array): Promise<StatsSource | FileNote> {
  const { parsePostmortemBytes } = await import('../model/parse.js');
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
