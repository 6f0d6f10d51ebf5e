/**
 * The interview's failures as the user reads them, each with its kind (usage, runtime,
 * interrupted), so `postmortem new` needs no error ladder: run() maps the kind to the exit code.
 */
import { join } from 'node:path';
import { displayPath } from '../model/display-path.js';
import { InterruptedError, PostmortemError, RuntimeError, UsageError } from '../model/errors.js';
import { AnswersFileError } from './answers.js';
import { InvalidPostmortemError, PostmortemExistsError } from './create.js';
import { DraftAnswerError, DraftNotFoundError, DraftUnreadableError } from './draft.js';
import { UnansweredQuestionError } from './flow-context.js';
import { InterviewInterruptedError, MissingAnswersError } from './session.js';

/** What the explanation may name: the answers file given (if any) and the working folder. */
export interface ExplainContext {
  answersFile?: string | undefined;
  cwd: string;
}

/** Turns an error of `createPostmortem` into a PostmortemError with the words the user reads; others pass through. */
export function explainNewError(error: unknown, context: ExplainContext): unknown {
  if (error instanceof PostmortemError) return error;
  if (error instanceof PostmortemExistsError) {
    const resume = error.draftSaved
      ? `postmortem new --resume ${error.draftId} --force`
      : 'the same command with --force';
    return new RuntimeError(
      `${displayPath(error.path, context.cwd)} already exists; nothing was written. To replace it, run ${resume}.`,
    );
  }
  if (error instanceof InterviewInterruptedError) {
    const hint = error.draftSaved
      ? `Your answers are saved in ${join('.postmortem', 'drafts', `${error.draftId}.json`)}.\nContinue with: postmortem new --resume ${error.draftId}`
      : 'Nothing was answered yet, so there is nothing to resume.';
    return new InterruptedError(`Interrupted. ${hint}`);
  }
  if (error instanceof MissingAnswersError || error instanceof UnansweredQuestionError) {
    const keys = error instanceof MissingAnswersError ? error.keys : [error.key];
    return new UsageError(
      `stdin is not a terminal, so these answers must come from --answers FILE: ${keys.join(', ')}.\n` +
        'See docs/new.md for the answers file, or run `postmortem new` in a terminal.',
    );
  }
  if (error instanceof AnswersFileError) {
    const fix = error.file === context.answersFile ? 'Fix the answers file' : 'Fix the option';
    return new UsageError(`${error.message}\n${fix} and run the command again.`);
  }
  if (error instanceof DraftNotFoundError) {
    return new UsageError(
      `${error.wanted ? `No draft "${error.wanted}"` : 'No draft'} to resume in .postmortem/drafts/. Start a new one with \`postmortem new\`.`,
    );
  }
  if (error instanceof DraftAnswerError)
    return new UsageError(
      `${error.message}\nThe draft holds an answer its question refuses. Fix or remove the draft, or start again with \`postmortem new\`.`,
    );
  if (error instanceof DraftUnreadableError)
    return new RuntimeError(`${error.message}\nFix or remove the draft, or start again with \`postmortem new\`.`);
  if (error instanceof InvalidPostmortemError)
    return new RuntimeError(
      `${error.message}\nThe answers make a postmortem that does not validate; nothing was written.`,
    );
  return error;
}
