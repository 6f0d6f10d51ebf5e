import { toolVersion } from '../version.js';
import { resolve } from 'node:path';
import { ConfigError } from '../../config/load.js';
import { assertReplaceable } from '../../lint/ownership.js';
import { visible } from '../../lint/formatters/escape.js';
import { FORMATTER_NAMES, loadFormatter, type FormatterName } from '../../lint/formatters/index.js';
import { lintProject, repositoryRoot } from '../../lint/project.js';
import { holdTurbofan, releaseTurbofan } from '../../lint/run.js';
import { RULE_CATALOG } from '../../lint/catalog.js';
import type { RuleTimings } from '../../lint/types.js';
import { RuntimeError, UsageError } from '../errors.js';
import { writeOutputFile, type Io } from '../io.js';
import type { OptionsOf, LINT_OPTIONS } from '../options.js';

/** Options of `postmortem lint`, as commander parses them. */
export type LintOptions = OptionsOf<typeof LINT_OPTIONS>;

/** A further report: `--report sarif=lint.sarif`. */
interface ExtraReport {
  format: FormatterName;
  path: string;
}

function parseReports(values: string[], cwd: string): ExtraReport[] {
  return values.map((value) => {
    const eq = value.indexOf('=');
    const format = value.slice(0, eq) as FormatterName;
    if (eq < 0 || !FORMATTER_NAMES.includes(format) || eq === value.length - 1)
      throw new UsageError(
        `--report ${value}: expected FORMAT=PATH with FORMAT one of ${FORMATTER_NAMES.join(', ')}, e.g. sarif=lint.sarif.`,
      );
    return { format, path: resolve(cwd, value.slice(eq + 1)) };
  });
}

/** How long a run goes before progress shows; POSTMORTEM_PROGRESS_DELAY_MS lets tests show it with a few files. */
function progressDelay(env: NodeJS.ProcessEnv): number {
  const text = env.POSTMORTEM_PROGRESS_DELAY_MS;
  const ms = text ? Number(text) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : 1000;
}

/** Shows "linted N of M" on a TTY's stderr once a run has taken more than a second. */
function progress(io: Io): { update: (done: number, total: number) => void; clear: () => void } {
  if (!io.stderr.isTTY) return { update: () => undefined, clear: () => undefined };
  // The line is rewritten with CR and erased with CSI K: terminal controls of our own, written past the filter.
  const terminal = io.stderr.terminal ?? io.stderr;
  const delay = progressDelay(io.env);
  const start = Date.now();
  let shown = false;
  let last = -Infinity;
  return {
    update: (done, total) => {
      const now = Date.now();
      if (now - start < delay || now - last < 100) return;
      last = now;
      shown = true;
      terminal.write(`\rLinting ${done} of ${total} files…`);
    },
    clear: () => {
      if (shown) terminal.write('\r\u001b[K');
    },
  };
}

/** `postmortem lint [PATHS…]`: lints postmortems, prints a report, returns 0, 1 (findings) or 2. */
export async function lintCommand(patterns: string[], options: LintOptions, io: Io): Promise<number> {
  // A cached run may lint nothing at all: it runs without TurboFan until it has a file to lint.
  if (options.cache && !options.fix) await holdTurbofan();
  try {
    return await lintAndReport(patterns, options, io);
  } finally {
    await releaseTurbofan();
  }
}

async function lintAndReport(patterns: string[], options: LintOptions, io: Io): Promise<number> {
  const format = options.format ?? 'stylish';
  if (!FORMATTER_NAMES.includes(format))
    throw new UsageError(`--format ${options.format}: expected one of ${FORMATTER_NAMES.join(', ')}.`);
  let maxWarnings = -1;
  if (options.maxWarnings !== undefined) {
    if (!/^\d+$/.test(options.maxWarnings))
      throw new UsageError(`--max-warnings ${options.maxWarnings}: expected a whole number >= 0.`);
    maxWarnings = Number(options.maxWarnings);
  }
  const reports = parseReports(options.report ?? [], io.cwd);
  // Checked before linting, so a refused report file never follows a run of --fix.
  if (options.outputFile) assertReplaceable(resolve(io.cwd, options.outputFile), 'report', options.force ?? false);
  for (const report of reports) assertReplaceable(report.path, 'report', options.force ?? false);
  // Two reports to one file: the second silently replaced the first.
  const targets = [...(options.outputFile ? [resolve(io.cwd, options.outputFile)] : []), ...reports.map((r) => r.path)];
  const twice = targets.find((t, i) => targets.indexOf(t) !== i);
  if (twice)
    throw new UsageError(`--report ${twice}: another report already goes to this file; name a file per report.`);
  const bar = progress(io);
  // TIMING=1 (or a number of rows, or `all`), as ESLint reads it: each rule's time, after the report.
  const timings: RuleTimings | undefined = io.env.TIMING ? new Map() : undefined;
  let run;
  try {
    run = await lintProject({
      cwd: io.cwd,
      patterns,
      ruleFlags: options.rule ?? [],
      // Read only when given (lintProject's default is the current time): a plain run never loads the timestamp parser.
      ...(options.now !== undefined ? { now: (await import('../now.js')).parseNow(options.now) } : {}),
      fix: options.fix ?? false,
      cache: options.cache ?? false,
      toolVersion: toolVersion(),
      onProgress: bar.update,
      ...(options.config ? { configPath: options.config } : {}),
      ...(options.cacheLocation ? { cacheLocation: options.cacheLocation } : {}),
      ...(options.ignore ? { ignore: options.ignore } : {}),
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern !== false,
      force: options.force ?? false,
      ...(timings ? { timings } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError)
      throw new RuntimeError(`${error.message} Fix the config file, or point --config at another one.`);
    throw error;
  } finally {
    bar.clear();
  }
  for (const note of run.notes) io.stderr.write(`postmortem lint: ${visible(note)}\n`);
  let results = run.results;
  if (options.quiet) {
    results = results.map((r) => ({
      ...r,
      messages: r.messages.filter((m) => m.severity === 2),
      warningCount: 0,
      fixableWarningCount: 0,
    }));
  }
  const formatterOptions = {
    cwd: io.cwd,
    root: repositoryRoot(io.cwd),
    toolVersion: toolVersion(),
    rules: RULE_CATALOG,
    // GitHub places annotations by paths relative to the workspace (the checkout), wherever lint runs.
    ...(io.env.GITHUB_ACTIONS === 'true' && io.env.GITHUB_WORKSPACE ? { workspace: io.env.GITHUB_WORKSPACE } : {}),
  };
  for (const report of reports) {
    // A report file is regenerated on every run, so it is replaced (still atomically).
    await writeOutputFile(report.path, (await loadFormatter(report.format))(results, formatterOptions), {
      force: true,
    });
  }
  const formatter = await loadFormatter(format);
  const text = formatter(results, { ...formatterOptions, ...(options.outputFile ? {} : { color: io.color }) });
  if (options.outputFile) {
    await writeOutputFile(resolve(io.cwd, options.outputFile), text, { force: true });
  } else {
    io.stdout.write(text);
  }
  if (timings && io.env.TIMING) {
    const { timingRows, timingTable } = await import('../../lint/timing.js');
    io.stderr.write(timingTable(timings, timingRows(io.env.TIMING)));
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`postmortem lint found too many warnings (maximum: ${maxWarnings}, found ${warnings}).\n`);
    return 1;
  }
  return 0;
}
