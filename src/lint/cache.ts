import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FileOutcome } from './engine.js';
import type { LintSettings } from './types.js';

/** Where the cache lives unless `--cache-location` says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/postmortem/lint-cache.json';

interface CacheFile {
  key: string;
  files: Record<string, { hash: string; outcome: FileOutcome }>;
}

/** Lint results of earlier runs, keyed by file path and content hash, valid for one tool version and config. */
export class LintCache {
  private files: CacheFile['files'];
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly key: string,
    files: CacheFile['files'],
  ) {
    this.files = files;
  }

  /** Opens the cache; a missing, unreadable or foreign cache file starts empty. */
  static async open(path: string, toolVersion: string, settings: LintSettings): Promise<LintCache> {
    const key = cacheKey(toolVersion, settings);
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (data.key === key && data.files && typeof data.files === 'object') return new LintCache(path, key, data.files);
    } catch {
      // No cache yet, or one we cannot read: lint everything and write a new one.
    }
    return new LintCache(path, key, {});
  }

  /** The stored outcome for this content, or undefined. */
  get(path: string, hash: string): FileOutcome | undefined {
    const entry = this.files[path];
    if (!entry || entry.hash !== hash) return undefined;
    // Copies what the cross-file check may change, so the stored entry stays as linted.
    const { result, id } = entry.outcome;
    return { result: { ...result, messages: [...result.messages] }, id };
  }

  /** Stores an outcome (before cross-file checks are added). */
  set(path: string, hash: string, outcome: FileOutcome): void {
    this.files[path] = { hash, outcome: structuredClone(outcome) };
    this.changed = true;
  }

  /** Drops entries of files that no longer exist in this run's set, then writes the cache if it changed. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const { writeFileAtomic } = await import('../model/write.js');
    await writeFileAtomic(this.path, JSON.stringify({ key: this.key, files: this.files } satisfies CacheFile), { force: true });
  }
}

/** The content hash a cache entry is keyed by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

function cacheKey(toolVersion: string, settings: LintSettings): string {
  // The clock only matters to the overdue rule, and then only by the day.
  const now = settings.rules['action-item-overdue'] ? settings.now.slice(0, 10) : '';
  return createHash('sha1').update(JSON.stringify([toolVersion, { ...settings, now }])).digest('hex');
}
