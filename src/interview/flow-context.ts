/**
 * What every step of the interview shares: the answers so far, who answers, and `step`, which
 * replays a recorded answer or asks for a new one and records it.
 */
import type { Answers } from './answers.js';
import type { Ask } from './ask.js';
import type { LanguageText } from '../language/index.js';

/** What the interview needs from its caller. */
export interface InterviewOptions {
  /** Who answers; null when nobody is at a terminal (answers must come from `given`). */
  ask: Ask | null;
  /** Answers from flags or an answers file; their questions are not asked. */
  given: Answers;
  /** Recorded prompt answers by step key (from a draft); replayed, not asked. Mutated as answers come in. */
  steps: Record<string, unknown>;
  /** Called after every new answer, with the steps so far; saves the draft. */
  onAnswer?: (steps: Record<string, unknown>) => Promise<void>;
  /** Prints a line between steps (section headers, hints). */
  say?: (text: string) => void;
  /** The current time in ms, for "today" in the incident's zone. */
  now: number;
  /** The machine's time zone, offered as the default zone. */
  machineZone: string;
  /** True when a postmortem with this id exists already (checked at the id prompt). */
  idTaken?: (id: string) => boolean;
  /** Root-cause categories the project added in its config, offered after the built-in ones. */
  categories?: readonly string[];
  /** Names customers read for service ids, from the project config; services without one are asked. */
  serviceNames?: Record<string, LanguageText>;
  /** Earlier answers by step key, offered as defaults when their question is asked again. */
  previous?: Record<string, unknown>;
  /** Ask again, instead of failing, when a recorded answer no longer passes its check. */
  reaskInvalid?: boolean;
  /** Timeline candidates from `--timeline-from` sources for the answers so far (moments, zone, authors). */
  timelineCandidates?: (facts: Record<string, unknown>) => Promise<TimelineCandidate[]>;
}

/** An event read from a source, offered on the timeline checklist. */
export interface TimelineCandidate {
  /** Front-matter timestamp in the incident's zone. */
  at: string;
  event: string;
  /** Ranked among the events that matter: checked at first. */
  preselected: boolean;
}

/** A recorded answer was needed but neither given nor askable; a bug in the caller's checks. */
export class UnansweredQuestionError extends Error {
  constructor(readonly key: string) {
    super(`no answer for "${key}" and no terminal to ask`);
    this.name = 'UnansweredQuestionError';
  }
}

/** A recorded answer (from a draft) that the question's own check refuses. */
export class RecordedAnswerError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`${key}: ${reason}`);
    this.name = 'RecordedAnswerError';
  }
}

/** The state the step modules work on; implemented by the interview in flow.ts. */
export interface InterviewContext {
  /** The answers collected so far; steps fill them in. */
  readonly a: Answers;
  readonly ask: Ask | null;
  readonly options: InterviewOptions;
  /** The zone of the incident (asked, given, or the machine's). */
  readonly zone: string;
  /** Replays a recorded answer, asks for a new one (and records it), or falls back. */
  step<T>(key: string, prompt: (ask: Ask) => Promise<T>, fallback?: () => T): Promise<T>;
  /** Prints a section header when someone is at the terminal. */
  header(title: string): void;
  /** Prints a line when someone is at the terminal. */
  say(text: string): void;
}
