import { ACTION_ITEM_TYPES } from '../model/format.js';
import type { ActionFigures, ActionRow } from './report.js';
import type { ActionItem, IncidentRecord } from './types.js';

/** An item still to do: `open` or `in-progress`. */
export function isOpen(item: ActionItem): boolean {
  return item.status === 'open' || item.status === 'in-progress';
}

/** An open item whose due day is before `today` (`YYYY-MM-DD`); the due day itself is not overdue, as in lint. */
export function isOverdue(item: ActionItem, today: string): boolean {
  return isOpen(item) && item.due !== null && item.due < today;
}

function rows(items: readonly ActionItem[], keyOf: (i: ActionItem) => string, today: string): ActionRow[] {
  const byKey = new Map<string, ActionRow>();
  for (const item of items) {
    const key = keyOf(item);
    const row = byKey.get(key) ?? { key, total: 0, open: 0, overdue: 0 };
    row.total++;
    if (isOpen(item)) row.open++;
    if (isOverdue(item, today)) row.overdue++;
    byKey.set(key, row);
  }
  return [...byKey.values()];
}

const TYPE_ORDER: readonly string[] = ACTION_ITEM_TYPES;

/** Open and overdue items by owner and type, and how the `prevent` items stand against their due dates. */
export function actionFigures(records: readonly IncidentRecord[], today: string): ActionFigures {
  const items = records.flatMap((r) => r.actionItems);
  const byOwner = rows(items, (i) => i.owner, today).sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || a.key.localeCompare(b.key),
  );
  const rank = (t: string) => (TYPE_ORDER.includes(t) ? TYPE_ORDER.indexOf(t) : TYPE_ORDER.length);
  const byType = rows(items, (i) => i.type || '(none)', today).sort(
    (a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key),
  );
  const prevent = items.filter((i) => i.type === 'prevent');
  const counted = prevent.filter((i) => i.status !== 'wontfix' && i.due !== null);
  const pastDue = counted.filter((i) => (i.due as string) < today);
  const notYetDue = counted.filter((i) => (i.due as string) >= today);
  const doneOfPastDue = pastDue.filter((i) => i.status === 'done').length;
  return {
    files: records.filter((r) => r.actionItems.length > 0).length,
    total: items.length,
    open: items.filter(isOpen).length,
    overdue: items.filter((i) => isOverdue(i, today)).length,
    byOwner,
    byType,
    prevent: {
      total: prevent.length,
      pastDue: pastDue.length,
      doneOfPastDue,
      shareDoneByDue: pastDue.length === 0 ? null : doneOfPastDue / pastDue.length,
      notYetDue: notYetDue.length,
      doneBeforeDue: notYetDue.filter((i) => i.status === 'done').length,
      wontfix: prevent.filter((i) => i.status === 'wontfix').length,
    },
  };
}
