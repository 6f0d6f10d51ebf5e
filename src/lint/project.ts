import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { DEFAULT_CACHE_LOCATION } from './cache.js';
import { DEFAULT_PATTERNS, findFiles, type IgnoreGlobs } from './files.js';
import { assertReplaceable } from './ownership.js';
import { RULE_CATALOG } from './catalog.js';
import { checkRuleOptions } from './rule-options.js';
import { lintFiles } from './run.js';
import { resolveSettings } from './settings.js';
import type { LintResult, LintSettings, RuleTimings } from './types.js';

/** What `postmortem lint` was asked to do, as plain values (no process, no streams). */
export interface LintProjectOptions {
  cwd: string;
  patterns?: readonly string[];
  configPath?: string;
  ruleFlags?: readonly string[];
  now?: Date;
  fix?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  toolVersion: string;
  workers?: number;
  /** Globs of files to leave out (relative to `cwd`), besides the config's `ignores`. */
  ignore?: readonly string[];
  /** False: an explicit pattern that matches nothing is a note, not NoFilesError. */
  errorOnUnmatchedPattern?: boolean;
  /** Replace a cache file even when it is not one of ours. */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Filled with each rule's time over the run (`TIMING=1`). */
  timings?: RuleTimings;
}

/** The results of a lint run and what they were computed with. */
export interface LintProjectResult {
  results: LintResult[];
  settings: LintSettings;
  configPath: string | null;
  /** Things worth telling that are not lint messages: skipped files, patterns that matched nothing. */
  notes: string[];
}

/**
 * Loads the config (rule options checked), finds the files and lints them; throws ConfigError,
 * RuleFlagError, NoFilesError or NotOurFileError (a cache location that holds some other file).
 */
export async function lintProject(options: LintProjectOptions): Promise<LintProjectResult> {
  const loaded = await loadConfig({
    cwd: options.cwd,
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });
  const settings = resolveSettings(RULE_CATALOG, loaded, options.ruleFlags ?? [], options.now ?? new Date());
  await checkRuleOptions(loaded);
  const explicit = options.patterns !== undefined && options.patterns.length > 0;
  const ignores: IgnoreGlobs[] = [];
  if (loaded.config.ignores && loaded.path) ignores.push({ base: dirname(loaded.path), globs: loaded.config.ignores });
  if (options.ignore) ignores.push({ base: options.cwd, globs: options.ignore });
  const found = findFiles(explicit ? (options.patterns as readonly string[]) : DEFAULT_PATTERNS, options.cwd, {
    ignores,
    // A new repository has no postmortems yet; that is not a broken CI run.
    errorOnUnmatched: explicit && options.errorOnUnmatchedPattern !== false,
    // The config's folder is the project's, as the working folder is.
    ...(loaded.path ? { roots: [dirname(loaded.path)] } : {}),
  });
  const notes = found.skipped.map((s) => `${s.path}: skipped: ${s.reason}.`);
  for (const pattern of found.unmatched) notes.push(`${pattern}: no files matched; nothing to lint there.`);
  const files = found.files;
  let location = options.cacheLocation
    ? resolve(options.cwd, options.cacheLocation)
    : resolve(options.cwd, DEFAULT_CACHE_LOCATION);
  if (options.cacheLocation && (options.cacheLocation.endsWith('/') || isFolder(location)))
    location = join(location, 'lint-cache.json');
  if (options.cache) assertReplaceable(location, 'cache', options.force ?? false);
  const results = await lintFiles(files, {
    settings,
    fix: options.fix ?? false,
    ...(options.cache ? { cache: { location, toolVersion: options.toolVersion } } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.timings ? { timings: options.timings } : {}),
  });
  return { results, settings, configPath: loaded.path, notes };
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The repository root of a folder (the nearest one holding `.git`), or the folder itself. */
export function repositoryRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}
