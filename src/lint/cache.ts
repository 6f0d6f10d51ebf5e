import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FileOutcome } from './engine.js';
import { RULE_CATALOG } from './catalog.js';
import { resultOf } from './result.js';
import { RULE_INPUTS, type LintMessage, type LintSettings } from './types.js';

/** Where the cache lives unless `--cache-location` says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/postmortem/lint-cache.json';

/** A file's size and modification time, to skip reading files that have not been touched. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * One file's entry, compact because a re-run parses every entry: the content hash, the stamp (null
 * when none was taken), the declared id as [value, line, column] or null, and the messages. The
 * path is the key, and the counts follow from the messages, so neither is stored twice.
 */
type CacheEntry = [
  hash: string,
  size: number | null,
  mtimeMs: number | null,
  id: CachedId | null,
  messages: LintMessage[],
];
type CachedId = [value: string, line: number, column: number];

interface CacheFile {
  key: string;
  /** When the cache was written; stamps this close to it may hide a same-size edit (racy). */
  savedAt?: number;
  files: Record<string, CacheEntry>;
}

/** The shape of the entries; part of the key, so a cache written in an older shape starts afresh. */
const CACHE_FORMAT = 2;

/** Stamps newer than this before the cache was saved are not trusted without a content hash. */
const RACY_MS = 2_000;

/** Lint results of earlier runs, keyed by file path and content hash, valid for one tool version and config. */
export class LintCache {
  private files: CacheFile['files'];
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly key: string,
    files: CacheFile['files'],
    private readonly savedAt: number,
  ) {
    this.files = files;
  }

  /** Opens the cache; a missing, unreadable or foreign cache file starts empty. */
  static async open(path: string, toolVersion: string, settings: LintSettings): Promise<LintCache> {
    const key = cacheKey(toolVersion, settings);
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (data.key === key && isObject(data.files)) return new LintCache(path, key, data.files, data.savedAt ?? 0);
    } catch {
      // No cache yet, or one we cannot read: lint everything and write a new one.
    }
    return new LintCache(path, key, {}, 0);
  }

  /**
   * The stored outcome when the file's size and modification time are those recorded with its
   * content hash, so unchanged files are not even read (as git's index does); stamps too close
   * to the last save are not trusted, since an edit within the clock's resolution keeps them.
   */
  getByStamp(path: string, stamp: FileStamp): FileOutcome | undefined {
    const entry = this.entry(path);
    if (!entry || entry[1] !== stamp.size || entry[2] !== stamp.mtimeMs) return undefined;
    if (stamp.mtimeMs >= this.savedAt - RACY_MS) return undefined;
    return outcomeOf(path, entry);
  }

  /** The stored outcome for this content, or undefined; records the file's new stamp on a hit. */
  get(path: string, hash: string, stamp?: FileStamp): FileOutcome | undefined {
    const entry = this.entry(path);
    if (!entry || entry[0] !== hash) return undefined;
    if (stamp && (entry[1] !== stamp.size || entry[2] !== stamp.mtimeMs)) {
      entry[1] = stamp.size;
      entry[2] = stamp.mtimeMs;
      this.changed = true;
    }
    return outcomeOf(path, entry);
  }

  // A cache file is input like any other: an entry of the wrong shape (edited by hand, written by
  // a broken tool, cut short) is a miss, never a crash.
  private entry(path: string): CacheEntry | undefined {
    if (!Object.hasOwn(this.files, path)) return undefined;
    const entry: unknown = this.files[path];
    return isEntry(entry) ? entry : undefined;
  }

  /** Stores an outcome (before cross-file checks are added). */
  set(path: string, hash: string, outcome: FileOutcome, stamp?: FileStamp): void {
    const { id, result } = outcome;
    this.files[path] = [
      hash,
      stamp?.size ?? null,
      stamp?.mtimeMs ?? null,
      id ? [id.value, id.line, id.column] : null,
      result.messages.map((m) => ({ ...m })),
    ];
    this.changed = true;
  }

  /** Drops entries of files that no longer exist in this run's set, then writes the cache if it changed. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const { writeFileAtomic } = await import('../model/write.js');
    const savedAt = Date.now();
    await writeFileAtomic(
      this.path,
      JSON.stringify({ key: this.key, savedAt, files: this.files } satisfies CacheFile),
      { force: true },
    );
  }
}

// A new messages array each time: the cross-file check adds to it, and the stored entry stays as
// linted. The messages themselves are shared, since nothing changes a message once it is made.
function outcomeOf(path: string, entry: CacheEntry): FileOutcome {
  const id = entry[3];
  return {
    result: resultOf(path, entry[4].slice()),
    id: id ? { value: id[0], line: id[1], column: id[2] } : null,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isOptional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
const isNullable = (v: unknown, check: (v: unknown) => boolean): boolean => v === null || check(v);

function isMessage(m: unknown): m is LintMessage {
  return (
    isObject(m) &&
    typeof m.ruleId === 'string' &&
    (m.severity === 1 || m.severity === 2) &&
    typeof m.message === 'string' &&
    isCount(m.line) &&
    isCount(m.column) &&
    isOptional(m.endLine, isCount) &&
    isOptional(m.endColumn, isCount) &&
    isOptional(m.fixable, (v) => typeof v === 'boolean')
  );
}

const isId = (id: unknown): boolean =>
  Array.isArray(id) && id.length === 3 && typeof id[0] === 'string' && isCount(id[1]) && isCount(id[2]);

/** True when a stored entry has the shape this version writes. */
function isEntry(entry: unknown): entry is CacheEntry {
  if (!Array.isArray(entry) || entry.length !== 5 || typeof entry[0] !== 'string') return false;
  const [, size, mtimeMs, id, messages] = entry as unknown[];
  if (!isNullable(size, isCount) || !isNullable(mtimeMs, (v) => typeof v === 'number')) return false;
  return isNullable(id, isId) && Array.isArray(messages) && messages.every(isMessage);
}

/** The content hash a cache entry is keyed by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * The key a cache file is valid for: the tool version, and for each enabled rule its level, its
 * options and the values of the inputs it declares (`dependsOn`). Nothing else in the settings
 * can change a rule's result, so nothing else invalidates the cache.
 */
function cacheKey(toolVersion: string, settings: LintSettings): string {
  const declared = new Map(RULE_CATALOG.map((rule) => [rule.id, rule.dependsOn ?? []]));
  const rules = Object.keys(settings.rules)
    .sort()
    .map((id) => {
      const inputs = declared.get(id);
      // A rule the catalog does not know (a stale build) may read anything.
      const values = inputs ? inputs.map((input) => [input, RULE_INPUTS[input](settings)]) : settings;
      return [id, settings.rules[id], values];
    });
  return createHash('sha1')
    .update(JSON.stringify([CACHE_FORMAT, toolVersion, rules]))
    .digest('hex');
}
