import {
  formatOptionsOf,
  loadConfig,
  unreadConfigMessage,
  unreadConfigs,
  type PostmortemConfig,
} from '../config/load.js';
import { checkRuleOptions } from '../lint/rule-options.js';
import type { LintSettings } from '../lint/types.js';
import type { FormatOptions } from '../model/index.js';
import { ruleSettingsOf } from '../lint/notice-settings.js';
import { dirname } from 'node:path';
import { DEFAULT_PATTERNS, findFiles } from '../lint/files.js';
import type { Io } from './io.js';

/** What a command needs of the project's config: its format options, extra notice patterns, rule settings, and the whole config. */
export interface ProjectConfig {
  format: FormatOptions;
  internalPatterns: string[];
  /** The rule settings `lint` reads from this config (levels, options, patterns, the `notice` block). */
  rules: LintSettings;
  config: PostmortemConfig;
  /** The config file read, or null; its folder is part of the project (see findFiles). */
  configPath: string | null;
}

/**
 * Loads `.postmortemrc.json` (or `package.json`'s `postmortem` key) the way `lint` does, so that
 * every command accepts the same project categories, sections and rule settings; a bad config
 * (an unknown rule id, an invalid rule option) is exit 2. With `files` (the postmortems a notice is
 * made from), a config nearer to them that is not read is named in a warning (warnUnreadConfigs).
 */
export async function loadProjectConfig(
  io: Io,
  configPath?: string,
  files?: readonly string[],
): Promise<ProjectConfig> {
  // A ConfigError is a runtime error: run() reports it with exit 2.
  const loaded = await loadConfig({ cwd: io.cwd, ...(configPath ? { configPath } : {}) });
  if (files && !configPath) warnUnreadConfigs(files, io, loaded.path);
  const rules = ruleSettingsOf(loaded);
  await checkRuleOptions(loaded);
  const { config } = loaded;
  return {
    format: formatOptionsOf(config),
    internalPatterns: config.internalPatterns ?? [],
    rules,
    config,
    configPath: loaded.path,
  };
}

/**
 * The postmortem files of the project, found as lint finds them (stats, actions and export): the
 * patterns (by default the postmortems folder's Markdown files) within the working folder and the config's folder. Files
 * skipped on the way (links leaving the project, loops, FIFOs) are warned about on stderr.
 */
export function findProjectFiles(patterns: readonly string[], io: Io, project: ProjectConfig): string[] {
  const found = findFiles(patterns.length > 0 ? patterns : DEFAULT_PATTERNS, io.cwd, {
    errorOnUnmatched: true,
    ...(project.configPath ? { roots: [dirname(project.configPath)] } : {}),
  });
  for (const s of found.skipped)
    io.stderr.write(`${io.errorColor.yellow('warning')} ${s.path}: skipped: ${s.reason}.\n`);
  return found.files;
}

/** Names on stderr the configs nearer to `files` than the one read (`used`); see unreadConfigs. */
export function warnUnreadConfigs(files: readonly string[], io: Io, used: string | null): void {
  for (const path of unreadConfigs(files, io.cwd, used))
    io.stderr.write(`${io.errorColor.yellow('warning')} ${unreadConfigMessage(path, used, io.cwd)}\n`);
}
