import type { LanguageText } from '../config/load.js';
import type { FormatOptions, Postmortem } from '../model/index.js';

/** A rule's configured severity. */
export type RuleLevel = 'off' | 'warn' | 'error';

/**
 * A text edit a fix is made of: replace `source.slice(from, to)` with `text`. Offsets index the
 * decoded source (`pm.source`: no byte order mark, line ends as written), as ESLint's `fix.range`.
 */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

/** What a rule reports: one sentence "Expected X, found Y" and where. The engine adds id, severity and docs link. */
export interface RuleReport {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The edits that remove the cause of this report; `--fix` applies them. */
  fix?: Edit | readonly Edit[];
}

/** The config's `notice` block as the notice rules read it (display names, signature), plain data. */
export interface NoticeRuleSettings {
  company?: string;
  /** One zone, or a zone per language. */
  timezone?: string | LanguageText;
  /** A locale per language. */
  locale?: LanguageText;
  signature: LanguageText;
  services: Record<string, LanguageText>;
  /** E-mail addresses the config declares public (a support address): not a leak. */
  publicContacts?: string[];
  /**
   * Languages to check; every language the notice declares when absent. `notice` and `publish`
   * set the one they write, and then a notice that lacks it is a finding too.
   */
  languages?: string[];
}

/** Settings every rule may read, the same in every worker (plain data, so it crosses thread boundaries). */
export interface LintSettings {
  /** Effective severity and options per rule id; rules at `off` are left out. */
  rules: Record<string, { level: Exclude<RuleLevel, 'off'>; options: Record<string, unknown> }>;
  format: FormatOptions;
  internalPatterns: string[];
  /** The clock for time-dependent rules (ISO text), so tests and CI runs are reproducible. */
  now: string;
  /** The config's `notice` block; none configured when absent. */
  notice?: NoticeRuleSettings;
}

/**
 * What a rule's result may depend on besides the file and its own options, each read from the
 * settings. A rule declares the ones it reads (`dependsOn`); the lint cache key holds their values
 * for the enabled rules, so changing one lints the files again and changing any other does not.
 */
export const RULE_INPUTS = {
  /** The day of the clock (`--now`), for due dates. */
  today: (s: LintSettings) => s.now.slice(0, 10),
  /** The config's extra root-cause categories. */
  categories: (s: LintSettings) => s.format.categories,
  /** The config's section order. */
  sections: (s: LintSettings) => s.format.sections,
  /** The config's required sections. */
  requiredSections: (s: LintSettings) => s.format.requiredSections,
  /** Whether `id` must equal the file name. */
  idMatchesFileName: (s: LintSettings) => s.format.idMatchesFileName,
  /** The config's `internalPatterns` and `notice-leak`'s `patterns` option: the notice checks read both. */
  internalPatterns: (s: LintSettings) => [s.internalPatterns, s.rules['notice-leak']?.options.patterns],
  /** The languages `notice` and `publish` ask for (every language the notice declares when absent). */
  noticeLanguages: (s: LintSettings) => s.notice?.languages,
  /** The config's `notice.company`. */
  company: (s: LintSettings) => s.notice?.company,
  /** The config's `notice.services` display names. */
  displayNames: (s: LintSettings) => s.notice?.services,
  /** The config's `notice.signature`. */
  signature: (s: LintSettings) => s.notice?.signature,
  /** The config's `notice.publicContacts`. */
  publicContacts: (s: LintSettings) => s.notice?.publicContacts,
} satisfies Record<string, (settings: LintSettings) => unknown>;

/** The name of something a rule's result depends on besides the file and its options. */
export type RuleInput = keyof typeof RULE_INPUTS;

/** Milliseconds of `check` (and `normalise`) time per rule id, summed over files and threads (`TIMING=1`). */
export type RuleTimings = Map<string, number>;

/** What a rule sees; `report` may be called any number of times (returning reports works too). */
export interface RuleContext<Options = Record<string, unknown>> {
  pm: Postmortem;
  /** The rule's options, already checked against its schema. */
  options: Options;
  settings: LintSettings;
  /** Offsets of lines and columns in `pm.source`, for building edits. */
  source: SourceText;
  report: (report: RuleReport) => void;
}

/** Offsets in a source text by 1-based line and column (computed once per file, on first use). */
export interface SourceText {
  /** Offset of a 1-based line and column. */
  offset(line: number, column?: number): number;
  /** Offset just past a line's content, before its line end. */
  lineEnd(line: number): number;
}

/** The documentation of a rule, as data: docs/lint.md's rule sections are generated from it. */
export interface RuleDocs {
  /** What the rule checks (Markdown). */
  what: string;
  /** Why it matters. */
  why: string;
  /** How to fix a report (and what `--fix` does, when it does something). */
  fix: string;
  /** The options, when the rule has some (Markdown). */
  options?: string;
  /** One failing and one passing example (Markdown code, one or a few lines each). */
  examples: { notOk: string; ok: string };
}

/** The zod namespace, handed to an options schema so a rule module does not load zod itself. */
export type Zod = typeof import('zod').z;

/** A lint rule: a small object with an id, a default severity, its docs, its options schema and a pure check. */
export interface Rule<Options = Record<string, unknown>> {
  id: string;
  defaultLevel: RuleLevel;
  /** One line, shown in the catalog, SARIF and the docs. */
  description: string;
  /** True when `--fix` rewrites text this rule checks: it repairs some of its reports or has a `normalise`. */
  fixable: boolean;
  /** True when the rule checks FORMAT v1 itself: render, notice and new refuse a file it finds errors in. */
  format?: boolean;
  docs: RuleDocs;
  /**
   * What the result depends on besides the file and the rule's options (the `--now` day, the
   * config's categories, display names…); none when it depends on nothing else. The lint cache is
   * keyed by these, so an undeclared input would let a cached run report stale results.
   */
  dependsOn?: readonly RuleInput[];
  /** The schema of the rule's options object (every key optional); none means the rule takes no options. */
  options?: (z: Zod) => import('zod').ZodType<Options>;
  check: (context: RuleContext<Options>) => readonly RuleReport[] | void;
  /**
   * Edits that write what the rule accepts in its canonical form, with no report to attach them to
   * (`UTC` written `Z`); `--fix` applies them with the reports' fixes.
   */
  normalise?: (context: RuleContext<Options>) => readonly Edit[];
}

/** Declares a rule; its options type comes from its schema. */
export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule {
  return rule as unknown as Rule;
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
  /** The CI workspace (GitHub's checkout) that annotation paths are relative to; defaults to `cwd`. */
  workspace?: string;
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
