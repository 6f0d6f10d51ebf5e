/**
 * Pure validators for interview answers. Each returns `true` or a message, which is the contract
 * of inquirer's `validate`, so the same function checks a prompt and an answers file.
 */
import {
  ACTION_ITEM_STATUSES,
  ACTION_ITEM_TYPES,
  ID_PATTERN,
  MOMENTS,
  ROOT_CAUSE_CATEGORIES,
  SEVERITIES,
  STATUSES,
  findLeaks,
  findPlaceholders,
  parseInstant,
} from '../model/index.js';
import { ownerProblem } from '../model/action-items.js';
import { isKnownZone, parseDayInput, parseMomentInput, type MomentContext } from './moments.js';
import { suggestZone } from './zones.js';

/** What a validator returns: `true` when the answer is fine, otherwise the message to show. */
export type Validation = true | string;

/** A moment name, in the order the moments must occur. */
export type MomentName = (typeof MOMENTS)[number];

/** Answers that say nothing (`n/a`, `?`, `-`); placeholders inside text are the linter's (`findPlaceholders`). */
const NON_ANSWER = /^(?:TODO|TBD|FIXME|\?+|<[^>]*>|n\/?a|-+|—|–)$/i;

function isPlaceholder(value: string): boolean {
  return NON_ANSWER.test(value) || findPlaceholders(value).length > 0;
}

function found(text: string): string {
  return text === '' ? 'nothing' : `"${text.length > 50 ? `${text.slice(0, 47)}...` : text}"`;
}

/** A non-empty answer without placeholders (`TODO`, `TBD`, `FIXME`, `???`, `<...>`). */
export function validateText(text: string): Validation {
  const value = text.trim();
  if (value === '') return 'Expected an answer, found nothing.';
  if (isPlaceholder(value)) {
    return `Expected a real answer, found the placeholder ${found(value)}; write what you know now.`;
  }
  return true;
}

/** The line of a code fence (``` or ~~~) opened and never closed, or null. */
function unclosedFence(markdown: string): number | null {
  let open: { char: string; size: number; line: number } | null = null;
  markdown.split(/\r?\n/).forEach((line, i) => {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    // A backtick fence's info string holds no backtick: "``` code ```" is inline code, not a fence.
    if (!fence || (fence[1]?.startsWith('`') && (fence[2] ?? '').includes('`'))) return;
    const marks = fence[1] as string;
    if (!open) open = { char: marks[0] as string, size: marks.length, line: i + 1 };
    else if (marks[0] === open.char && marks.length >= open.size && (fence[2] ?? '').trim() === '') open = null;
  });
  return (open as { line: number } | null)?.line ?? null;
}

/** Text of any number of lines (Markdown): as `validateText`, and every code fence closed. */
export function validateLongText(text: string): Validation {
  const basic = validateText(text);
  if (basic !== true) return basic;
  const line = unclosedFence(text);
  return line === null
    ? true
    : `Expected the code fence opened on line ${line} of the answer to be closed, found no closing fence; ` +
        'an open fence would swallow the rest of the postmortem.';
}

/** Optional text of any number of lines: empty is fine, otherwise as `validateLongText`. */
export function validateOptionalLongText(text: string): Validation {
  return text.trim() === '' ? true : validateLongText(text);
}

/** An optional answer: empty is fine, but not a placeholder. */
export function validateOptionalText(text: string): Validation {
  return text.trim() === '' ? true : validateText(text);
}

/** A title: one line, at most 120 characters, no trailing period. */
export function validateTitle(text: string): Validation {
  const value = text.trim();
  const basic = validateText(value);
  if (basic !== true) return basic;
  if (/[\r\n]/.test(value)) return 'Expected the title on one line, found a line break.';
  if (value.length > 120) return `Expected a title of at most 120 characters, found ${value.length}.`;
  if (/\.$/.test(value)) return 'Expected a title without a trailing period, found one.';
  return true;
}

/** A severity out of SEV1..SEV4. */
export function validateSeverity(text: string): Validation {
  return (SEVERITIES as readonly string[]).includes(text)
    ? true
    : `Expected one of ${SEVERITIES.join(', ')}, found ${found(text)}.`;
}

/** A postmortem status out of FORMAT v1's lifecycle. */
export function validateStatus(text: string): Validation {
  return (STATUSES as readonly string[]).includes(text)
    ? true
    : `Expected one of ${STATUSES.join(', ')}, found ${found(text)}.`;
}

/** Splits a comma-separated answer into trimmed, non-empty entries. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A comma-separated list with at least one entry and no placeholder. */
export function validateList(text: string): Validation {
  const entries = splitList(text);
  if (entries.length === 0) return 'Expected at least one entry (separate several with commas), found none.';
  for (const entry of entries) {
    const check = validateText(entry);
    if (check !== true) return check;
  }
  return true;
}

/** A postmortem id: `YYYY-MM-DD-slug`, a real date, slug of a-z, 0-9 and -, at most 60. */
export function validateId(text: string): Validation {
  const value = text.trim();
  if (!ID_PATTERN.test(value) || parseInstant(`${value.slice(0, 10)}T00:00Z`) === null) {
    return `Expected an id like 2024-03-01-checkout-outage (date, then a-z, 0-9 and -, at most 60), found ${found(value)}.`;
  }
  return true;
}

/** An IANA time zone (`Europe/Berlin`) or an offset (`+02:00`, `Z`). */
export function validateZone(text: string): Validation {
  const value = text.trim();
  if (value !== '' && isKnownZone(value)) return true;
  const hint = value === '' ? null : suggestZone(value);
  const suggestion = !hint
    ? ''
    : hint.why === 'abbreviation'
      ? ` ${value} is an abbreviation, which names no rules for summer time; did you mean ${hint.zone}?`
      : ` Did you mean ${hint.zone}?`;
  return `Expected a time zone like Europe/Berlin or an offset like +02:00, found ${found(value)}.${suggestion}`;
}

/** What a moment is checked against: how to read it, and the moment it must not precede. */
export interface MomentCheck extends MomentContext {
  name: MomentName;
  /** The previous moment (name and ISO text), which this one must not precede. */
  previous?: { name: MomentName; iso: string };
}

/** A moment typed at the prompt or in an answers file, at or after the previous moment. */
export function validateMoment(text: string, check: MomentCheck): Validation {
  const parsed = parseMomentInput(text, check);
  if ('error' in parsed) return parsed.error;
  if (check.previous) {
    const order = validateMomentOrder({ [check.previous.name]: check.previous.iso, [check.name]: parsed.iso });
    if (order === true) return true;
    // A bare time after midnight ("00:30" for a moment after 23:10) means the next day.
    const next = nextDay(check.date);
    const bare = /^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$/.test(text);
    const tomorrow = bare ? parseMomentInput(`${next} ${text.trim()}`, check) : null;
    const gap = tomorrow && 'iso' in tomorrow ? parseInstant(tomorrow.iso)! - parseInstant(check.previous.iso)! : -1;
    // Only when the next day is close after the previous moment; 14:01 after 14:02 is a typo, not tomorrow.
    if (gap >= 0 && gap < 12 * 3_600_000) return `${order} If it was the next day, type "${next} ${text.trim()}".`;
    return order;
  }
  return true;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** `started <= detected <= mitigated <= resolved` for whichever moments are given (ISO texts). */
export function validateMomentOrder(moments: Partial<Record<MomentName, string>>): Validation {
  let previous: { name: MomentName; ms: number; iso: string } | null = null;
  for (const name of MOMENTS) {
    const iso = moments[name];
    if (iso === undefined) continue;
    const ms = parseInstant(iso);
    if (ms === null) return `Expected \`${name}\` as a timestamp with an offset, found ${found(iso)}.`;
    if (previous && ms < previous.ms) {
      return `Expected ${name} at or after ${previous.name} (${previous.iso}), found ${iso}.`;
    }
    previous = { name, ms, iso };
  }
  return true;
}

/** A whole number >= 0; thousands separators (`,`, `_`, space) are allowed. */
export function validateCustomers(text: string): Validation {
  const value = text.trim().replace(/[,_ ]/g, '');
  return /^\d+$/.test(value) && Number.isSafeInteger(Number(value))
    ? true
    : `Expected a whole number >= 0 (your best estimate), found ${found(text.trim())}.`;
}

/** Reads a customers answer validated by `validateCustomers`. */
export function parseCustomers(text: string): number {
  return Number(text.trim().replace(/[,_ ]/g, ''));
}

/** An action-item owner: a person or team, not empty, not a dash or a placeholder. */
export function validateOwner(text: string): Validation {
  const value = text.trim();
  if (value === '') return 'Expected an owner (a person or a team), found nothing.';
  if (isPlaceholder(value) || /^(nobody|none|unknown|someone)$/i.test(value)) {
    return `Expected an owner (a person or a team), found ${found(value)}.`;
  }
  const problem = ownerProblem(value);
  if (problem !== null) return `Expected an owner (a person or a team), found ${problem}.`;
  if (/[\r\n]/.test(value)) return 'Expected the owner on one line, found a line break.';
  return true;
}

/** A due date `YYYY-MM-DD` or `DD.MM.YYYY` (as the time questions take), a real day, not before `notBefore`. */
export function validateDueDate(text: string, notBefore?: string): Validation {
  const value = text.trim();
  const day = parseDayInput(value);
  if (day === null) return `Expected a due date YYYY-MM-DD or DD.MM.YYYY, found ${found(value)}.`;
  if (notBefore && day < notBefore) return `Expected a due date on or after ${notBefore}, found ${day}.`;
  return true;
}

/** An action-item type out of prevent, mitigate, detect, process. */
export function validateActionType(text: string): Validation {
  return (ACTION_ITEM_TYPES as readonly string[]).includes(text)
    ? true
    : `Expected one of ${ACTION_ITEM_TYPES.join(', ')}, found ${found(text)}.`;
}

/** An action-item status out of open, in-progress, done, wontfix. */
export function validateActionStatus(text: string): Validation {
  return (ACTION_ITEM_STATUSES as readonly string[]).includes(text)
    ? true
    : `Expected one of ${ACTION_ITEM_STATUSES.join(', ')}, found ${found(text)}.`;
}

/** A ticket reference: optional, one word such as `CRM-4711` or a URL. */
export function validateTicket(text: string): Validation {
  const value = text.trim();
  if (value === '') return true;
  return /^\S+$/.test(value) && validateText(value) === true
    ? true
    : `Expected a ticket id or URL without spaces, found ${found(value)}.`;
}

/** A root-cause category out of the taxonomy (plus the project's own). */
export function validateCategory(text: string, extra: readonly string[] = []): Validation {
  const allowed = [...ROOT_CAUSE_CATEGORIES, ...extra];
  return allowed.includes(text) ? true : `Expected one of ${allowed.join(', ')}, found ${found(text)}.`;
}

/** At least one category chosen. */
export function validateCategories(values: readonly string[]): Validation {
  return values.length > 0 ? true : 'Expected at least one category (space selects, enter confirms), found none.';
}

/**
 * Customer-facing text: no internal details (host names, private addresses, e-mail addresses,
 * ticket ids, author names): the same check as the linter's `notice-leak` rule.
 */
export function validateNoticeText(text: string, authors: readonly string[] = []): Validation {
  const basic = validateText(text);
  if (basic !== true) return basic;
  const leak = findLeaks(text.trim(), { authors })[0];
  return leak ? `Expected customer-facing wording, found ${leak.what}: "${leak.text}".` : true;
}
