import { resolve } from 'node:path';
import {
  createPostmortem,
  describeDraft,
  discardDraft,
  explainNewError,
  machineTimeZone,
  scanDrafts,
  terminalAsk,
  type TimelineCandidate,
} from '../../interview/index.js';
import { problemsOf } from '../../lint/check.js';
import { lintFile } from '../../lint/lint-file.js';
import type { LintSettings } from '../../lint/types.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadProjectConfig } from '../project.js';
import { displayPath, printProblems } from '../report.js';
import type { OptionsOf, NEW_OPTIONS } from '../options.js';

/** Options of `postmortem new`. */
export type NewOptions = OptionsOf<typeof NEW_OPTIONS>;

/** The `--timeline-from` candidates for the answers so far; what a source could not read goes to stderr. */
async function timelineCandidates(
  facts: Record<string, unknown>,
  options: NewOptions,
  roles: Record<string, string>,
  io: Io,
): Promise<TimelineCandidate[]> {
  const { collectForFacts } = await import('../../timeline/collect.js');
  const { formatSourceMessage } = await import('../../timeline/messages.js');
  const outcome = await collectForFacts(facts, {
    cwd: io.cwd,
    file: 'the new postmortem',
    sources: options.timelineFrom ?? [],
    ...(options.timelineChannel !== undefined ? { channel: options.timelineChannel } : {}),
    roles,
    env: io.env,
  });
  for (const m of outcome.messages) io.stderr.write(`${io.errorColor.yellow('warning')} ${formatSourceMessage(m)}\n`);
  return outcome.candidates.map((c) => ({ at: c.iso, event: c.text, preselected: c.preselected }));
}

function flagAnswers(options: NewOptions): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  if (options.title !== undefined) flags.title = options.title;
  if (options.severity !== undefined) flags.severity = options.severity.toUpperCase();
  return flags;
}

/** `--list-drafts` and `--discard ID`: the drafts, not an interview. */
async function manageDrafts(options: NewOptions, io: Io): Promise<number> {
  if (options.discard !== undefined) {
    if (!(await discardDraft(io.cwd, options.discard)))
      throw new UsageError(
        `No draft "${options.discard}" in .postmortem/drafts/; \`postmortem new --list-drafts\` lists them.`,
      );
    io.stdout.write(`Discarded draft ${options.discard}.\n`);
    return 0;
  }
  const { drafts, unreadable } = await scanDrafts(io.cwd);
  for (const refused of unreadable)
    io.stderr.write(`${displayPath(refused.path, io.cwd)}: skipped, ${refused.reason}. Fix or delete that file.\n`);
  io.stdout.write(
    drafts.length === 0
      ? 'No drafts in .postmortem/drafts/.\n'
      : `${drafts.map(describeDraft).join('\n')}\n\nContinue one with: postmortem new --resume ID\n`,
  );
  return 0;
}

/**
 * Lints the written file as `postmortem lint FILE` does (the project's rule settings) and prints what
 * is left to fix on stderr. Returns 1 when errors are left, as lint would; the file stays written.
 */
async function reportLeft(io: Io, path: string, rules: LintSettings): Promise<number> {
  const { result } = await lintFile(path, rules);
  const problems = problemsOf(result.messages);
  if (problems.length === 0) return 0;
  printProblems(io, path, problems);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  io.stderr.write(`${count} left: run \`postmortem lint ${displayPath(path, io.cwd)}\`\n`);
  return result.errorCount > 0 ? 1 : 0;
}

/** `postmortem new`: interviews the engineer (or reads answers) and writes `postmortems/<id>.md`. */
export async function newCommand(options: NewOptions, io: Io): Promise<number> {
  if (options.listDrafts || options.discard !== undefined) return manageDrafts(options, io);
  const { format, rules, config } = await loadProjectConfig(io, options.config);
  // The prompts move the cursor and redraw: they write to the terminal itself, past the stream that shows controls.
  const output = (io.stdout.terminal ?? io.stdout) as unknown as NodeJS.WritableStream;
  try {
    const { path } = await createPostmortem({
      cwd: io.cwd,
      dir: resolve(io.cwd, options.dir ?? 'postmortems'),
      force: options.force ?? false,
      format,
      rules,
      ...(options.templates ? { templatesDir: resolve(io.cwd, options.templates) } : {}),
      ...(options.answers ? { answersFile: options.answers } : {}),
      flags: flagAnswers(options),
      ...(options.resume !== undefined ? { resume: options.resume } : {}),
      ask: io.stdin.isTTY === true ? terminalAsk({ input: io.stdin, output }) : null,
      say: (text) => io.stdout.write(`${io.color.bold(text)}\n`),
      now: Date.now(),
      machineZone: machineTimeZone(),
      ...(format.categories ? { categories: format.categories } : {}),
      // Display names the project already has are not asked again.
      ...(config.notice?.services ? { serviceNames: config.notice.services } : {}),
      ...(options.timelineFrom?.length
        ? {
            timelineCandidates: (facts: Record<string, unknown>) =>
              timelineCandidates(facts, options, config.timeline?.roles ?? {}, io),
          }
        : {}),
    });
    const shown = displayPath(path, io.cwd);
    io.stdout.write(
      `\n${io.color.green('Wrote')} ${shown}\n\nNext:\n  postmortem render ${shown}\n  postmortem lint ${shown}\n  postmortem notice ${shown}\n`,
    );
    // Answers can be valid and still leave what lint refuses (a service without a display name in a
    // notice language, a project leak pattern), so the user hears it now, not at publishing.
    return await reportLeft(io, path, rules);
  } catch (error) {
    // The core's errors carry their kind and the words the user reads; run() maps the kind to the exit code.
    throw explainNewError(error, { answersFile: options.answers, cwd: io.cwd });
  }
}
