/**
 * The interview: nine steps from basics to the customer notice. Every prompt has a step key; its
 * answer is recorded under that key and saved before the next prompt, and a recorded answer is
 * replayed instead of asked, which is how `--resume` continues at the first unanswered question.
 */
import {
  MOMENTS,
  NOTICE_FIELDS,
  deriveFigures,
  formatDuration,
  formatInstant,
  formatTimelineInstant,
  offsetOf,
  parseInstant,
} from '../model/index.js';
import type { ActionItemAnswer, Answers, NoticeAnswer, TimelineAnswer } from './answers.js';
import type { Ask } from './ask.js';
import { CATEGORIES, categoryDefinition, type ActionType } from './categories.js';
import { dateInZone, parseMomentInput } from './moments.js';
import { noticeDrafts } from './notice-drafts.js';
import { proposeId } from './propose-id.js';
import {
  ACTION_TYPE_CHOICES,
  LESSON_QUESTIONS,
  MESSAGES,
  MOMENT_EVENTS,
  MOMENT_MESSAGES,
  NOTICE_MESSAGES,
  SEVERITY_CHOICES,
  STEP_TITLES,
} from './questions.js';
import {
  parseCustomers,
  splitList,
  validateCategories,
  validateCustomers,
  validateDueDate,
  validateId,
  validateList,
  validateMoment,
  validateNoticeText,
  validateOptionalText,
  validateOwner,
  validateText,
  validateTicket,
  validateTitle,
  validateZone,
  type MomentName,
} from './validators.js';

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
}

/** A recorded answer was needed but neither given nor askable; a bug in the caller's checks. */
export class UnansweredQuestionError extends Error {
  constructor(readonly key: string) {
    super(`no answer for "${key}" and no terminal to ask`);
    this.name = 'UnansweredQuestionError';
  }
}

interface TimelineEntry extends TimelineAnswer {
  moment?: MomentName;
}

const DUE_DAYS = 30;

/** Runs the interview and returns complete answers. Ctrl-C surfaces as inquirer's `ExitPromptError`. */
export async function runInterview(options: InterviewOptions): Promise<Answers> {
  return new Interview(options).run();
}

class Interview {
  private readonly a: Answers;
  private readonly ask: Ask | null;
  private lastOwner: string | undefined;

  constructor(private readonly o: InterviewOptions) {
    this.a = structuredClone(o.given);
    this.ask = o.ask;
  }

  async run(): Promise<Answers> {
    await this.basics();
    await this.moments();
    await this.id();
    await this.impact();
    await this.timeline();
    await this.rootCause();
    await this.detection();
    await this.actions();
    await this.lessons();
    await this.notice();
    this.a.status ??= 'draft';
    return this.a;
  }

  /** Replays a recorded answer, asks for a new one (and records it), or falls back. */
  private async step<T>(key: string, prompt: (ask: Ask) => Promise<T>, fallback?: () => T): Promise<T> {
    if (Object.hasOwn(this.o.steps, key)) return this.o.steps[key] as T;
    if (!this.ask) {
      if (fallback) return fallback();
      throw new UnansweredQuestionError(key);
    }
    const value = await prompt(this.ask);
    this.o.steps[key] = value;
    await this.o.onAnswer?.(this.o.steps);
    return value;
  }

  private header(title: string): void {
    if (this.ask) this.o.say?.(`\n── ${title} ──`);
  }

  private get zone(): string {
    return this.a.timezone ?? this.o.machineZone;
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
      await this.step('services', (ask) => ask.input({ message: MESSAGES.services, validate: validateList })),
    );
    this.a.authors ??= splitList(
      await this.step('authors', (ask) => ask.input({ message: MESSAGES.authors, validate: validateList })),
    );
  }

  private async moments(): Promise<void> {
    this.header(STEP_TITLES.moments);
    if (MOMENTS.some((m) => this.a[m] === undefined)) {
      this.a.timezone ??= (
        await this.step(
          'timezone',
          (ask) => ask.input({ message: MESSAGES.timezone, default: this.o.machineZone, validate: validateZone }),
          () => this.o.machineZone,
        )
      ).trim();
    }
    let previous: { name: MomentName; iso: string } | undefined;
    for (const name of MOMENTS) {
      if (this.a[name] === undefined) {
        const date = this.a.started?.slice(0, 10) ?? dateInZone(this.o.now, this.zone);
        const check = { name, zone: this.zone, date, previous };
        const hint = `(HH:MM on ${date} in ${this.zone}, or YYYY-MM-DD HH:MM, or a full timestamp)`;
        const text = await this.step(name, (ask) =>
          ask.input({ message: `${MOMENT_MESSAGES[name]} ${hint}`, validate: (v) => validateMoment(v, check) }),
        );
        const parsed = parseMomentInput(text, check);
        if ('error' in parsed) throw new UnansweredQuestionError(name);
        this.a[name] = parsed.iso;
      }
      previous = { name, iso: this.a[name] };
    }
  }

  private async id(): Promise<void> {
    if (this.a.id !== undefined) return;
    const proposed = proposeId(this.a.started as string, this.a.title as string);
    const taken = this.o.idTaken;
    this.a.id = (
      await this.step(
        'id',
        (ask) =>
          ask.input({
            message: MESSAGES.id,
            default: proposed,
            validate: (v) => {
              const check = validateId(v);
              if (check !== true) return check;
              return taken?.(v.trim())
                ? `Expected a new id, found "${v.trim()}", which is taken; choose another one.`
                : true;
            },
          }),
        () => proposed,
      )
    ).trim();
  }

  private async impact(): Promise<void> {
    this.header(STEP_TITLES.impact);
    this.a.summary ??= (
      await this.step('summary', (ask) => ask.input({ message: MESSAGES.summary, validate: validateText }))
    ).trim();
    const impact = (this.a.impact ??= {});
    if (impact.customers_affected === undefined) {
      impact.customers_affected = parseCustomers(
        await this.step('impact.customers_affected', (ask) =>
          ask.input({ message: MESSAGES.customers, validate: validateCustomers }),
        ),
      );
    }
    impact.data_loss ??= await this.step('impact.data_loss', (ask) =>
      ask.confirm({ message: MESSAGES.dataLoss, default: false }),
    );
    if (impact.description === undefined) {
      const text = (
        await this.step(
          'impact.description',
          (ask) => ask.input({ message: MESSAGES.impactDescription, validate: validateOptionalText }),
          () => '',
        )
      ).trim();
      if (text !== '') impact.description = text;
    }
  }

  private momentEntries(given: readonly TimelineAnswer[]): TimelineEntry[] {
    const entries: TimelineEntry[] = [...given];
    for (const moment of MOMENTS) {
      const iso = this.a[moment] as string;
      const ms = parseInstant(iso);
      const existing = entries.find((e) => e.moment === undefined && parseInstant(e.at) === ms);
      if (existing) existing.moment = moment;
      else entries.push({ at: iso, event: MOMENT_EVENTS[moment], moment });
    }
    return entries;
  }

  private sorted(entries: readonly TimelineEntry[]): TimelineEntry[] {
    return entries
      .map((e, i) => ({ e, i }))
      .sort((x, y) => (parseInstant(x.e.at) ?? 0) - (parseInstant(y.e.at) ?? 0) || x.i - y.i)
      .map((x) => x.e);
  }

  private async timeline(): Promise<void> {
    if (this.a.timeline !== undefined) {
      this.a.timeline = this.sorted(this.momentEntries(this.a.timeline)).map(({ at, event }) => ({ at, event }));
      return;
    }
    this.header(STEP_TITLES.timeline);
    let entries = this.momentEntries([]);
    const date = (this.a.started as string).slice(0, 10);
    const show = (e: TimelineEntry) =>
      `${formatTimelineInstant(parseInstant(e.at) ?? 0, offsetOf(e.at) ?? 0)} — ${e.event}`;
    if (this.ask) this.o.say?.(this.sorted(entries).map(show).join('\n'));
    for (let i = 0; ; i++) {
      const more = await this.step(
        `timeline.more.${i}`,
        (ask) => ask.confirm({ message: i === 0 ? MESSAGES.addEvent : MESSAGES.addAnotherEvent, default: i === 0 }),
        () => false,
      );
      if (!more) break;
      const at = await this.step(`timeline.event.${i}.at`, (ask) =>
        ask.input({ message: MESSAGES.eventAt, validate: (v) => momentText(v, this.zone, date) }),
      );
      const event = await this.step(`timeline.event.${i}.text`, (ask) =>
        ask.input({ message: MESSAGES.eventText, validate: validateText }),
      );
      entries.push({ at: toIso(at, this.zone, date), event: event.trim() });
    }
    for (let r = 0; ; r++) {
      const list = this.sorted(entries);
      const picked = await this.step(
        `timeline.review.${r}`,
        (ask) =>
          ask.select({
            message: MESSAGES.review,
            choices: [
              { value: 'done', name: 'Done, the timeline is complete' },
              ...list.map((e, i) => ({ value: String(i), name: show(e) })),
            ],
          }),
        () => 'done',
      );
      if (picked === 'done') break;
      const entry = list[Number(picked)];
      if (!entry) continue;
      const choices = [
        { value: 'edit', name: entry.moment ? 'Edit the text (the time is the front-matter moment)' : 'Edit' },
        ...(entry.moment ? [] : [{ value: 'remove', name: 'Remove' }]),
        { value: 'keep', name: 'Keep as it is' },
      ];
      const action = await this.step(`timeline.review.${r}.action`, (ask) =>
        ask.select({ message: show(entry), choices }),
      );
      if (action === 'remove') entries = entries.filter((e) => e !== entry);
      if (action === 'edit') {
        if (!entry.moment) {
          const at = await this.step(`timeline.review.${r}.at`, (ask) =>
            ask.input({
              message: MESSAGES.eventAt,
              default: formatTimelineInstant(parseInstant(entry.at) ?? 0, offsetOf(entry.at) ?? 0),
              validate: (v) => momentText(v, this.zone, date),
            }),
          );
          entry.at = toIso(at, this.zone, date);
        }
        entry.event = (
          await this.step(`timeline.review.${r}.text`, (ask) =>
            ask.input({ message: MESSAGES.eventText, default: entry.event, validate: validateText }),
          )
        ).trim();
      }
    }
    this.a.timeline = this.sorted(entries).map(({ at, event }) => ({ at, event }));
  }

  private categoryChoices() {
    const extra = (this.o.categories ?? []).filter((id) => !CATEGORIES.some((c) => c.id === id));
    return [...CATEGORIES.map((c) => c.id), ...extra].map((id) => {
      const c = categoryDefinition(id);
      return { value: id, name: c.label, description: c.description };
    });
  }

  private async rootCause(): Promise<void> {
    this.header(STEP_TITLES.rootCause);
    if (this.a.root_causes === undefined) {
      const chosen = await this.step('root_causes.categories', (ask) =>
        ask.checkbox({ message: MESSAGES.categories, choices: this.categoryChoices(), validate: validateCategories }),
      );
      const causes = [];
      for (const category of chosen) {
        const label = categoryDefinition(category).label.toLowerCase();
        const summary = await this.step(`root_causes.${category}.summary`, (ask) =>
          ask.input({ message: `In one sentence, how did the ${label} cause the incident?`, validate: validateText }),
        );
        causes.push({ category, summary: summary.trim() });
      }
      this.a.root_causes = causes;
    }
    const followups = (this.a.followups ??= {});
    for (const category of [...new Set(this.a.root_causes.map((c) => c.category))]) {
      const answers = (followups[category] ??= {});
      for (const q of categoryDefinition(category).followUps) {
        if (answers[q.key] !== undefined) continue;
        const key = `followups.${category}.${q.key}`;
        const value = await this.step<string | boolean>(
          key,
          (ask) =>
            q.kind === 'confirm'
              ? ask.confirm({ message: q.message, default: false })
              : q.kind === 'select'
                ? ask.select({ message: q.message, choices: (q.choices ?? []).map((c) => ({ value: c, name: c })) })
                : ask.input({ message: `${q.message} (optional)`, validate: validateOptionalText }),
          () => '',
        );
        if (typeof value === 'boolean' || value.trim() !== '')
          answers[q.key] = typeof value === 'string' ? value.trim() : value;
      }
    }
    if (this.a.root_cause === undefined) {
      const text = (
        await this.step(
          'root_cause',
          (ask) => ask.input({ message: MESSAGES.rootCause, validate: validateOptionalText }),
          () => '',
        )
      ).trim();
      if (text !== '') this.a.root_cause = text;
    }
    if (this.a.five_whys === undefined) {
      const start = await this.step(
        'five_whys.start',
        (ask) => ask.confirm({ message: MESSAGES.fiveWhys, default: false }),
        () => false,
      );
      const whys: string[] = [];
      for (let i = 0; start && i < 5; i++) {
        const message =
          i === 0 ? 'Why did it happen? (enter on an empty answer to stop)' : `Why? (${i + 1} of 5, empty to stop)`;
        const why = (
          await this.step(`five_whys.${i}`, (ask) => ask.input({ message, validate: validateOptionalText }))
        ).trim();
        if (why === '') break;
        whys.push(why);
      }
      if (whys.length > 0) this.a.five_whys = whys;
    }
  }

  private async detection(): Promise<void> {
    this.header(STEP_TITLES.detection);
    const figures = deriveFigures(this.a as Record<string, unknown>);
    const ttd = figures.timeToDetect === null ? '' : ` (time to detect: ${formatDuration(figures.timeToDetect)})`;
    const ttm = figures.timeToMitigate === null ? '' : ` (time to mitigate: ${formatDuration(figures.timeToMitigate)})`;
    this.a.detection ??= (
      await this.step('detection', (ask) =>
        ask.input({ message: `How was the incident detected?${ttd}`, validate: validateText }),
      )
    ).trim();
    this.a.resolution ??= (
      await this.step('resolution', (ask) =>
        ask.input({ message: `How was it mitigated and resolved?${ttm}`, validate: validateText }),
      )
    ).trim();
  }

  private dueDefault(): string {
    const started = parseInstant(this.a.started as string) ?? this.o.now;
    return formatInstant(started + DUE_DAYS * 86_400_000, offsetOf(this.a.started as string) ?? 0).slice(0, 10);
  }

  private async ownerAndDue(prefix: string): Promise<{ owner: string; due: string }> {
    const notBefore = (this.a.started as string).slice(0, 10);
    const owner = (
      await this.step(`${prefix}.owner`, (ask) =>
        ask.input({ message: MESSAGES.owner, default: this.lastOwner, validate: validateOwner }),
      )
    ).trim();
    this.lastOwner = owner;
    const due = (
      await this.step(`${prefix}.due`, (ask) =>
        ask.input({
          message: MESSAGES.due,
          default: this.dueDefault(),
          validate: (v) => validateDueDate(v, notBefore),
        }),
      )
    ).trim();
    return { owner, due };
  }

  private async actions(): Promise<void> {
    if (this.a.action_items !== undefined) return;
    this.header(STEP_TITLES.actions);
    const items: ActionItemAnswer[] = [];
    for (const category of [...new Set((this.a.root_causes ?? []).map((c) => c.category))]) {
      const definition = categoryDefinition(category);
      for (const [j, suggestion] of definition.remediations.entries()) {
        const prefix = `action_items.suggested.${category}.${j}`;
        const decision = await this.step(
          prefix,
          (ask) =>
            ask.select({
              message: `Suggested for ${definition.label.toLowerCase()} (${suggestion.type}): ${suggestion.action}`,
              choices: [
                { value: 'accept', name: 'Accept' },
                { value: 'edit', name: 'Edit, then accept' },
                { value: 'drop', name: 'Drop' },
              ],
            }),
          () => 'drop',
        );
        if (decision === 'drop') continue;
        let action = suggestion.action;
        let type: ActionType = suggestion.type;
        if (decision === 'edit') {
          action = (
            await this.step(`${prefix}.action`, (ask) =>
              ask.input({ message: MESSAGES.action, default: suggestion.action, validate: validateText }),
            )
          ).trim();
          type = await this.step(`${prefix}.type`, (ask) =>
            ask.select({ message: MESSAGES.actionType, choices: ACTION_TYPE_CHOICES, default: suggestion.type }),
          );
        }
        items.push({ action, type, ...(await this.ownerAndDue(prefix)), status: 'open', ticket: '' });
      }
    }
    for (let k = 0; ; k++) {
      const more = await this.step(
        `action_items.more.${k}`,
        (ask) =>
          ask.confirm({
            message: k === 0 ? MESSAGES.addAction : MESSAGES.addAnotherAction,
            default: items.length === 0,
          }),
        () => false,
      );
      if (!more) break;
      const prefix = `action_items.own.${k}`;
      const action = (
        await this.step(`${prefix}.action`, (ask) => ask.input({ message: MESSAGES.action, validate: validateText }))
      ).trim();
      const type = await this.step(`${prefix}.type`, (ask) =>
        ask.select({ message: MESSAGES.actionType, choices: ACTION_TYPE_CHOICES }),
      );
      const { owner, due } = await this.ownerAndDue(prefix);
      const ticket = (
        await this.step(`${prefix}.ticket`, (ask) => ask.input({ message: MESSAGES.ticket, validate: validateTicket }))
      ).trim();
      items.push({ action, type, owner, due, status: 'open', ticket });
    }
    this.a.action_items = items;
  }

  private async lessons(): Promise<void> {
    this.header(STEP_TITLES.lessons);
    const lessons = (this.a.lessons ??= {});
    for (const q of LESSON_QUESTIONS) {
      if (lessons[q.key] !== undefined) continue;
      const items: string[] = [];
      for (let i = 0; ; i++) {
        const message = i === 0 ? q.message : `${q.message} (another item, or enter to go on)`;
        const item = (
          await this.step(`lessons.${q.key}.${i}`, (ask) =>
            ask.input({ message, validate: i === 0 ? validateText : validateOptionalText }),
          )
        ).trim();
        if (item === '') break;
        items.push(item);
      }
      lessons[q.key] = items;
    }
  }

  private async notice(): Promise<void> {
    if (this.a.notice !== undefined) return;
    this.header(STEP_TITLES.notice);
    const write = await this.step(
      'notice.write',
      (ask) => ask.confirm({ message: MESSAGES.writeNotice, default: true }),
      () => false,
    );
    if (!write) return;
    const german = await this.step('notice.german', (ask) => ask.confirm({ message: MESSAGES.german, default: false }));
    const languages: Array<'en' | 'de'> = german ? ['en', 'de'] : ['en'];
    const drafts = noticeDrafts(this.a);
    const authors = this.a.authors ?? [];
    const notice: NoticeAnswer = {
      languages,
      headline: {},
      what_happened: {},
      customer_impact: {},
      next_steps: {},
      apology: {},
    };
    for (const field of NOTICE_FIELDS) {
      for (const lang of languages) {
        const message = `${NOTICE_MESSAGES[field]} (${lang === 'en' ? 'English' : 'German'}):`;
        notice[field][lang] = (
          await this.step(`notice.${field}.${lang}`, (ask) =>
            ask.input({ message, default: drafts[field][lang], validate: (v) => validateNoticeText(v, authors) }),
          )
        ).trim();
      }
    }
    this.a.notice = notice;
  }
}

function momentText(text: string, zone: string, date: string): true | string {
  const parsed = parseMomentInput(text, { zone, date });
  return 'error' in parsed ? parsed.error : true;
}

function toIso(text: string, zone: string, date: string): string {
  const parsed = parseMomentInput(text, { zone, date });
  if ('error' in parsed) throw new UnansweredQuestionError(`timeline: ${text}`);
  return parsed.iso;
}
