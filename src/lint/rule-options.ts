import { ConfigError, refuseSlowPatterns, type LoadedConfig } from '../config/load.js';
import type { ConfigPattern } from '../config/pattern-safety.js';
import type { Rule } from './types.js';

/** What a zod issue says, as our messages do: "expected …, found …". */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

function keyPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    base,
  );
}

function describeIssue(issue: Issue, rule: Rule, value: unknown): { path: PropertyKey[]; text: string } {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys?.[0] ?? '';
    const known = rule.options ? `an option of ${rule.id}` : `no options (${rule.id} takes none)`;
    return { path: [...issue.path, key], text: `expected ${known}, found the unknown key \`${key}\`` };
  }
  const found = issue.path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    value,
  );
  const text = issue.message.replace(/^Invalid input: /, '').replace(/, received \w+$/, '');
  return { path: issue.path, text: `${text}, found ${JSON.stringify(found) ?? 'nothing'}` };
}

/**
 * Checks every rule's options in the config against the rule's schema; throws a ConfigError
 * naming the file, the rule and the key. Rule code and zod are loaded only when some rule has
 * options, so a run with a plain config (or a fully cached run) loads neither (nor the pattern walk).
 */
export async function checkRuleOptions(loaded: LoadedConfig): Promise<void> {
  const configured = Object.entries(loaded.config.rules ?? {}).flatMap(([id, setting]) =>
    Array.isArray(setting) && setting[1] !== undefined && Object.keys(setting[1]).length > 0
      ? [{ id, options: setting[1] }]
      : [],
  );
  if (configured.length === 0) return;
  const [{ z }, { RULES }, { patternsIn }] = await Promise.all([
    import('zod'),
    import('./rules/index.js'),
    import('./pattern-option.js'),
  ]);
  const file = loaded.path ?? 'config';
  const patterns: ConfigPattern[] = [];
  for (const { id, options } of configured) {
    const rule = RULES.find((r) => r.id === id);
    if (!rule) continue;
    const schema = rule.options ? rule.options(z) : z.strictObject({});
    const parsed = schema.safeParse(options);
    if (parsed.success) {
      for (const { path, source } of patternsIn(z, schema, options))
        patterns.push({ key: keyPath(`rules.${id}[1]`, path), source });
      continue;
    }
    const issue = parsed.error.issues[0] as Issue;
    const { path, text } = describeIssue(issue, rule, options);
    throw new ConfigError(`${file}: \`${keyPath(`rules.${id}[1]`, path)}\`: ${text}.`, loaded.path);
  }
  // Every option the schemas mark as a regular expression, whatever its name (`notice-wording.words`).
  await refuseSlowPatterns(patterns, file, loaded.path);
}
