import {
  keyPosition,
  parsePostmortem,
  parsePostmortemBytes,
  type ParseResult,
  type Postmortem,
} from '../model/index.js';
import { readDirectives } from './directives.js';
import { fixPostmortem } from './fix.js';
import { RULES } from './rules/index.js';
import type { LintMessage, LintResult, LintSettings, RuleReport } from './types.js';

/** The id a file declares and where, for the uniqueness check across files. */
export interface DeclaredId {
  value: string;
  line: number;
  column: number;
}

/** The outcome of linting one file: the result, its declared id and, after `--fix`, the fixed text. */
export interface FileOutcome {
  result: LintResult;
  id: DeclaredId | null;
  /** The fixed text when `--fix` changed the file. */
  fixed?: string;
}

function count(filePath: string, messages: LintMessage[]): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fixable) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fixable) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
}

/** Recounts a result after messages were added or removed. */
export function recount(result: LintResult): LintResult {
  return { ...count(result.filePath, result.messages), ...(result.fixed ? { fixed: true } : {}) };
}

function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

function message(ruleId: string, severity: 1 | 2, report: RuleReport): LintMessage {
  const m: LintMessage = { ruleId, severity, message: report.message, line: report.line, column: report.column };
  if (report.endLine !== undefined) m.endLine = report.endLine;
  if (report.endColumn !== undefined) m.endColumn = report.endColumn;
  if (report.fixable) m.fixable = true;
  return m;
}

/** Runs the enabled rules over a parsed postmortem; a rule that throws becomes a message, never a crash. */
export function runRules(pm: Postmortem, settings: LintSettings): LintMessage[] {
  const directives = readDirectives(pm.source);
  const out: LintMessage[] = [];
  for (const rule of RULES) {
    const setting = settings.rules[rule.id];
    if (!setting) continue;
    const severity = setting.level === 'error' ? 2 : 1;
    let reports: RuleReport[];
    try {
      reports = rule.check({ pm, options: setting.options, settings });
    } catch (error) {
      reports = [
        {
          message: `Expected the rule to finish, found an internal error (please report it): ${(error as Error).message}`,
          line: 1,
          column: 1,
        },
      ];
    }
    for (const report of reports) {
      if (!directives.isDisabled(rule.id, report.line)) out.push(message(rule.id, severity, report));
    }
  }
  return out;
}

function declaredId(pm: Postmortem): DeclaredId | null {
  if (typeof pm.data.id !== 'string') return null;
  const at = keyPosition(pm, 'id');
  return { value: pm.data.id, line: at.line, column: at.column };
}

function lintParsed(parsed: ParseResult, filePath: string, settings: LintSettings): FileOutcome {
  if (parsed.problems.length > 0) {
    // The file could not be read; reporting rules over empty data would only add noise.
    const messages = parsed.problems.map((p) => message('frontmatter-schema', 2, p));
    return { result: count(filePath, messages.sort(byPosition)), id: null };
  }
  const messages = runRules(parsed.postmortem, settings).sort(byPosition);
  return { result: count(filePath, messages), id: declaredId(parsed.postmortem) };
}

function safeParse(parse: () => ParseResult, filePath: string): ParseResult | FileOutcome {
  try {
    return parse();
  } catch (error) {
    const text = error instanceof RangeError ? 'the file nests too deeply to be read' : (error as Error).message;
    const m = message('frontmatter-schema', 2, {
      message: `Expected a readable postmortem, found that ${text}.`,
      line: 1,
      column: 1,
    });
    return { result: count(filePath, [m]), id: null };
  }
}

/** Lints postmortem text; with `fix`, applies the safe fixes (until stable) and lints the fixed text. */
export function lintText(
  source: string | Uint8Array,
  filePath: string,
  settings: LintSettings,
  options: { fix?: boolean } = {},
): FileOutcome {
  let parsed = safeParse(
    () => (typeof source === 'string' ? parsePostmortem(source, filePath) : parsePostmortemBytes(source, filePath)),
    filePath,
  );
  if ('result' in parsed) return parsed;
  let fixed: string | undefined;
  if (options.fix && parsed.problems.length === 0) {
    const original = parsed.postmortem.source;
    let current = original;
    for (let pass = 0; pass < 3; pass++) {
      const next = fixPostmortem(parsed.postmortem);
      if (next === current) break;
      current = next;
      const reparsed = safeParse(() => parsePostmortem(current, filePath), filePath);
      if ('result' in reparsed) return reparsed;
      parsed = reparsed;
    }
    // Decoding drops a UTF-8 byte order mark; the fixed file keeps the one it had.
    const bom = typeof source !== 'string' && source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf;
    if (current !== original) fixed = bom && !current.startsWith('\uFEFF') ? `\uFEFF${current}` : current;
  }
  const outcome = lintParsed(parsed, filePath, settings);
  if (fixed !== undefined) {
    outcome.fixed = fixed;
    outcome.result.fixed = true;
  }
  return outcome;
}
