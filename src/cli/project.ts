import { formatOptionsOf, loadConfig, type PostmortemConfig } from '../config/load.js';
import type { FormatOptions } from '../model/index.js';
import type { Io } from './io.js';

/** What a command needs of the project's config: its format options, extra notice patterns, and the whole config. */
export interface ProjectConfig {
  format: FormatOptions;
  internalPatterns: string[];
  config: PostmortemConfig;
}

/**
 * Loads `.postmortemrc.json` (or `package.json`'s `postmortem` key) the way `lint` does, so that
 * every command accepts the same project categories and sections; a bad config is exit 2.
 */
export async function loadProjectConfig(io: Io, configPath?: string): Promise<ProjectConfig> {
  // A ConfigError is a runtime error: run() reports it with exit 2.
  const { config } = await loadConfig({ cwd: io.cwd, ...(configPath ? { configPath } : {}) });
  return { format: formatOptionsOf(config), internalPatterns: config.internalPatterns ?? [], config };
}
