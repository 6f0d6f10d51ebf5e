import type { FormatOptions, Postmortem, Problem } from '../model/index.js';
import { runRules } from './engine.js';
import { byPosition } from './result.js';
import { RULES } from './rules/index.js';
import type { LintSettings } from './types.js';

/**
 * "Is this file valid?" for `render`, `notice` and `new`, from the same rules as `postmortem lint`:
 * the rules that check FORMAT v1 (`format: true`) at their default severities, with the
 * project's format options. Returns the errors, sorted by position; with `warnings`, the
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
    if (!rule.format || rule.defaultLevel === 'off') continue;
    if (level === 'error' && rule.defaultLevel !== 'error') continue;
    settings.rules[rule.id] = { level: rule.defaultLevel, options: {} };
  }
  return runRules(pm, settings)
    .messages.sort(byPosition)
    .map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({
      ruleId,
      severity: severity === 2 ? 'error' : 'warning',
      message,
      line,
      column,
      ...(endLine !== undefined ? { endLine } : {}),
      ...(endColumn !== undefined ? { endColumn } : {}),
    }));
}
