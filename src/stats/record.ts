import { ACTION_ITEM_STATUSES, ACTION_ITEM_TYPES, SEVERITIES } from '../model/format.js';
import { deriveFigures } from '../model/figures.js';
import { idFromPath } from '../model/display-path.js';
import { isRecord } from '../model/guards.js';
import { parseInstant } from '../model/timestamp.js';
import { isIsoDate } from '../model/validate.js';
import { detach, SharedStrings } from '../model/detach.js';
import type { StatsSource } from './read.js';
import { RECURRENCE_VALUES } from './recurrence.js';
import type { ActionItem, ActionItemWithText, FileNote, IncidentRecord, ItemOf } from './types.js';

const NO_TICKET = new Set(['', '-', '—', '–', 'n/a', 'none']);

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map(detach)
    : [];
}

/** Sum of `impact.windows` in milliseconds, or a reason why they cannot be summed. */
function windowsSum(windows: unknown[], started: number | undefined): number | string {
  let total = 0;
  let previousEnd = -Infinity;
  for (const [i, w] of windows.entries()) {
    const start = isRecord(w) && typeof w.start === 'string' ? parseInstant(w.start) : null;
    const end = isRecord(w) && typeof w.end === 'string' ? parseInstant(w.end) : null;
    if (start === null || end === null) return `window ${i + 1} lacks a valid start and end with an offset`;
    if (end < start) return `window ${i + 1} ends before it starts`;
    if (start < previousEnd) return `window ${i + 1} overlaps the one before or is out of order`;
    if (i === 0 && started !== undefined && start !== started) return 'the first window does not start at `started`';
    previousEnd = end;
    total += end - start;
  }
  return total;
}

/**
 * Owners and due days repeat from file to file: one copy of each (10,000 real-prose files hold
 * 55,000 items). Type and status are the format's constants when they are among them, as severity is.
 */
const OWNERS_AND_DAYS = new SharedStrings(4096);

/**
 * Due texts seen before, each with its day as OWNERS_AND_DAYS keeps it, or null when it is not a
 * date. A day repeats from item to item, and its check (a pattern, a new string and a parse) cost
 * more than this look-up. Bounded as OWNERS_AND_DAYS is; the keys are copies, not views into files.
 */
const DUE_DAYS = new Map<string, string | null>();

function dueDay(text: string): string | null {
  const known = DUE_DAYS.get(text);
  if (known !== undefined) return known;
  const day = isIsoDate(text) ? OWNERS_AND_DAYS.get(text) : null;
  if (DUE_DAYS.size < 4096) DUE_DAYS.set(day ?? detach(text), day);
  return day;
}

/**
 * The action items' columns a record reads, and those it reads only with the texts: the fast reader
 * cuts out of the table only these (stats/read.ts), so `cell` takes no other name.
 */
export const ITEM_COLUMNS = ['type', 'status', 'due', 'owner'] as const;
export const ITEM_TEXT_COLUMNS = ['action', 'ticket'] as const;
type ItemColumn = (typeof ITEM_COLUMNS)[number] | (typeof ITEM_TEXT_COLUMNS)[number];

function actionItems(
  source: StatsSource,
  postmortem: string,
  texts: boolean,
  note: (line: number, message: string) => void,
): ActionItem[] {
  const items: ActionItem[] = [];
  for (const row of source.actionItems?.rows ?? []) {
    const cell = (name: ItemColumn) => row.cells[name]?.text.trim() ?? '';
    const typeText = cell('type').toLowerCase();
    const statusText = cell('status').toLowerCase();
    const dueText = cell('due');
    const due = dueDay(dueText);
    if (!(ACTION_ITEM_TYPES as readonly string[]).includes(typeText))
      note(row.line, `Action item type "${cell('type')}" is not one of ${ACTION_ITEM_TYPES.join(', ')}.`);
    if (!(ACTION_ITEM_STATUSES as readonly string[]).includes(statusText))
      note(
        row.line,
        `Action item status "${cell('status')}" is not one of ${ACTION_ITEM_STATUSES.join(', ')}; it counts as neither open nor done.`,
      );
    if (due === null)
      note(row.line, `Action item due date "${dueText}" is not a date (YYYY-MM-DD); it cannot be overdue.`);
    const { path } = source;
    const { line } = row;
    const type = ACTION_ITEM_TYPES.find((t) => t === typeText) ?? detach(typeText);
    const owner = OWNERS_AND_DAYS.get(cell('owner') || '(none)');
    const status = ACTION_ITEM_STATUSES.find((s) => s === statusText) ?? detach(statusText);
    // Each kind of item is made by one literal, keys in the order the outputs list them, so all
    // items of a run have one shape.
    if (!texts) {
      items.push({ postmortem, path, line, type, owner, due, status });
      continue;
    }
    const action = detach(cell('action'));
    const ticketText = cell('ticket');
    const ticket = NO_TICKET.has(ticketText.toLowerCase()) ? null : detach(ticketText);
    const item: ActionItemWithText = { postmortem, path, line, action, type, owner, due, status, ticket };
    items.push(item);
  }
  return items;
}

/**
 * Turns what was read of one file into the facts the figures use; values it cannot use become
 * notes. The action items keep their texts only when `texts` is true.
 */
export function toRecord<Texts extends boolean = false>(
  source: StatsSource,
  texts?: Texts,
): { record: IncidentRecord<ItemOf<Texts>>; notes: FileNote[] } {
  const { data, path } = source;
  const notes: FileNote[] = [];
  const note = (line: number, message: string) => notes.push({ path, line, column: 1, message });
  const at = (key: string) => source.keyLines.get(key) ?? 1;
  const id = detach(typeof data.id === 'string' && data.id !== '' ? data.id : idFromPath(path));
  // The constant, not a view into the file's text (see `detach`): records outlive their files.
  const severity = SEVERITIES.find((s) => s === data.severity) ?? null;
  if (severity === null)
    note(
      at('severity'),
      `Expected \`severity\` to be one of ${SEVERITIES.join(', ')}; left out of the figures by severity.`,
    );
  // Read once: the moment is used three times below.
  const startedMs = typeof data.started === 'string' ? parseInstant(data.started) : null;
  const started = startedMs !== null ? detach(data.started as string) : null;
  if (started === null)
    note(
      at('started'),
      'Expected `started` to be a timestamp with an offset; left out of the figures by month, quarter and time.',
    );
  const figures = deriveFigures(data);
  // Moments out of order give negative times; they are left out rather than averaged in.
  const time = (ms: number | null, name: string) => {
    if (ms === null || ms >= 0) return ms;
    note(at(name), `Expected \`${name}\` at or after \`started\`; left out of the times.`);
    return null;
  };
  const impact = isRecord(data.impact) ? data.impact : {};
  const customers = impact.customers_affected;
  const customersAffected =
    typeof customers === 'number' && Number.isInteger(customers) && customers >= 0 ? customers : null;
  if (customersAffected === null)
    note(at('impact'), 'Expected `impact.customers_affected` to be a whole number >= 0; left out of customer-minutes.');
  let impactMs = figures.impactDuration !== null && figures.impactDuration >= 0 ? figures.impactDuration : null;
  let impactFromWindows = false;
  if (Array.isArray(impact.windows) && impact.windows.length > 0) {
    const sum = windowsSum(impact.windows, startedMs ?? undefined);
    if (typeof sum === 'number') {
      impactMs = sum;
      impactFromWindows = true;
    } else {
      impactMs = null;
      note(at('impact'), `Expected valid \`impact.windows\`, found that ${sum}; left out of customer-minutes.`);
    }
  }
  // Distinct categories in the order written, each copied once (`detach`), without an array a cause.
  const namedCategories = new Set<string>();
  for (const c of Array.isArray(data.root_causes) ? (data.root_causes as unknown[]) : [])
    if (isRecord(c) && typeof c.category === 'string' && c.category !== '') namedCategories.add(c.category);
  const categories = [...namedCategories].map(detach);
  const services = [...new Set(strings(data.services))];
  if (services.length > RECURRENCE_VALUES || categories.length > RECURRENCE_VALUES)
    note(
      at(services.length > RECURRENCE_VALUES ? 'services' : 'root_causes'),
      `Expected at most ${RECURRENCE_VALUES} services and ${RECURRENCE_VALUES} root-cause categories, found ` +
        `${services.length} and ${categories.length}; recurrence chains use the first ${RECURRENCE_VALUES} of each.`,
    );
  const record: IncidentRecord = {
    path,
    id,
    severity,
    services,
    categories,
    started,
    startedMs,
    month: started === null ? null : started.slice(0, 7),
    quarter: started === null ? null : `${started.slice(0, 4)}-Q${Math.ceil(Number(started.slice(5, 7)) / 3)}`,
    timeToDetect: time(figures.timeToDetect, 'detected'),
    timeToMitigate: time(figures.timeToMitigate, 'mitigated'),
    timeToResolve: time(figures.timeToResolve, 'resolved'),
    impactMs,
    impactFromWindows,
    customersAffected,
    actionItems: actionItems(source, id, texts === true, note),
  };
  // The items are of the kind `texts` asked for.
  return { record: record as IncidentRecord<ItemOf<Texts>>, notes };
}
