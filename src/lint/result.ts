import type { LintMessage, LintResult } from './types.js';

/** Message order in a result: by line, column, then rule id. */
export function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** A file's result with its counts, from its messages. */
export function resultOf(filePath: string, messages: LintMessage[]): LintResult {
  const result = { filePath, messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  // Most files have no message: their counts are the zeros already there (a cached re-run makes 10,000 results).
  return messages.length === 0 ? result : recount(result);
}

/** Sets a result's counts from its messages (in place, after messages were added or removed) and returns it. */
export function recount(result: LintResult): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of result.messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fixable) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fixable) fixableWarningCount++;
    }
  }
  // Fields set one by one, not through Object.assign and a literal: a cached re-run recounts 10,000 results.
  result.errorCount = errorCount;
  result.warningCount = warningCount;
  result.fixableErrorCount = fixableErrorCount;
  result.fixableWarningCount = fixableWarningCount;
  return result;
}
