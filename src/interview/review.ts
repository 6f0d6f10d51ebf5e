/**
 * The review screen before the file is written: every answer by step, any of which can be changed.
 * Changing an answer forgets its recorded step (and a given value), and the interview runs again:
 * every other answer replays, so only the changed question (and what depends on it) is asked.
 */
import { NOTICE_FIELDS } from '../model/index.js';
import { valueAt, type Answers } from './answers.js';
import type { Ask } from './ask.js';
import { categoryDefinition } from './categories.js';
import { showItem } from './flow-actions.js';
import { showEntry } from './flow-timeline.js';
import { LESSON_QUESTIONS, MESSAGES, STEP_TITLES } from './questions.js';
import { showInstant } from './moments.js';
import { firstLineOf } from './text-prompt.js';
import { visible } from '../model/visible.js';

/** One answer on the review screen. */
export interface ReviewItem {
  /** The interview step it belongs to (a STEP_TITLES value). */
  step: string;
  label: string;
  shown: string;
  /** Step keys to forget (each with every key under it) so that the question is asked again. */
  keys: string[];
  /** The given answer (dotted path) to forget, when it came from a file or flag. */
  given?: string;
}

function text(value: unknown): string {
  if (value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(text).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // Answers may come from a draft file: its control characters are shown, never sent to the terminal.
  const shown = visible(firstLineOf(typeof value === 'string' ? value : JSON.stringify(value)));
  return shown.length > 90 ? `${shown.slice(0, 87)}...` : shown;
}

/** Every answer of complete answers, in interview order, with the keys that re-ask it. */
export function reviewItems(a: Answers, given: Answers): ReviewItem[] {
  const items: ReviewItem[] = [];
  const add = (step: string, label: string, value: unknown, keys: string[], givenKey = keys[0] ?? '') =>
    items.push({
      step,
      label,
      shown: text(value),
      keys,
      ...(valueAt(given, givenKey) !== undefined ? { given: givenKey } : {}),
    });
  add(STEP_TITLES.basics, 'Title', a.title, ['title']);
  add(STEP_TITLES.basics, 'Severity', a.severity, ['severity']);
  add(STEP_TITLES.basics, 'Services', a.services, ['services']);
  add(STEP_TITLES.basics, 'Authors', a.authors, ['authors']);
  add(STEP_TITLES.moments, 'Time zone', a.timezone, ['timezone']);
  for (const m of ['started', 'detected', 'mitigated', 'resolved'] as const) {
    const label = `${m.charAt(0).toUpperCase()}${m.slice(1)}`;
    add(STEP_TITLES.moments, label, a[m] === undefined ? undefined : showInstant(a[m]), [m]);
  }
  add(STEP_TITLES.moments, 'Id', a.id, ['id']);
  add(STEP_TITLES.impact, 'Summary', a.summary, ['summary']);
  add(STEP_TITLES.impact, 'Customers affected', a.impact?.customers_affected, ['impact.customers_affected']);
  add(STEP_TITLES.impact, 'Data lost', a.impact?.data_loss, ['impact.data_loss']);
  add(STEP_TITLES.impact, 'Impact', a.impact?.description, ['impact.description']);
  const windows = a.impact?.windows?.map((w) => `${showInstant(w.start)} to ${showInstant(w.end)}`) ?? 'continuous';
  add(
    STEP_TITLES.impact,
    'When customers were affected',
    windows,
    ['impact.continuous', 'impact.windows'],
    'impact.windows',
  );
  const timeline = a.timeline ?? [];
  add(STEP_TITLES.timeline, 'Timeline', timeline.map(showEntry).join('; '), ['timeline.review'], 'timeline');
  const categories = (a.root_causes ?? []).map((c) => c.category);
  add(STEP_TITLES.rootCause, 'Categories', categories, ['root_causes.categories'], 'root_causes');
  for (const c of a.root_causes ?? []) {
    const definition = categoryDefinition(c.category);
    const label = definition.label;
    add(STEP_TITLES.rootCause, `${label}: summary`, c.summary, [`root_causes.${c.category}.summary`], 'root_causes');
    for (const q of definition.followUps) {
      const key = `followups.${c.category}.${q.key}`;
      add(STEP_TITLES.rootCause, `${label}: ${q.label}`, valueAt(a, key), [key]);
    }
  }
  add(STEP_TITLES.rootCause, 'In your own words', a.root_cause, ['root_cause']);
  add(STEP_TITLES.rootCause, 'Five whys', a.five_whys, ['five_whys']);
  add(STEP_TITLES.detection, 'Detection', a.detection, ['detection']);
  add(STEP_TITLES.detection, 'Resolution', a.resolution, ['resolution']);
  // One line per item, so that every item shows (a joined list was cut after the first); each
  // reopens the action items' review list, where it can be edited or removed.
  const actionItems = a.action_items ?? [];
  if (actionItems.length === 0) add(STEP_TITLES.actions, 'Action items', [], ['action_items.review'], 'action_items');
  for (const [i, item] of actionItems.entries())
    add(STEP_TITLES.actions, `Action item ${i + 1}`, showItem(item), ['action_items.review'], 'action_items');
  for (const q of LESSON_QUESTIONS) add(STEP_TITLES.lessons, q.message, a.lessons?.[q.key], [`lessons.${q.key}`]);
  if (a.notice) {
    for (const field of [...NOTICE_FIELDS, 'status'])
      for (const lang of a.notice.languages)
        add(
          STEP_TITLES.notice,
          `${field} (${lang})`,
          valueAt(a.notice, `${field}.${lang}`),
          [`notice.${field}.${lang}`],
          'notice',
        );
  } else add(STEP_TITLES.notice, 'Customer notice', 'not drafted', ['notice.write'], 'notice');
  return items;
}

/** The review as text: a header per step, one line per answer. */
export function reviewText(items: readonly ReviewItem[]): string {
  const out: string[] = [];
  let step = '';
  for (const item of items) {
    if (item.step !== step) out.push(`${out.length > 0 ? '\n' : ''}${(step = item.step)}`);
    out.push(`  ${item.label}: ${item.shown}`);
  }
  return out.join('\n');
}

/** Asks which answer to change; null means: write the postmortem. */
export async function chooseReview(ask: Ask, items: readonly ReviewItem[]): Promise<ReviewItem | null> {
  const picked = await ask.select({
    message: MESSAGES.reviewAll,
    choices: [
      { value: 'write', name: 'Write the postmortem' },
      ...items.map((item, i) => ({ value: String(i), name: `${item.step} › ${item.label}: ${item.shown}` })),
    ],
  });
  return picked === 'write' ? null : (items[Number(picked)] ?? null);
}

/** The last recorded key of a repeated step (`timeline.review.3`), the one that said "done". */
function lastRound(steps: Record<string, unknown>, prefix: string): string | undefined {
  const rounds = Object.keys(steps)
    .map((k) => new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`).exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return rounds.length === 0 ? undefined : `${prefix}.${Math.max(...rounds)}`;
}

/**
 * Forgets what makes `item` be asked again and returns the old answers as defaults by step key.
 * A list (timeline, action items) reopens at its review list rather than from the start.
 */
export function forget(item: ReviewItem, steps: Record<string, unknown>, given: Answers): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of item.keys) {
    if (key === 'timeline.review' || key === 'action_items.review') {
      const last = lastRound(steps, key);
      if (last !== undefined) {
        delete steps[last];
        continue;
      }
    }
    for (const k of Object.keys(steps)) {
      if (k === key || k.startsWith(`${key}.`)) {
        previous[k] = steps[k];
        delete steps[k];
      }
    }
  }
  // Windows of an impact given in a file are asked only when reopened here; the marker says so.
  if (item.keys.includes('impact.continuous')) previous['impact.continuous'] ??= true;
  if (item.given) {
    const value = valueAt(given, item.given);
    const parts = item.given.split('.');
    const parent = valueAt(given, parts.slice(0, -1).join('.')) ?? given;
    if (parts.length === 1) delete (given as Record<string, unknown>)[item.given];
    else if (typeof parent === 'object' && parent !== null)
      delete (parent as Record<string, unknown>)[parts.at(-1) ?? ''];
    if (Array.isArray(value)) {
      const list = value as unknown[];
      if (item.given.startsWith('lessons.')) list.forEach((v, i) => (previous[`${item.given}.${i}`] = v));
      else previous[item.given] = list.join(', ');
    } else if (typeof value === 'number') previous[item.given] = String(value);
    else if (value !== undefined) previous[item.given] = value;
  }
  return previous;
}
