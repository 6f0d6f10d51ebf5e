import { formatOptionsOf, loadConfig, type PostmortemConfig } from '../config/load.js';
import { checkRuleOptions } from '../lint/rule-options.js';
import type { LintSettings } from '../lint/types.js';
import type { FormatOptions } from '../model/index.js';
import { ruleSettingsOf } from '../notice/settings.js';
import type { Io } from './io.js';

/** What a command needs of the project's config: its format options, extra notice patterns, rule settings, and the whole config. */
export interface ProjectConfig {
  format: FormatOptions;
  internalPatterns: string[];
  /** The rule settings `lint` reads from this config (levels, options, patterns, the `notice` block). */
  rules: LintSettings;
  config: PostmortemConfig;
}

/**
 * Loads `.postmortemrc.json` (or `package.json`'s `postmortem` key) the way `lint` does, so that
 * every command accepts the same project categories, sections and rule settings; a bad config
 * (an unknown rule id, an invalid rule option) is exit 2.
 */
export async function loadProjectConfig(io: Io, configPath?: string): Promise<ProjectConfig> {
  // A ConfigError is a runtime error: run() reports it with exit 2.
  const loaded = await loadConfig({ cwd: io.cwd, ...(configPath ? { configPath } : {}) });
  const rules = ruleSettingsOf(loaded);
  await checkRuleOptions(loaded);
  const { config } = loaded;
  return { format: formatOptionsOf(config), internalPatterns: config.internalPatterns ?? [], rules, config };
}
