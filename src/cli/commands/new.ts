import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  AnswersFileError,
  DraftNotFoundError,
  DraftUnreadableError,
  InterviewInterruptedError,
  MissingAnswersError,
  UnansweredQuestionError,
  buildPostmortem,
  deleteDraft,
  machineTimeZone,
  runSession,
  terminalAsk,
} from '../../interview/index.js';
import { FileExistsError, parsePostmortem, stringifyPostmortem, writeFileAtomic } from '../../model/index.js';
import { checkPostmortem, checkWithRules } from '../../lint/check.js';
import { renderSource } from '../../render/source.js';
import { InterruptedError, RuntimeError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadProjectConfig } from '../project.js';
import { displayPath, printProblems } from '../report.js';

/** Options of `postmortem new`. */
export interface NewOptions {
  answers?: string;
  resume?: string | true;
  dir?: string;
  force?: boolean;
  title?: string;
  severity?: string;
  config?: string;
}

function flagAnswers(options: NewOptions): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  if (options.title !== undefined) flags.title = options.title;
  if (options.severity !== undefined) flags.severity = options.severity.toUpperCase();
  return flags;
}

/** `postmortem new`: interviews the engineer (or reads answers) and writes `postmortems/<id>.md`. */
export async function newCommand(options: NewOptions, io: Io): Promise<number> {
  const dir = resolve(io.cwd, options.dir ?? 'postmortems');
  const interactive = io.stdin.isTTY === true;
  const { format, rules } = await loadProjectConfig(io, options.config);
  let session;
  try {
    session = await runSession({
      cwd: io.cwd,
      ...(options.answers ? { answersFile: options.answers } : {}),
      flags: flagAnswers(options),
      ...(options.resume !== undefined ? { resume: options.resume } : {}),
      ask: interactive ? terminalAsk() : null,
      say: (text) => io.stdout.write(`${io.color.bold(text)}\n`),
      now: Date.now(),
      machineZone: machineTimeZone(),
      idTaken: (id) => !options.force && existsSync(join(dir, `${id}.md`)),
      ...(format.categories ? { categories: format.categories } : {}),
    });
  } catch (error) {
    if (error instanceof InterviewInterruptedError) {
      const hint = error.draftSaved
        ? `Your answers are saved in ${join('.postmortem', 'drafts', `${error.draftId}.json`)}.\nContinue with: postmortem new --resume ${error.draftId}`
        : 'Nothing was answered yet, so there is nothing to resume.';
      throw new InterruptedError(`Interrupted. ${hint}`);
    }
    if (error instanceof MissingAnswersError || error instanceof UnansweredQuestionError) {
      const keys = error instanceof MissingAnswersError ? error.keys : [error.key];
      throw new UsageError(
        `stdin is not a terminal, so these answers must come from --answers FILE: ${keys.join(', ')}.\nSee docs/new.md for the answers file, or run \`postmortem new\` in a terminal.`,
      );
    }
    if (error instanceof AnswersFileError) {
      throw new UsageError(
        `${error.problems.map((p) => `${error.file}: ${p.key}: ${p.message}`).join('\n')}\nFix the answers file and run the command again.`,
      );
    }
    if (error instanceof DraftNotFoundError) {
      throw new UsageError(
        `${error.wanted ? `No draft "${error.wanted}"` : 'No draft'} to resume in .postmortem/drafts/. Start a new one with \`postmortem new\`.`,
      );
    }
    if (error instanceof DraftUnreadableError)
      throw new RuntimeError(`${error.message}. Remove it, or start again with \`postmortem new\`.`);
    throw error;
  }
  const built = buildPostmortem(session.answers);
  const path = join(dir, `${built.id}.md`);
  const text = stringifyPostmortem(built.data, await renderSource(built.content));
  const { postmortem, problems } = parsePostmortem(text, path);
  const invalid = [...problems, ...checkPostmortem(postmortem, format, 'warning')];
  if (invalid.length > 0) {
    throw new Error(
      `the postmortem built from the answers does not validate: ${invalid.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`,
    );
  }
  const shown = displayPath(path, io.cwd);
  try {
    await writeFileAtomic(path, text, { force: options.force ?? false });
  } catch (error) {
    if (error instanceof FileExistsError) {
      const resume = session.draftSaved
        ? `postmortem new --resume ${session.draftId} --force`
        : 'the same command with --force';
      throw new RuntimeError(`${shown} already exists; nothing was written. To replace it, run ${resume}.`);
    }
    throw error;
  }
  if (session.draftSaved) await deleteDraft(io.cwd, session.draftId);
  // The interview's prompts know the built-in leak detectors only; the project's patterns (and the
  // rule's level) come from the rule settings lint reads, so what they find is said now, not at publishing.
  const leaks = checkWithRules(postmortem, ['notice-leak'], rules);
  printProblems(io, path, leaks);
  if (leaks.some((p) => p.severity === 'error'))
    io.stderr.write('The customer notice is not ready yet; fix these in the file before `postmortem notice`.\n');
  io.stdout.write(
    `\n${io.color.green('Wrote')} ${shown}\n\nNext:\n  postmortem render ${shown}\n  postmortem lint ${shown}\n  postmortem notice ${shown}\n`,
  );
  return 0;
}
