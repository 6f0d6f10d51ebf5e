import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { DEFAULT_CACHE_LOCATION } from './cache.js';
import { DEFAULT_PATTERNS, findFiles } from './files.js';
import { RULE_CATALOG } from './catalog.js';
import { checkRuleOptions } from './rule-options.js';
import { lintFiles } from './run.js';
import { resolveSettings } from './settings.js';
import type { LintResult, LintSettings } from './types.js';

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
  onProgress?: (done: number, total: number) => void;
}

/** The results of a lint run and what they were computed with. */
export interface LintProjectResult {
  results: LintResult[];
  settings: LintSettings;
  configPath: string | null;
}

/** Loads the config (rule options checked), finds the files and lints them; throws ConfigError, RuleFlagError or NoFilesError. */
export async function lintProject(options: LintProjectOptions): Promise<LintProjectResult> {
  const loaded = await loadConfig({
    cwd: options.cwd,
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });
  const settings = resolveSettings(RULE_CATALOG, loaded, options.ruleFlags ?? [], options.now ?? new Date());
  await checkRuleOptions(loaded);
  const patterns = options.patterns && options.patterns.length > 0 ? options.patterns : DEFAULT_PATTERNS;
  const files = await findFiles(patterns, options.cwd);
  let location = options.cacheLocation
    ? resolve(options.cwd, options.cacheLocation)
    : resolve(options.cwd, DEFAULT_CACHE_LOCATION);
  if (options.cacheLocation && (options.cacheLocation.endsWith('/') || isFolder(location)))
    location = join(location, 'lint-cache.json');
  const results = await lintFiles(files, {
    settings,
    fix: options.fix ?? false,
    ...(options.cache ? { cache: { location, toolVersion: options.toolVersion } } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { results, settings, configPath: loaded.path };
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
