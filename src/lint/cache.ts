import { readFileSync } from 'node:fs';
import type { DeclaredId, FileOutcome } from './engine.js';
import { RULE_CATALOG } from './catalog.js';
import { resultOf } from './result.js';
import { RULE_INPUTS, type LintMessage, type LintResult, type LintSettings } from './types.js';

/** Where the cache lives unless `--cache-location` says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/postmortem/lint-cache.json';

/** A file's size and modification time, to skip reading files that have not been touched. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * The cache file: one list per field, in the order of the paths, rather than an entry per file. A
 * re-run parses every field, and a few long lists make a tenth of the objects that 10,000 small
 * entries did (their parse and their garbage collection were a third of a cached re-run). Paths
 * are stored after `base`, the folder they all start with, sorted as findFiles sorts them, so a
 * re-run finds each file at the next position without a lookup table; since format 5 they are one
 * string, separated by NUL (which no path holds): 10,000 strings fewer to parse and keep, and a
 * lookup compares the path with the text in place. `stamps` is each file's size and modification
 * time as two little-endian doubles, in base64: copied into a Float64Array without parsing a
 * number (a size of -1 means no stamp was taken). `hashes` is the content hashes one after the
 * other, HASH_CHARS each; `ids` holds 0 for an id that is the file's name without `.md` (most
 * are: a fifth of the file, and 10,000 strings, fewer), null for none; `idAt` holds the id's line
 * and column per file (0 0 without an id); `messages` lists only the files that have messages, by
 * index. The counts follow from the messages. `distinctIds` says that no
 * two entries declare the same id, so that a run answered wholly from the cache can skip the
 * duplicate-id check (a Map of 10,000 ids, 15 ms of a re-run).
 */
interface CacheFile {
  /**
   * 40 hex digits, first, as the SHA-1 key of the formats before this one was: lint recognises its
   * cache by that start (ownership.ts), and an earlier version reads a key that is not its own and
   * starts afresh instead of refusing the file. The key itself is `validFor`.
   */
  key: string;
  /** What the results are valid for (see cacheKey), compared whole. */
  validFor: string;
  /** When the cache was written; stamps this close to it may hide a same-size edit (racy). */
  savedAt: number;
  base: string;
  paths: string;
  hashes: string;
  stamps: string;
  ids: Array<StoredId>;
  idAt: number[];
  messages: Record<string, LintMessage[]>;
  distinctIds: boolean;
}

/** An id as stored: its value, 0 for the file's name without `.md`, null for none. */
type StoredId = string | 0 | null;

/** The shape of the file; part of the key, so a cache written in an older shape starts afresh. */
const CACHE_FORMAT = 5;

/** The `key` of this format: no SHA-1 of an earlier version's key is this. */
const FORMAT_KEY = CACHE_FORMAT.toString(16).padStart(40, '0');

/** The length of a content hash (a SHA-1 in base64). */
const HASH_CHARS = 28;

/** What separates the paths in `paths`. */
const SEPARATOR = 0;

/** True where a Float64Array holds its numbers as `stamps` does (little-endian), so bytes copy as they are. */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Stamps newer than this before the cache was saved are not trusted without a content hash. */
const RACY_MS = 2_000;

/** Lint results of earlier runs, keyed by file path and content hash, valid for one tool version and config. */
export class LintCache {
  private changed = false;
  /** The position after the last one found: the next file of a re-run is usually there. */
  private next = 0;
  /** Where the path of entry `next` starts in `paths`, and where that of `next - 1` started. */
  private at = 0;
  private previousAt = 0;
  /** Each full path's position, and where each loaded path starts, built only when a path is not where the order says. */
  private index: Map<string, number> | undefined;
  private starts: number[] | undefined;
  /** Paths (in full) and hashes of files added by this run, after the loaded ones. */
  private readonly added: string[] = [];
  private readonly newHashes = new Map<number, string>();

  private constructor(
    private readonly path: string,
    private readonly key: string,
    private readonly data: Entries,
  ) {}

  /** Opens the cache; a missing, unreadable or foreign cache file, or one of the wrong shape, starts empty. */
  static open(path: string, toolVersion: string, settings: LintSettings): LintCache {
    const key = cacheKey(toolVersion, settings);
    try {
      // Read at once, not through fs/promises: its chunked reads of a 1.3 MB file cost more than the read.
      const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
      // A cache file is input like any other: one edited by hand, written by a broken tool or cut
      // short is a miss for every file, never a crash.
      if (isObject(data) && data.key === FORMAT_KEY && data.validFor === key) {
        const entries = entriesOf(data);
        if (entries) return new LintCache(path, key, entries);
      }
    } catch {
      // No cache yet, or one we cannot read: lint everything and write a new one.
    }
    const empty: Entries = {
      savedAt: 0,
      base: '',
      paths: '',
      count: 0,
      hashes: '',
      stamps: new Float64Array(0),
      ids: [],
      idAt: [],
      messages: {},
      distinctIds: true,
    };
    return new LintCache(path, key, empty);
  }

  /**
   * The stored outcome when the file's size and modification time are those recorded with its
   * content hash, so unchanged files are not even read (as git's index does); stamps too close
   * to the last save are not trusted, since an edit within the clock's resolution keeps them.
   */
  getByStamp(path: string, stamp: FileStamp): FileOutcome | undefined {
    const i = this.find(path);
    if (i === undefined) return undefined;
    const { stamps, savedAt } = this.data;
    if (stamps[2 * i] !== stamp.size || stamps[2 * i + 1] !== stamp.mtimeMs || stamp.mtimeMs >= savedAt - RACY_MS)
      return undefined;
    return this.outcome(path, i);
  }

  /** The stored outcome for this content, or undefined; records the file's new stamp on a hit. */
  get(path: string, hash: string, stamp?: FileStamp): FileOutcome | undefined {
    const i = this.find(path);
    if (i === undefined || this.hashAt(i) !== hash) return undefined;
    const { stamps } = this.data;
    if (stamp && (stamps[2 * i] !== stamp.size || stamps[2 * i + 1] !== stamp.mtimeMs)) {
      stamps[2 * i] = stamp.size;
      stamps[2 * i + 1] = stamp.mtimeMs;
      this.changed = true;
    }
    return this.outcome(path, i);
  }

  /**
   * True when no two entries of the cache declare the same id: a run whose every outcome came
   * from the cache (nothing set) then has no duplicate id among its files, which are some of them.
   */
  get idsDistinct(): boolean {
    return this.data.distinctIds;
  }

  /** Stores an outcome (before cross-file checks are added). */
  set(path: string, hash: string, outcome: FileOutcome, stamp?: FileStamp): void {
    if (hash.length !== HASH_CHARS) throw new Error(`A content hash has ${HASH_CHARS} characters, not ${hash.length}.`);
    const { data } = this;
    let i = this.find(path);
    if (i === undefined) {
      i = data.count + this.added.length;
      this.added.push(path);
      this.index?.set(path, i);
    }
    const { id, result } = outcome;
    this.newHashes.set(i, hash);
    if (2 * i + 1 >= data.stamps.length) {
      const grown = new Float64Array(Math.max(2 * i + 2, 2 * data.stamps.length));
      grown.set(data.stamps);
      data.stamps = grown;
    }
    data.stamps[2 * i] = stamp?.size ?? -1;
    data.stamps[2 * i + 1] = stamp?.mtimeMs ?? 0;
    data.ids[i] = !id ? null : id.value === stem(path) ? 0 : id.value;
    data.idAt[2 * i] = id ? id.line : 0;
    data.idAt[2 * i + 1] = id ? id.column : 0;
    if (result.messages.length > 0) data.messages[i] = result.messages.map((m) => ({ ...m }));
    else delete data.messages[i];
    // Known again when saved.
    data.distinctIds = false;
    this.changed = true;
  }

  /** Writes the cache if anything changed (entries of files this run did not see are kept), sorted by path. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const { writeFileAtomic } = await import('../model/write.js');
    const { data } = this;
    const count = data.count + this.added.length;
    const full = this.fullPaths();
    // Sorted as findFiles sorts (by UTF-16 code units), so that the next run meets them in order.
    const order = full.map((_, i) => i).sort((a, b) => ((full[a] as string) < (full[b] as string) ? -1 : 1));
    const base = commonFolder(full);
    const messages: CacheFile['messages'] = {};
    order.forEach((i, at) => {
      const stored = data.messages[i];
      if (stored) messages[at] = stored;
    });
    const stamps = Buffer.alloc(16 * count);
    order.forEach((i, at) => {
      stamps.writeDoubleLE(data.stamps[2 * i] as number, 16 * at);
      stamps.writeDoubleLE(data.stamps[2 * i + 1] as number, 16 * at + 8);
    });
    const ids = order.map((i) => data.ids[i] as StoredId);
    const declared = order.flatMap((i) => {
      const id = data.ids[i];
      return id === 0 ? [stem(full[i] as string)] : id === null || id === undefined ? [] : [id];
    });
    const file: CacheFile = {
      key: FORMAT_KEY,
      validFor: this.key,
      savedAt: Date.now(),
      base,
      paths: order.map((i) => (full[i] as string).slice(base.length)).join(String.fromCharCode(SEPARATOR)),
      hashes: order.map((i) => this.hashAt(i)).join(''),
      stamps: stamps.toString('base64'),
      ids,
      idAt: order.flatMap((i) => [data.idAt[2 * i] as number, data.idAt[2 * i + 1] as number]),
      messages,
      distinctIds: new Set(declared).size === declared.length,
    };
    await writeFileAtomic(this.path, JSON.stringify(file), { force: true });
  }

  /** The position of a path: where the last one was found or the one after it, else from the index. */
  private find(path: string): number | undefined {
    const { next, at } = this;
    if (this.isAt(path, next, at)) {
      this.moveTo(next + 1, next < this.data.count ? at + path.length - this.data.base.length + 1 : at, at);
      return next;
    }
    if (next > 0 && this.isAt(path, next - 1, this.previousAt)) return next - 1;
    if (!this.index) {
      const full = this.fullPaths();
      this.index = new Map(full.map((p, i) => [p, i]));
      const starts: number[] = [];
      let start = 0;
      for (let i = 0; i < this.data.count; i++) {
        starts.push(start);
        start += (full[i] as string).length - this.data.base.length + 1;
      }
      starts.push(start);
      this.starts = starts;
    }
    const i = this.index.get(path);
    if (i !== undefined) {
      const starts = this.starts as number[];
      const last = starts.length - 1;
      this.moveTo(i + 1, starts[Math.min(i + 1, last)] as number, starts[Math.min(i, last)] as number);
    }
    return i;
  }

  private moveTo(next: number, at: number, previousAt: number): void {
    this.next = next;
    this.at = at;
    this.previousAt = previousAt;
  }

  /**
   * True when `path` is entry `i`, whose path starts at `at` in `paths` when it is a loaded one.
   * The slice after `base` dies young; comparing in place, character by character, took longer.
   */
  private isAt(path: string, i: number, at: number): boolean {
    const { base, paths, count } = this.data;
    if (i >= count) return this.added[i - count] === path;
    const end = at + path.length - base.length;
    if (end <= at || end > paths.length || (end < paths.length && paths.charCodeAt(end) !== SEPARATOR)) return false;
    return path.startsWith(base) && paths.startsWith(path.slice(base.length), at);
  }

  /** Every entry's full path, in the order of the entries. */
  private fullPaths(): string[] {
    const { base, paths, count } = this.data;
    const loaded = count === 0 ? [] : paths.split(String.fromCharCode(SEPARATOR)).map((name) => base + name);
    return [...loaded, ...this.added];
  }

  private hashAt(i: number): string {
    return this.newHashes.get(i) ?? this.data.hashes.slice(i * HASH_CHARS, (i + 1) * HASH_CHARS);
  }

  // A new messages array each time: the cross-file check adds to it, and the stored entry stays as
  // linted. The messages themselves are shared, since nothing changes a message once it is made.
  private outcome(path: string, i: number): FileOutcome {
    const { ids, idAt, messages } = this.data;
    const stored = messages[i];
    return new CachedOutcome(
      resultOf(path, stored ? stored.slice() : []),
      ids[i] as StoredId,
      idAt[2 * i] as number,
      idAt[2 * i + 1] as number,
    );
  }
}

/**
 * An outcome from the cache, whose id is made when it is asked for: only the duplicate-id check
 * asks, and a run answered wholly from a cache of distinct ids skips that check (idsDistinct).
 * Made for every file of a re-run, an id object and the file's name without `.md` were three of
 * the six objects per file that such a run keeps to its end, and copies in each young-generation
 * collection.
 */
class CachedOutcome implements FileOutcome {
  constructor(
    readonly result: LintResult,
    private readonly stored: StoredId,
    private readonly line: number,
    private readonly column: number,
  ) {}

  get id(): DeclaredId | null {
    const { stored } = this;
    if (stored === null) return null;
    return { value: stored === 0 ? stem(this.result.filePath) : stored, line: this.line, column: this.column };
  }
}

/** The folder (with its trailing separator) that every path starts with, or '' when they share none. */
function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0] as string;
  for (const p of paths) {
    while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.length - 1);
    if (prefix === '') return '';
  }
  return prefix.slice(0, Math.max(prefix.lastIndexOf('/'), prefix.lastIndexOf('\\')) + 1);
}

/** The file's name without its folder and `.md`: what most ids are. */
function stem(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return name.endsWith('.md') ? name.slice(0, -3) : name;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isOptional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
const isString = (v: unknown): v is string => typeof v === 'string';

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

const isList = (v: unknown, length: number): boolean => Array.isArray(v) && v.length === length;

/** A cache file as a run uses it: the stamps decoded into numbers, the paths still one string. */
interface Entries {
  savedAt: number;
  base: string;
  paths: string;
  /** How many entries `paths` and the lists hold (the ones added by this run come after them). */
  count: number;
  hashes: string;
  /** Size and modification time per entry; grown (copied) when this run adds entries. */
  stamps: Float64Array;
  ids: StoredId[];
  idAt: number[];
  messages: Record<string, LintMessage[]>;
  distinctIds: boolean;
}

/**
 * The entries of a file of the shape this version writes, or null: every list as long as the
 * hashes say, the paths non-empty, sorted and distinct, each file's size, time and id well formed
 * (wellFormed), the messages too.
 */
function entriesOf(data: Record<string, unknown>): Entries | null {
  const { paths, hashes, stamps, messages, ids, idAt, savedAt, base, distinctIds } = data;
  if (!isString(paths) || !isString(hashes) || !isString(stamps) || !isObject(messages)) return null;
  if (typeof savedAt !== 'number' || !isString(base) || typeof distinctIds !== 'boolean') return null;
  const count = hashes.length / HASH_CHARS;
  if (!Number.isInteger(count) || !isList(ids, count) || !isList(idAt, 2 * count) || !inOrder(paths, count))
    return null;
  const bytes = Buffer.from(stamps, 'base64');
  if (bytes.length !== 16 * count) return null;
  // Copied whole where the machine's order is the file's: a loop of 20,000 reads cost 10-30 ms.
  const values = new Float64Array(2 * count);
  if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(bytes);
  else for (let k = 0; k < 2 * count; k++) values[k] = bytes.readDoubleLE(8 * k);
  if (!wellFormed(values, ids as unknown[], idAt as unknown[])) return null;
  for (const [index, list] of Object.entries(messages)) {
    if (!/^\d+$/.test(index) || Number(index) >= count || !Array.isArray(list) || !list.every(isMessage)) return null;
  }
  return {
    savedAt,
    base,
    paths,
    count,
    hashes,
    stamps: values,
    ids: ids as Entries['ids'],
    idAt: idAt as number[],
    messages: messages as Entries['messages'],
    distinctIds,
  };
}

/**
 * True when every size is a count (-1 for none), every time a number, every id null, 0 or a
 * string, and every line and column of an id a count: an entry of another shape (a file edited by
 * hand, written by a broken tool) makes the file a miss, never a crash. One loop per list with
 * the checks written out, no call per value: with them checked at each lookup instead, a re-run
 * (which runs without TurboFan, see holdTurbofan) spent 7 calls per file on them.
 */
function wellFormed(stamps: Float64Array, ids: readonly unknown[], idAt: readonly unknown[]): boolean {
  const max = Number.MAX_SAFE_INTEGER;
  for (let k = 0; k < stamps.length; k += 2) {
    const size = stamps[k] as number;
    const time = stamps[k + 1] as number;
    // `time !== time` only for NaN.
    if ((size !== -1 && !(size >= 0 && size % 1 === 0 && size <= max)) || time !== time) return false;
  }
  for (const id of ids) if (id !== null && id !== 0 && typeof id !== 'string') return false;
  for (const v of idAt) if (typeof v !== 'number' || !(v >= 0 && v % 1 === 0 && v <= max)) return false;
  return true;
}

/**
 * True when `paths` holds `count` non-empty paths, each after the one before it and none twice,
 * as saved: a path listed twice would have two answers. Each is compared as a slice (short-lived)
 * with `<`: comparing them in place, character by character, cost 15-20 ms at open.
 */
function inOrder(paths: string, count: number): boolean {
  if (count === 0) return paths === '';
  const separator = String.fromCharCode(SEPARATOR);
  let previous = '';
  let start = 0;
  for (let i = 0; i < count; i++) {
    const found = paths.indexOf(separator, start);
    const last = i === count - 1;
    const end = last ? paths.length : found;
    if ((last && found !== -1) || end <= start) return false;
    const path = paths.slice(start, end);
    if (i > 0 && !(previous < path)) return false;
    previous = path;
    start = end + 1;
  }
  return true;
}

/**
 * The content hash a cache entry is keyed by (SHA-1, base64), from a function loaded when a file
 * has to be read: a re-run of untouched files never loads node:crypto.
 */
export async function loadContentHash(): Promise<(bytes: Uint8Array) => string> {
  const { createHash } = await import('node:crypto');
  return (bytes) => createHash('sha1').update(bytes).digest('base64');
}

/**
 * The key a cache file is valid for: the tool version, and for each enabled rule its level, its
 * options and the values of the inputs it declares (`dependsOn`). Nothing else in the settings
 * can change a rule's result, so nothing else invalidates the cache. The key is kept as it is
 * (not hashed): it is compared once, and a hash function cost more to load than the key to store.
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
  return JSON.stringify([CACHE_FORMAT, toolVersion, rules]);
}
