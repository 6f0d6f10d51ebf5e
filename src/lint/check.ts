import type { FormatOptions, Postmortem, Problem } from '../model/index.js';
import { runRules } from './engine.js';
import { byPosition } from './result.js';
import { RULES } from './rules/index.js';
import type { LintMessage, LintSettings } from './types.js';

/** Lint messages as the model's problems (severity as a word), sorted by position. */
export function problemsOf(messages: readonly LintMessage[]): Problem[] {
  return [...messages].sort(byPosition).map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({
    ruleId,
    severity: severity === 2 ? 'error' : 'warning',
    message,
    line,
    column,
    ...(endLine !== undefined ? { endLine } : {}),
    ...(endColumn !== undefined ? { endColumn } : {}),
  }));
}

/**
 * Runs the named rules over a postmortem with the project's rule settings (their configured levels
 * and options; a rule the settings turn off is skipped), as `lint` would. `notice` and `publish`
 * check a notice this way, so that both read one set of rules and settings.
 */
export function checkWithRules(pm: Postmortem, ids: readonly string[], settings: LintSettings): Problem[] {
  const rules: LintSettings['rules'] = {};
  for (const id of ids) {
    const setting = settings.rules[id];
    if (setting) rules[id] = setting;
  }
  return problemsOf(runRules(pm, { ...settings, rules }).messages);
}

/**
 * "Is this file valid?" without a project's settings (tests, fixtures), from the same rules as
 * `postmortem lint`: the rules that check FORMAT v1 (`format: true`) at their default severities,
 * with the given format options. Returns the errors, sorted by position; with `warnings`, the
 * warnings too. `idMatchesFileName: false` turns off the id-equals-file-name part for a file
 * handed over by name.
 */
export function checkPostmortem(
  pm: Postmortem,
  format: FormatOptions = {},
  level: 'error' | 'warning' = 'error',
): Problem[] {
  const settings: LintSettings = { rules: {}, format, internalPatterns: [], now: new Date().toISOString() };
  for (const rule of RULES) {
    if (rule.format && rule.defaultLevel !== 'off') settings.rules[rule.id] = { level: rule.defaultLevel, options: {} };
  }
  return checkFormat(pm, settings, level);
}

/**
 * "Is this file valid?" for `new`, `render`, `notice` and `publish`, as `postmortem lint` says it with
 * the same config: the rules that check FORMAT v1 (`format: true`) at their configured levels and
 * options, so a rule the config turns off or down to a warning does not stop them. Returns the
 * errors, sorted by position; with `warnings`, the warnings too.
 */
export function checkFormat(pm: Postmortem, settings: LintSettings, level: 'error' | 'warning' = 'error'): Problem[] {
  const rules: LintSettings['rules'] = {};
  for (const rule of RULES) {
    const setting = settings.rules[rule.id];
    if (rule.format && setting && (level === 'warning' || setting.level === 'error')) rules[rule.id] = setting;
  }
  return problemsOf(runRules(pm, { ...settings, rules }).messages);
}
