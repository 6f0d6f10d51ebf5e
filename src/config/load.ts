import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { FileReadError, readTextBounded } from '../model/bounded-read.js';
import type { FormatOptions } from '../model/index.js';
import { RuntimeError } from '../model/errors.js';
import { isRecord } from '../model/guards.js';
import { plainConfig, type PostmortemConfig } from '../schema/config.js';
import type { ConfigPattern } from './pattern-safety.js';

/** A rule's severity as written in a config file; 0, 1, 2 are accepted as off, warn, error. */
export type RuleSeverity = 'off' | 'warn' | 'error';

/** A rule's setting: a severity, or a severity and the rule's options. */
export type RuleSetting = RuleSeverity | [RuleSeverity, Record<string, unknown>?];

/** Text in each notice language, as in `{ "en": "...", "de": "..." }`; a language may be left out. */
export type { LanguageText } from '../language/index.js';

/** The project configuration (`.postmortemrc.json` or the `postmortem` key of `package.json`); see src/schema/config.ts. */
export type { PostmortemConfig } from '../schema/config.js';

/** The config's `notice` block: the company's voice and names for customers. */
export type NoticeConfig = NonNullable<PostmortemConfig['notice']>;

/** A configuration and the file it came from (null when none was found). */
export interface LoadedConfig {
  path: string | null;
  config: PostmortemConfig;
}

/** An invalid configuration; the message names the file and the key. A runtime failure (exit 2). */
export class ConfigError extends RuntimeError {
  constructor(
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

const RC_NAME = '.postmortemrc.json';

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? typeof value;
}

/** A config file's text and its parsed JSON. */
interface ConfigText {
  text: string;
  json: unknown;
}

/**
 * Checks a config against its schema (src/schema/config.ts) and normalises numeric severities; throws
 * a ConfigError naming file, line, column and key. `base` is where the config stands in the file
 * (`["postmortem"]` in package.json). zod is loaded only here, when there is a config to check.
 */
async function validateConfig(raw: unknown, name: string, file: string, source: ConfigText, base: string[] = []) {
  const plain = plainConfig(raw);
  if (plain) return { config: plain, patterns: [] };
  // The schema's issues and patterns are read only here, with zod: a plain config (and a run
  // without one, as a cached re-run of lint often is) loads neither module.
  const [{ z }, { configSchema }, { describeIssue, keyPath }, { patternsIn }] = await Promise.all([
    import('zod'),
    import('../schema/config.js'),
    import('../schema/issues.js'),
    import('../schema/patterns.js'),
  ]);
  const schema = configSchema(z);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0];
    const report = describeIssue(issue as Parameters<typeof describeIssue>[0], raw);
    const where = await positionIn(source, [...base, ...report.path], report.atKey);
    throw new ConfigError(
      `${where(name)}: \`${keyPath(report.path)}\`: expected ${report.expected}, found ${describe(report.found)}.`,
      file,
    );
  }
  const { $schema: _schema, ...config } = parsed.data;
  // The regular expressions of the config: every value its schema marks `format: regex`, with its key and position.
  return {
    config: config,
    patterns: patternsIn(z, schema, config).map(({ path, source: pattern }) => ({
      key: keyPath(path),
      source: pattern,
      where: async (name: string) => (await positionIn(source, [...base, ...path], false))(name),
    })),
  };
}

/** `name` with the line and column of `path` in the file's text, when it can be found: `file:3:14`. */
async function positionIn(source: ConfigText, path: PropertyKey[], atKey: boolean): Promise<(name: string) => string> {
  // The YAML reader (for positions) is loaded only for a message.
  const [{ keyPositionsOf }, { positionOf }] = await Promise.all([
    import('../model/frontmatter.js'),
    import('../schema/issues.js'),
  ]);
  const at = positionOf(keyPositionsOf(source.text), path, atKey);
  if (!at) return (name) => name;
  // `file (key "postmortem")` reads `file:3:14 (key "postmortem")`: the position belongs to the file.
  return (name) => name.replace(/^(.*?)( \(key "postmortem"\))?$/, `$1:${at.line}:${at.column}$2`);
}

function readJson(file: string): ConfigText | undefined {
  let text: string;
  try {
    text = readTextBounded(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (error instanceof FileReadError)
      throw new ConfigError(
        `${file}: expected a config file (a regular file of at most 5 MB), found ${error.reason}.`,
        file,
      );
    throw new ConfigError(`${file}: cannot read: ${(error as Error).message}`, file);
  }
  try {
    return { text, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    throw new ConfigError(`${file}: expected valid JSON, found a syntax error: ${(error as Error).message}`, file);
  }
}

async function fromFile(file: string): Promise<LoadedConfig | undefined> {
  const source = readJson(file);
  if (source === undefined) return undefined;
  const { json } = source;
  if (basename(file) === 'package.json') {
    if (!isRecord(json) || json.postmortem === undefined) return undefined;
    const name = `${file} (key "postmortem")`;
    const { config, patterns } = await validateConfig(json.postmortem, name, file, source, ['postmortem']);
    await refuseSlowPatterns(patterns, name, file);
    return { path: file, config };
  }
  const { config, patterns } = await validateConfig(json, file, file, source);
  await refuseSlowPatterns(patterns, file, file);
  return { path: file, config };
}

/**
 * Refuses patterns that could hang lint on a crafted text: a ConfigError naming the file (`name`),
 * the key and the pattern. `checkRuleOptions` calls it for the patterns in rule options.
 */
export async function refuseSlowPatterns(
  patterns: readonly ConfigPattern[],
  name: string,
  file: string | null,
): Promise<void> {
  if (patterns.length === 0) return;
  const { backtrackingProblem } = await import('./pattern-safety.js');
  const problems = await Promise.all(patterns.map((p) => backtrackingProblem(p.source)));
  for (const [i, problem] of problems.entries()) {
    const { key, source, where } = patterns[i] as ConfigPattern;
    if (problem)
      throw new ConfigError(
        `${where ? await where(name) : name}: \`${key}\`: expected a pattern that cannot backtrack catastrophically, found ${JSON.stringify(source)}, ` +
          `which can hang lint: ${problem}. Rewrite it without nested or overlapping repetition, e.g. (\\w+\\s?)+ as [\\w\\s]+.`,
        file,
      );
  }
}

/**
 * Loads the project config: `configPath` when given, else the nearest `.postmortemrc.json` or
 * `package.json` with a `postmortem` key from `cwd` upwards. No config means the defaults.
 */
export async function loadConfig(options: { cwd: string; configPath?: string }): Promise<LoadedConfig> {
  if (options.configPath) {
    const file = resolve(options.cwd, options.configPath);
    const found = await fromFile(file);
    if (found) return found;
    if (basename(file) === 'package.json' && readJson(file) !== undefined) {
      throw new ConfigError(`${file}: expected a "postmortem" key, found none.`, file);
    }
    throw new ConfigError(`${file}: no such config file. Check the path given to --config.`, file);
  }
  let dir = resolve(options.cwd);
  for (;;) {
    const file = configFileIn(dir);
    const found = file === null ? undefined : await fromFile(file);
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return { path: null, config: {} };
    dir = parent;
  }
}

/**
 * Configs nearer to some of `files` than the one a run reads (`used`, found from the working folder
 * upwards, or null): a file's nearest config is the first `.postmortemrc.json` or `package.json` with
 * a `postmortem` key from its folder upwards. The run does not read them, which a user who keeps a
 * config beside the postmortems and runs from elsewhere would not expect; the commands whose output
 * customers read (notice, publish, export) name them in a warning, since their zone, names and
 * company come from the config. Sorted, each once; a folder's answer is kept, so many files in few folders cost a few
 * file checks.
 */
export function unreadConfigs(files: readonly string[], cwd: string, used: string | null): string[] {
  const nearest = new Map<string, string | null>();
  const lookup = (dir: string): string | null => {
    const known = nearest.get(dir);
    if (known !== undefined) return known;
    const parent = dirname(dir);
    const found = hasConfig(dir) ?? (parent === dir ? null : lookup(parent));
    nearest.set(dir, found);
    return found;
  };
  const unread = new Set<string>();
  for (const dir of new Set(files.map((f) => dirname(resolve(cwd, f))))) {
    const found = lookup(dir);
    if (found !== null && found !== used) unread.add(found);
  }
  return [...unread].sort();
}

/** What a run says of a config it does not read (see unreadConfigs); paths relative to the working folder. */
export function unreadConfigMessage(path: string, used: string | null, cwd: string): string {
  const shown = (p: string) => relative(cwd, p) || '.';
  return (
    `${shown(path)}: not read: the config is found from the working folder upwards, and this run reads ` +
    `${used ? shown(used) : 'no config (the defaults)'}. Run in ${shown(dirname(path))} or pass --config ${shown(path)}.`
  );
}

/**
 * The config file in `dir` that `loadConfig` would take, or null; an unreadable or invalid
 * `.postmortemrc.json` counts (loading it says why).
 */
function hasConfig(dir: string): string | null {
  try {
    return configFileIn(dir);
  } catch {
    // A package.json that cannot be read as JSON is nobody's config here.
    return null;
  }
}

/**
 * Which file in `dir` is the project's config, the one rule `loadConfig` and `unreadConfigs` share:
 * `.postmortemrc.json` when it is there (read or not), else a `package.json` with a `postmortem`
 * key, else null. A `package.json` that cannot be read or parsed is a ConfigError.
 */
function configFileIn(dir: string): string | null {
  const rc = join(dir, RC_NAME);
  if (existsSync(rc)) return rc;
  const pkg = join(dir, 'package.json');
  const source = readJson(pkg);
  return source !== undefined && isRecord(source.json) && source.json.postmortem !== undefined ? pkg : null;
}

/** What the project's config changes in the file format: its extra categories and its sections. */
export function formatOptionsOf(config: PostmortemConfig): FormatOptions {
  return {
    ...(config.categories ? { categories: config.categories } : {}),
    ...(config.sections ? { sections: config.sections, requiredSections: config.sections } : {}),
  };
}
