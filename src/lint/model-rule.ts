import { MODEL_CHECKS, type Problem } from '../model/index.js';
import type { Rule, RuleContext, RuleReport } from './types.js';

function toReport(problem: Problem): RuleReport {
  const { ruleId: _id, severity: _severity, ...rest } = problem;
  return rest;
}

/** Wraps the model's check for `ruleId` as a rule, so lint and the other commands agree on FORMAT v1. */
export function modelRule(
  ruleId: string,
  description: string,
  extra: Partial<Pick<Rule, 'fixable'>> & {
    /** Adjusts the model's reports (e.g. marks those `--fix` repairs). */
    decorate?: (reports: RuleReport[], context: RuleContext) => RuleReport[];
  } = {},
): Rule {
  const check = MODEL_CHECKS.find((c) => c.ruleId === ruleId);
  if (!check) throw new Error(`The model has no check named ${ruleId}.`);
  return {
    id: ruleId,
    defaultLevel: check.severity === 'error' ? 'error' : 'warn',
    description,
    fixable: extra.fixable ?? false,
    check: (context) => {
      const reports = check.check(context.pm, context.settings.format).map(toReport);
      return extra.decorate ? extra.decorate(reports, context) : reports;
    },
  };
}
