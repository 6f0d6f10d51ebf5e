/**
 * One run of `postmortem new`: gathers given answers (answers file, flags, a resumed draft), runs
 * the interview with a draft saved after every answer, and returns complete answers.
 */
import { join, relative, resolve } from 'node:path';
import { readTextBounded } from '../model/index.js';
import { AnswersFileError, REQUIRED_ANSWER_KEYS, mergeAnswers, parseAnswersText, type Answers } from './answers.js';
import { readAnswers } from './read-answers.js';
import { isPromptInterrupt, type Ask } from './ask.js';
import { DRAFTS_DIR, DraftAnswerError, ignoreDrafts, loadDraft, newDraftId, saveDraft, type Draft } from './draft.js';
import { RecordedAnswerError, runInterview } from './flow.js';
import { dateInZone, parseMomentInput } from './moments.js';
import { chooseReview, forget, reviewItems, reviewText, type ReviewItem } from './review.js';
import { firstLineOf } from './text-prompt.js';
import type { LanguageText } from '../language/index.js';
import type { InterviewOptions } from './flow-context.js';

/** What a session needs; everything outside (terminal, clock, zone) comes in here. */
export interface SessionOptions {
  cwd: string;
  /** `--answers FILE`, relative to cwd. */
  answersFile?: string;
  /** Answers from flags (`--title`, `--severity`); they win over the file. */
  flags?: Record<string, unknown>;
  /** `--resume [id]`: true for the latest draft. */
  resume?: string | true;
  /** The terminal's answer source, or null when stdin is not a TTY. */
  ask: Ask | null;
  say?: (text: string) => void;
  now: number;
  machineZone: string;
  idTaken?: (id: string) => boolean;
  /** Root-cause categories the project added in its config. */
  categories?: readonly string[];
  /** Names customers read for service ids (the config's `notice.services`); others are asked. */
  serviceNames?: Record<string, LanguageText>;
  /** Timeline candidates from `--timeline-from` sources, offered as a checklist. */
  timelineCandidates?: InterviewOptions['timelineCandidates'];
}

/** The finished interview: complete answers and the draft that holds them. */
export interface SessionResult {
  answers: Answers;
  draftId: string;
  /** Whether a draft file was written (it is not when every answer was given). */
  draftSaved: boolean;
}

/** Required answers are missing and there is no terminal to ask them. */
export class MissingAnswersError extends Error {
  constructor(readonly keys: readonly string[]) {
    super(`missing answers: ${keys.join(', ')}`);
    this.name = 'MissingAnswersError';
  }
}

/** The user pressed Ctrl-C; the draft holds every answer given so far. */
export class InterviewInterruptedError extends Error {
  constructor(
    readonly draftId: string,
    readonly draftSaved: boolean,
  ) {
    super('interview interrupted');
    this.name = 'InterviewInterruptedError';
  }
}

function answersFromFile(cwd: string, file: string, defaults: Parameters<typeof readAnswers>[2]): Answers {
  let text: string;
  try {
    text = readTextBounded(resolve(cwd, file), file);
  } catch (error) {
    const { code, reason } = error as { code?: string; reason?: string };
    throw new AnswersFileError(file, [
      {
        key: '(file)',
        message:
          code === 'ENOENT'
            ? 'Expected an answers file, found no such file.'
            : `Expected an answers file (a regular file of at most 5 MB), found ${reason ?? (error as Error).message}.`,
      },
    ]);
  }
  const data = parseAnswersText(text, file);
  try {
    return readAnswers(data, file, defaults);
  } catch (error) {
    throw error instanceof AnswersFileError ? error.at(text) : error;
  }
}

/** Required keys neither given nor already answered in the draft's steps. */
function unansweredKeys(given: Answers, steps: Record<string, unknown>): string[] {
  const stepKeys = Object.keys(steps);
  return REQUIRED_ANSWER_KEYS.filter((key) => {
    let v: unknown = given;
    for (const part of key.split('.'))
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
    if (v !== undefined && v !== null && v !== '') return false;
    return !stepKeys.some((s) => s === key || s.startsWith(`${key}.`));
  });
}

/** What `--resume` prints first: which draft, and a few of the answers it kept. */
function resumeSummary(draft: Draft): string {
  const kept = Object.entries(draft.steps);
  const lines = kept.slice(0, 6).map(([key, value]) => {
    const text = firstLineOf(Array.isArray(value) ? value.join(', ') : String(value));
    return `  ${key}: ${text.length > 70 ? `${text.slice(0, 67)}...` : text}`;
  });
  const more = kept.length > 6 ? [`  … and ${kept.length - 6} more`] : [];
  return [
    `Resuming draft ${draft.id} (saved ${draft.updated.slice(0, 16).replace('T', ' ')} UTC): ${kept.length} answer${kept.length === 1 ? '' : 's'} kept.`,
    ...lines,
    ...more,
    'Continuing at the first unanswered question.',
  ].join('\n');
}

async function review(
  ask: Ask,
  answers: Answers,
  given: Answers,
  say: ((text: string) => void) | undefined,
): Promise<ReviewItem | null> {
  const items = reviewItems(answers, given);
  say?.(`\n── Review ──\n${reviewText(items)}\n`);
  return chooseReview(ask, items);
}

/** Runs a session of `postmortem new` and returns complete answers. */
export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const draft: Draft | null =
    options.resume === undefined ? null : await loadDraft(options.cwd, options.resume === true ? null : options.resume);
  // A resumed draft may hold the zone and start as prompt answers; a file's bare times read in them.
  const recordedZone = typeof draft?.steps.timezone === 'string' ? draft.steps.timezone : undefined;
  const zone = draft?.given.timezone ?? recordedZone ?? options.machineZone;
  const recordedStart =
    draft?.given.started ?? (typeof draft?.steps.started === 'string' ? draft.steps.started : undefined);
  const parsedStart = recordedStart
    ? parseMomentInput(recordedStart, { zone, date: dateInZone(options.now, zone) })
    : null;
  const date = parsedStart && 'iso' in parsedStart ? parsedStart.iso.slice(0, 10) : dateInZone(options.now, zone);
  const defaults = { zone, today: date, ...(options.categories ? { categories: options.categories } : {}) };
  const fromFile = options.answersFile ? answersFromFile(options.cwd, options.answersFile, defaults) : {};
  const fromFlags = options.flags ? readAnswers(options.flags, 'command-line flags', defaults) : {};
  const given = mergeAnswers(draft?.given ?? {}, fromFile, fromFlags);
  const steps = draft ? { ...draft.steps } : {};
  const iso = new Date(options.now).toISOString();
  const current: Draft = draft
    ? { ...draft, given }
    : { version: 1, id: newDraftId(new Date(options.now)), created: iso, updated: iso, given, steps };
  if (!options.ask) {
    const missing = unansweredKeys(given, steps);
    if (missing.length > 0) throw new MissingAnswersError(missing);
  }
  let saved = draft !== null;
  const save = async (latest: Record<string, unknown>) => {
    if (!saved) {
      const ignored = await ignoreDrafts(options.cwd);
      const shown = ignored && relative(options.cwd, ignored.path);
      if (ignored?.added) options.say?.(`Added .postmortem/ to ${shown} so that drafts stay out of git.`);
      else if (ignored)
        options.say?.(
          `Left ${shown} alone: ${ignored.skipped}. Add .postmortem/ to it yourself to keep drafts out of git.`,
        );
    }
    await saveDraft(options.cwd, { ...current, updated: new Date().toISOString(), steps: latest });
    saved = true;
  };
  if (draft && options.ask) options.say?.(resumeSummary(draft));
  const interview = {
    ask: options.ask,
    given,
    steps,
    now: options.now,
    machineZone: options.machineZone,
    ...(options.say ? { say: options.say } : {}),
    ...(options.idTaken ? { idTaken: options.idTaken } : {}),
    ...(options.categories ? { categories: options.categories } : {}),
    ...(options.serviceNames ? { serviceNames: options.serviceNames } : {}),
    ...(options.timelineCandidates ? { timelineCandidates: options.timelineCandidates } : {}),
    onAnswer: save,
  };
  try {
    let answers = await runInterview(interview);
    // Nothing is written before the person at the terminal has seen every answer.
    for (let pick; options.ask && (pick = await review(options.ask, answers, given, options.say));) {
      const previous = forget(pick, steps, given);
      await save(steps);
      answers = await runInterview({ ...interview, previous, reaskInvalid: true });
    }
    return { answers, draftId: current.id, draftSaved: saved };
  } catch (error) {
    if (isPromptInterrupt(error)) throw new InterviewInterruptedError(current.id, saved);
    if (error instanceof RecordedAnswerError)
      throw new DraftAnswerError(join(DRAFTS_DIR, `${current.id}.json`), error.key, error.reason);
    throw error;
  }
}
