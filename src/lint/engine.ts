import { keyPosition } from '../model/validate.js';
import { parsePostmortem, parsePostmortemBytes } from '../model/parse.js';
import type { ParseResult, Postmortem } from '../model/types.js';
import { readDirectives, type Directives } from './directives.js';
import { applyEdits, sourceText } from './edits.js';
import { byPosition, resultOf } from './result.js';
import { RULES } from './rules/index.js';
import type {
  Edit,
  LintMessage,
  LintResult,
  LintSettings,
  Rule,
  RuleContext,
  RuleReport,
  RuleTimings,
} from './types.js';

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

/** The messages of one run of the rules over a file, and the edits `--fix` would apply. */
export interface RuleRun {
  messages: LintMessage[];
  edits: Edit[];
}

/** Passes of fix, re-parse and re-lint before the engine stops (each pass applies the edits that do not overlap). */
const MAX_FIX_PASSES = 10;

function message(ruleId: string, severity: 1 | 2, report: RuleReport): LintMessage {
  const m: LintMessage = { ruleId, severity, message: report.message, line: report.line, column: report.column };
  if (report.endLine !== undefined) m.endLine = report.endLine;
  if (report.endColumn !== undefined) m.endColumn = report.endColumn;
  if (report.fix !== undefined) m.fixable = true;
  return m;
}

function editsOf(fix: Edit | readonly Edit[]): readonly Edit[] {
  return 'from' in fix ? [fix] : fix;
}

function internalError(error: unknown): RuleReport {
  return {
    message: `Expected the rule to finish, found an internal error (please report it): ${(error as Error).message}`,
    line: 1,
    column: 1,
  };
}

// Where `report` puts the reports of the rule that runs. Every check of every file gets the one
// function, so the checks TurboFan compiles call one target (a closure per rule and file sent some
// back to be compiled again, "wrong call target"); a check is synchronous, so nothing else reports meanwhile.
let reporting: RuleReport[] = [];
const report = (r: RuleReport): void => void reporting.push(r);

/** The reports of one rule on one file, as messages (and their fixes as edits) unless a directive turns them off. */
function collect(
  rule: Rule,
  severity: 1 | 2,
  reports: readonly RuleReport[],
  directives: Directives,
  run: RuleRun,
  collectEdits: boolean,
): void {
  for (const report of reports) {
    if (directives.isDisabled(rule.id, report.line)) continue;
    run.messages.push(message(rule.id, severity, report));
    if (collectEdits && report.fix) run.edits.push(...editsOf(report.fix));
  }
}

/** One rule's check (and with `collectEdits` its normalising edits) on one file; a throw becomes a report. */
function runRule(rule: Rule, context: RuleContext, reports: RuleReport[], edits: Edit[], collectEdits: boolean): void {
  try {
    const returned = rule.check(context);
    if (returned) reports.push(...returned);
    if (collectEdits && rule.normalise) edits.push(...rule.normalise(context));
  } catch (error) {
    reports.push(internalError(error));
  }
}

/**
 * Runs the enabled rules over a parsed postmortem; a rule that throws becomes a message, never a
 * crash. With `collectEdits`, also gathers the fixes of the reports left after inline directives
 * and the rules' normalising edits. With `timings`, adds each rule's time to it.
 */
export function runRules(pm: Postmortem, settings: LintSettings, collectEdits = false, timings?: RuleTimings): RuleRun {
  const directives = readDirectives(pm.source);
  const source = sourceText(pm.source);
  const run: RuleRun = { messages: [], edits: [] };
  // The loop stays small and reads no report: TurboFan compiles it in every lint thread, and the
  // reports' many shapes sent it back to be compiled again (now collect's concern, which few files reach).
  for (const rule of RULES) {
    const setting = settings.rules[rule.id];
    if (!setting) continue;
    const reports: RuleReport[] = [];
    reporting = reports;
    const context = { pm, options: setting.options, settings, source, report };
    const start = timings ? performance.now() : 0;
    runRule(rule, context, reports, run.edits, collectEdits);
    if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - start);
    if (reports.length > 0) collect(rule, setting.level === 'error' ? 2 : 1, reports, directives, run, collectEdits);
  }
  return run;
}

function declaredId(pm: Postmortem): DeclaredId | null {
  if (typeof pm.data.id !== 'string') return null;
  const at = keyPosition(pm, 'id');
  return { value: pm.data.id, line: at.line, column: at.column };
}

function unreadable(parsed: ParseResult, filePath: string): FileOutcome {
  // The file could not be read; reporting rules over empty data would only add noise.
  const messages = parsed.problems.map((p) => message('frontmatter-schema', 2, p));
  return { result: resultOf(filePath, messages.sort(byPosition)), id: null };
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
    return { result: resultOf(filePath, [m]), id: null };
  }
}

/**
 * Lints postmortem text. With `fix`: applies the non-overlapping edits of the reports' fixes,
 * re-parses and re-lints until nothing is left to fix (at most MAX_FIX_PASSES passes); with `timings`, adds the rules' time to it. Edits
 * change only what they replace, so every line keeps its own line end; a byte order mark is kept.
 */
export function lintText(
  source: string | Uint8Array,
  filePath: string,
  settings: LintSettings,
  options: { fix?: boolean; timings?: RuleTimings } = {},
): FileOutcome {
  let parsed = safeParse(
    () => (typeof source === 'string' ? parsePostmortem(source, filePath) : parsePostmortemBytes(source, filePath)),
    filePath,
  );
  if ('result' in parsed) return parsed;
  if (parsed.problems.length > 0) return unreadable(parsed, filePath);
  const original = parsed.postmortem.source;
  let run = runRules(parsed.postmortem, settings, options.fix, options.timings);
  for (let pass = 0; options.fix && pass < MAX_FIX_PASSES; pass++) {
    const next = applyEdits(parsed.postmortem.source, run.edits);
    if (next === null) break;
    const reparsed = safeParse(() => parsePostmortem(next, filePath), filePath);
    if ('result' in reparsed) return reparsed;
    if (reparsed.problems.length > 0) return unreadable(reparsed, filePath);
    parsed = reparsed;
    run = runRules(parsed.postmortem, settings, true, options.timings);
  }
  const outcome: FileOutcome = {
    result: resultOf(filePath, run.messages.sort(byPosition)),
    id: declaredId(parsed.postmortem),
  };
  const current = parsed.postmortem.source;
  if (current !== original) {
    // Decoding drops a UTF-8 byte order mark; the fixed file keeps the one it had.
    const bom = typeof source !== 'string' && source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf;
    outcome.fixed = bom && !current.startsWith('\uFEFF') ? `\uFEFF${current}` : current;
    outcome.result.fixed = true;
  }
  return outcome;
}
