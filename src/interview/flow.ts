/**
 * The interview: nine steps from basics to the customer notice. Every prompt has a step key; its
 * answer is recorded under that key and saved before the next prompt, and a recorded answer is
 * replayed (through the same checks) instead of asked, which is how `--resume` continues at the
 * first unanswered question and how the review screen re-asks only the answer being changed.
 */
import { deriveFigures, formatDuration } from '../model/index.js';
import type { Answers } from './answers.js';
import type { Ask } from './ask.js';
import { askActions } from './flow-actions.js';
import { askRootCause } from './flow-causes.js';
import { askLessons, askNotice } from './flow-closing.js';
import {
  RecordedAnswerError,
  UnansweredQuestionError,
  type InterviewContext,
  type InterviewOptions,
} from './flow-context.js';
import { askImpact } from './flow-impact.js';
import { askMoments } from './flow-moments.js';
import { askTimeline } from './flow-timeline.js';
import { proposeId } from './propose-id.js';
import { MESSAGES, SEVERITY_CHOICES, STEP_TITLES } from './questions.js';
import { replayAsk } from './replay.js';
import { splitList, validateId, validateList, validateLongText, validateTitle } from './validators.js';

export { RecordedAnswerError, UnansweredQuestionError, type InterviewOptions } from './flow-context.js';

/** Runs the interview and returns complete answers. Ctrl-C surfaces as inquirer's `ExitPromptError`. */
export async function runInterview(options: InterviewOptions): Promise<Answers> {
  return new Interview(options).run();
}

class Interview implements InterviewContext {
  readonly a: Answers;
  readonly ask: Ask | null;

  constructor(readonly options: InterviewOptions) {
    this.a = structuredClone(options.given);
    this.ask = options.ask;
  }

  async run(): Promise<Answers> {
    await this.basics();
    await askMoments(this);
    await this.id();
    await askImpact(this);
    await askTimeline(this);
    await askRootCause(this);
    await this.detection();
    await askActions(this);
    await askLessons(this);
    await askNotice(this);
    this.a.status ??= 'draft';
    return this.a;
  }

  /** Lines waiting for the next question asked; a section whose answers all replay prints nothing. */
  private pending: string[] = [];

  async step<T>(key: string, prompt: (ask: Ask) => Promise<T>, fallback?: () => T): Promise<T> {
    const steps = this.options.steps;
    let previous = this.options.previous?.[key];
    if (Object.hasOwn(steps, key)) {
      try {
        return await prompt(replayAsk(key, steps[key]));
      } catch (error) {
        // On the review screen an earlier change may make a later answer wrong: ask it again.
        if (!(error instanceof RecordedAnswerError) || !this.options.reaskInvalid || !this.ask) throw error;
        previous = steps[key];
        delete steps[key];
      }
    }
    if (!this.ask) {
      if (fallback) return fallback();
      throw new UnansweredQuestionError(key);
    }
    for (const line of this.pending.splice(0)) this.options.say?.(line);
    const value = await prompt(previous === undefined ? this.ask : withDefault(this.ask, previous));
    steps[key] = value;
    await this.options.onAnswer?.(steps);
    return value;
  }

  header(title: string): void {
    this.pending = [`\n── ${title} ──`];
  }

  say(text: string): void {
    this.pending.push(text);
  }

  get zone(): string {
    return this.a.timezone ?? this.options.machineZone;
  }

  private async basics(): Promise<void> {
    this.header(STEP_TITLES.basics);
    this.a.title ??= (
      await this.step('title', (ask) => ask.input({ message: MESSAGES.title, validate: validateTitle }))
    ).trim();
    this.a.severity ??= await this.step('severity', (ask) =>
      ask.select({ message: MESSAGES.severity, choices: SEVERITY_CHOICES }),
    );
    this.a.services ??= splitList(
      await this.step('services', (ask) =>
        ask.input({ message: MESSAGES.services, validate: validateList, list: true }),
      ),
    );
    this.a.authors ??= splitList(
      await this.step('authors', (ask) => ask.input({ message: MESSAGES.authors, validate: validateList, list: true })),
    );
  }

  /** The id follows the title (recorded as '') unless the user typed one of their own. */
  private async id(): Promise<void> {
    if (this.a.id !== undefined) return;
    const proposed = proposeId(this.a.started as string, this.a.title as string);
    const taken = this.options.idTaken;
    const recorded = await this.step(
      'id',
      async (ask) => {
        const typed = await ask.input({
          message: MESSAGES.id,
          default: proposed,
          validate: (v) => {
            if (v.trim() === '' && ask.replaying) return true;
            const check = validateId(v);
            if (check !== true) return check;
            // A replayed id is checked again when the file is written, where --force may allow it.
            return !ask.replaying && taken?.(v.trim())
              ? `Expected a new id, found "${v.trim()}", which is taken; choose another one.`
              : true;
          },
        });
        return typed.trim() === proposed ? '' : typed.trim();
      },
      () => '',
    );
    this.a.id = recorded === '' ? proposed : recorded;
  }

  private async detection(): Promise<void> {
    this.header(STEP_TITLES.detection);
    const figures = deriveFigures(this.a as Record<string, unknown>);
    const ttd = figures.timeToDetect === null ? '' : ` (time to detect: ${formatDuration(figures.timeToDetect)})`;
    const ttm = figures.timeToMitigate === null ? '' : ` (time to mitigate: ${formatDuration(figures.timeToMitigate)})`;
    this.a.detection ??= (
      await this.step('detection', (ask) =>
        ask.text({ message: `How was the incident detected?${ttd}`, validate: validateLongText }),
      )
    ).trim();
    this.a.resolution ??= (
      await this.step('resolution', (ask) =>
        ask.text({ message: `How was it mitigated and resolved?${ttm}`, validate: validateLongText }),
      )
    ).trim();
  }
}

/** Offers an earlier answer as the default of the question asked again. */
function withDefault(ask: Ask, value: unknown): Ask {
  const textDefault = typeof value === 'string' && value !== '' ? value : undefined;
  return {
    input: (q) => ask.input({ ...q, default: textDefault ?? q.default }),
    text: (q) => ask.text({ ...q, default: textDefault ?? q.default }),
    select: (q) => ask.select({ ...q, default: q.choices.find((c) => c.value === value)?.value ?? q.default }),
    checkbox: (q) =>
      ask.checkbox({
        ...q,
        choices: q.choices.map((c) => ({ ...c, checked: Array.isArray(value) && value.includes(c.value) })),
      }),
    confirm: (q) => ask.confirm({ ...q, default: typeof value === 'boolean' ? value : q.default }),
  };
}
