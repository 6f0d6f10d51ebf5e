import type { FormatOptions, Postmortem } from '../model/index.js';

/** A rule's configured severity. */
export type RuleLevel = 'off' | 'warn' | 'error';

/** What a rule reports: one sentence "Expected X, found Y" and where. The engine adds id, severity and docs link. */
export interface RuleReport {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** True when `--fix` removes the cause of this report. */
  fixable?: boolean;
}

/** Settings every rule may read, the same in every worker (plain data, so it crosses thread boundaries). */
export interface LintSettings {
  /** Effective severity and options per rule id; rules at `off` are left out. */
  rules: Record<string, { level: Exclude<RuleLevel, 'off'>; options: Record<string, unknown> }>;
  format: FormatOptions;
  internalPatterns: string[];
  /** The clock for time-dependent rules (ISO text), so tests and CI runs are reproducible. */
  now: string;
}

/** What a rule sees. */
export interface RuleContext {
  pm: Postmortem;
  options: Record<string, unknown>;
  settings: LintSettings;
}

/** A lint rule: a small object with an id, a default severity and a pure check. */
export interface Rule {
  id: string;
  defaultLevel: RuleLevel;
  description: string;
  /** True when `--fix` can repair some of its reports. */
  fixable: boolean;
  check: (context: RuleContext) => RuleReport[];
}

/** One message in a result, ESLint-compatible: severity 1 is a warning, 2 an error. */
export interface LintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fixable?: boolean;
}

/** The result for one file, ESLint-compatible. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Set when `--fix` rewrote the file. */
  fixed?: boolean;
}

/** What a formatter may know besides the results. */
export interface FormatterOptions {
  /** Folder that paths are shown relative to (and SARIF URIs are relative to). */
  cwd: string;
  /** The repository root (SARIF URIs are relative to it); defaults to `cwd`. */
  root?: string;
  /** Colour functions; identity functions when colour is off. */
  color?: {
    red: (s: string) => string;
    yellow: (s: string) => string;
    dim: (s: string) => string;
    underline: (s: string) => string;
    bold: (s: string) => string;
  };
  /** Rule metadata for formats that describe rules (SARIF). */
  rules?: ReadonlyArray<Pick<Rule, 'id' | 'description' | 'defaultLevel'>>;
  toolVersion?: string;
  /** Where the rule documentation lives (anchors are rule ids); the docs bundled with the package by default. */
  docsUrl?: string;
}

/** A formatter: a pure function from results to text. */
export type Formatter = (results: readonly LintResult[], options: FormatterOptions) => string;
