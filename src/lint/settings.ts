import {
  ConfigError,
  formatOptionsOf,
  type LoadedConfig,
  type NoticeConfig,
  type RuleSetting,
} from '../config/load.js';
import type { LintSettings, NoticeRuleSettings, RuleLevel } from './types.js';
import { UsageError } from '../model/errors.js';

/** A rule's id and default level: all the settings resolver needs to know about rules. */
export interface RuleDefault {
  id: string;
  defaultLevel: RuleLevel;
}

/** The config's `notice` block as plain data for the notice rules (display names, signature, zone). */
function noticeRuleSettings(notice: NoticeConfig = {}): NoticeRuleSettings {
  return {
    ...(notice.company !== undefined ? { company: notice.company } : {}),
    ...(notice.timezone !== undefined ? { timezone: notice.timezone } : {}),
    ...(notice.locale !== undefined ? { locale: notice.locale } : {}),
    signature: notice.signature ?? {},
    services: notice.services ?? {},
    ...(notice.publicContacts ? { publicContacts: notice.publicContacts } : {}),
  };
}

/** A `--rule ID:SEVERITY` flag that names no rule or no severity. */
/** A `--rule` flag that does not parse or names no rule: a usage error (exit 2). */
export class RuleFlagError extends UsageError {}

function parseSetting(setting: RuleSetting): { level: RuleLevel; options: Record<string, unknown> } {
  if (Array.isArray(setting)) return { level: setting[0], options: setting[1] ?? {} };
  return { level: setting, options: {} };
}

function closest(id: string, ids: readonly string[]): string {
  const near = ids.find((known) => known.includes(id) || id.includes(known));
  return near ? ` Did you mean \`${near}\`?` : '';
}

/**
 * Resolves the effective severity and options of every rule: defaults, then the config file,
 * then `--rule ID:SEVERITY` flags. Unknown ids are errors, so a typo never silently disables nothing.
 */
export function resolveSettings(
  rules: readonly RuleDefault[],
  loaded: LoadedConfig,
  flags: readonly string[],
  now: Date,
): LintSettings {
  const ids = rules.map((r) => r.id);
  const effective = new Map<string, { level: RuleLevel; options: Record<string, unknown> }>(
    rules.map((r) => [r.id, { level: r.defaultLevel, options: {} }]),
  );
  for (const [id, setting] of Object.entries(loaded.config.rules ?? {})) {
    if (!effective.has(id)) {
      throw new ConfigError(
        `${loaded.path ?? 'config'}: \`rules.${id}\`: expected a rule id, found an unknown one.${closest(id, ids)}`,
        loaded.path,
      );
    }
    effective.set(id, parseSetting(setting));
  }
  for (const flag of flags) {
    const m = /^([a-z0-9-]+):(off|warn|warning|error|0|1|2)$/.exec(flag.trim());
    if (!m)
      throw new RuleFlagError(
        `--rule ${flag}: expected ID:SEVERITY (severity off, warn or error), e.g. --rule section-order:off.`,
      );
    const id = m[1] as string;
    const previous = effective.get(id);
    if (!previous)
      throw new RuleFlagError(`--rule ${flag}: expected a rule id, found an unknown one.${closest(id, ids)}`);
    const raw = m[2] as string;
    const level: RuleLevel = raw === 'off' || raw === '0' ? 'off' : raw === 'error' || raw === '2' ? 'error' : 'warn';
    effective.set(id, { level, options: previous.options });
  }
  const settings: LintSettings = {
    rules: {},
    format: {},
    internalPatterns: loaded.config.internalPatterns ?? [],
    now: now.toISOString(),
    notice: noticeRuleSettings(loaded.config.notice),
  };
  for (const [id, { level, options }] of effective) {
    if (level !== 'off') settings.rules[id] = { level, options };
  }
  settings.format = formatOptionsOf(loaded.config);
  return settings;
}
