/** The timeline step: the four moments pre-filled, events added, then a review list to edit or remove. */
import { MOMENTS, formatTimelineInstant, offsetOf, parseInstant } from '../model/index.js';
import type { TimelineAnswer } from './answers.js';
import { UnansweredQuestionError, type InterviewContext } from './flow-context.js';
import { inZone, parseMomentInput } from './moments.js';
import { MESSAGES, MOMENT_EVENTS, STEP_TITLES } from './questions.js';
import { validateText, type MomentName } from './validators.js';

interface TimelineEntry extends TimelineAnswer {
  moment?: MomentName;
}

function momentEntries(iv: InterviewContext, given: readonly TimelineAnswer[]): TimelineEntry[] {
  const entries: TimelineEntry[] = given.map((e) => ({ ...e, at: inZone(e.at, iv.zone) }));
  for (const moment of MOMENTS) {
    const iso = iv.a[moment] as string;
    const ms = parseInstant(iso);
    const existing = entries.find((e) => e.moment === undefined && parseInstant(e.at) === ms);
    if (existing) existing.moment = moment;
    else entries.push({ at: iso, event: MOMENT_EVENTS[moment], moment });
  }
  return entries;
}

/** Entries by time; equal times keep the order they were added in. */
function sortedByTime<T extends TimelineAnswer>(entries: readonly T[]): T[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((x, y) => (parseInstant(x.e.at) ?? 0) - (parseInstant(y.e.at) ?? 0) || x.i - y.i)
    .map((x) => x.e);
}

function momentText(text: string, zone: string, date: string): true | string {
  const parsed = parseMomentInput(text, { zone, date });
  return 'error' in parsed ? parsed.error : true;
}

/** A typed time as ISO text in the incident's zone, whatever zone it was typed in. */
function toIso(text: string, zone: string, date: string): string {
  const parsed = parseMomentInput(text, { zone, date });
  if ('error' in parsed) throw new UnansweredQuestionError(`timeline: ${text}`);
  return inZone(parsed.iso, zone);
}

/**
 * Adds an event, unless it is at the time of a pre-filled moment whose text is still the default:
 * then the event's text replaces that text, so the moment is not listed twice.
 */
function addEvent(entries: TimelineEntry[], event: TimelineEntry): void {
  const ms = parseInstant(event.at);
  const moment = entries.find((e) => e.moment && parseInstant(e.at) === ms && e.event === MOMENT_EVENTS[e.moment]);
  if (moment) moment.event = event.event;
  else entries.push(event);
}

/** One timeline line as shown at the prompt. */
export function showEntry(e: TimelineAnswer): string {
  return `${formatTimelineInstant(parseInstant(e.at) ?? 0, offsetOf(e.at) ?? 0)} — ${e.event}`;
}

/** Asks the time and text of one event. */
async function askEvent(iv: InterviewContext, prefix: string, date: string): Promise<TimelineEntry> {
  const at = await iv.step(`${prefix}.at`, (ask) =>
    ask.input({ message: MESSAGES.eventAt, validate: (v) => momentText(v, iv.zone, date) }),
  );
  const event = await iv.step(`${prefix}.text`, (ask) =>
    ask.input({ message: MESSAGES.eventText, validate: validateText }),
  );
  return { at: toIso(at, iv.zone, date), event: event.trim() };
}

/** Edits, removes or keeps one entry picked on the review list. */
async function reviewEntry(
  iv: InterviewContext,
  entry: TimelineEntry,
  r: number,
  date: string,
  remove: () => void,
): Promise<void> {
  const choices = [
    { value: 'edit', name: entry.moment ? 'Edit the text (the time is the front-matter moment)' : 'Edit' },
    ...(entry.moment ? [] : [{ value: 'remove', name: 'Remove' }]),
    { value: 'keep', name: 'Keep as it is' },
  ];
  const action = await iv.step(`timeline.review.${r}.action`, (ask) =>
    ask.select({ message: showEntry(entry), choices }),
  );
  if (action === 'remove') remove();
  if (action !== 'edit') return;
  if (!entry.moment) {
    const at = await iv.step(`timeline.review.${r}.at`, (ask) =>
      ask.input({
        message: MESSAGES.eventAt,
        default: formatTimelineInstant(parseInstant(entry.at) ?? 0, offsetOf(entry.at) ?? 0),
        validate: (v) => momentText(v, iv.zone, date),
      }),
    );
    entry.at = toIso(at, iv.zone, date);
  }
  entry.event = (
    await iv.step(`timeline.review.${r}.text`, (ask) =>
      ask.input({ message: MESSAGES.eventText, default: entry.event, validate: validateText }),
    )
  ).trim();
}

/** The facts a source reader needs from the answers: the window, the zone, the people. */
function incidentFacts(iv: InterviewContext): Record<string, unknown> {
  const facts: Record<string, unknown> = { timezone: iv.zone };
  for (const key of ['started', 'detected', 'mitigated', 'resolved', 'authors', 'services'] as const)
    if (iv.a[key] !== undefined) facts[key] = iv.a[key];
  return facts;
}

/**
 * The `--timeline-from` candidates as a checklist (the preselected ones checked; without a terminal
 * they are what is taken), added to the entries; each can be edited in the review that follows.
 */
async function pickCandidates(iv: InterviewContext, entries: TimelineEntry[]): Promise<void> {
  const candidates = await iv.options.timelineCandidates?.(incidentFacts(iv));
  if (!candidates || candidates.length === 0) return;
  const preselected = candidates.flatMap((c, i) => (c.preselected ? [String(i)] : []));
  const picked = await iv.step(
    'timeline.candidates',
    (ask) =>
      ask.checkbox({
        message: MESSAGES.timelineCandidates,
        choices: candidates.map((c, i) => ({ value: String(i), name: showEntry(c), checked: c.preselected })),
      }),
    () => preselected,
  );
  const known = new Set(entries.map((e) => `${parseInstant(e.at)}|${e.event}`));
  for (const index of picked) {
    const c = candidates[Number(index)];
    if (!c || known.has(`${parseInstant(c.at)}|${c.event}`)) continue;
    addEvent(entries, { at: inZone(c.at, iv.zone), event: c.event });
  }
}

/** Asks for timeline events and a review of the whole list, unless the timeline was given. */
export async function askTimeline(iv: InterviewContext): Promise<void> {
  const a = iv.a;
  if (a.timeline !== undefined) {
    const given = momentEntries(iv, a.timeline);
    await pickCandidates(iv, given);
    a.timeline = sortedByTime(given).map(({ at, event }) => ({ at, event }));
    return;
  }
  iv.header(STEP_TITLES.timeline);
  let entries = momentEntries(iv, []);
  const date = (a.started as string).slice(0, 10);
  await pickCandidates(iv, entries);
  iv.say(sortedByTime(entries).map(showEntry).join('\n'));
  for (let i = 0; ; i++) {
    const more = await iv.step(
      `timeline.more.${i}`,
      (ask) => ask.confirm({ message: i === 0 ? MESSAGES.addEvent : MESSAGES.addAnotherEvent, default: i === 0 }),
      () => false,
    );
    if (!more) break;
    addEvent(entries, await askEvent(iv, `timeline.event.${i}`, date));
  }
  for (let r = 0; ; r++) {
    const list = sortedByTime(entries);
    const picked = await iv.step(
      `timeline.review.${r}`,
      (ask) =>
        ask.select({
          message: MESSAGES.review,
          choices: [
            { value: 'done', name: 'Done, the timeline is complete' },
            { value: 'add', name: 'Add an event' },
            ...list.map((e, i) => ({ value: String(i), name: showEntry(e) })),
          ],
        }),
      () => 'done',
    );
    if (picked === 'done') break;
    if (picked === 'add') {
      addEvent(entries, await askEvent(iv, `timeline.review.${r}`, date));
      continue;
    }
    const entry = list[Number(picked)];
    if (!entry) continue;
    await reviewEntry(iv, entry, r, date, () => (entries = entries.filter((e) => e !== entry)));
  }
  a.timeline = sortedByTime(entries).map(({ at, event }) => ({ at, event }));
}
