/**
 * Rule `action-item-overdue` (default: off)
 *
 * What: action items whose `Status` is `open` or `in-progress` and whose `Due` date has passed
 * (the due day itself is not overdue). Meant for scheduled CI jobs; turn it on with
 * `--rule action-item-overdue:warn` or in the config, and fix the clock with `--now 2020-02-01`
 * for reproducible runs.
 *
 * Why: action items are the point of a postmortem; the ones that slip should be seen.
 *
 * How to fix: do the work and mark the item `done`, move the due date with a reason, or mark it
 * `wontfix`.
 *
 * Examples (with --now 2020-03-01):
 *   not ok:  | Add an alert | detect | sre-team | 2020-02-01 | open |
 *   ok:      | Add an alert | detect | sre-team | 2020-02-01 | done |
 */
import { isIsoDate } from '../../model/index.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'action-item-overdue',
  defaultLevel: 'off',
  description: 'Open action items past their due date.',
  fixable: false,
  check: ({ pm, settings }) => {
    const table = pm.actionItems;
    if (!table) return [];
    const today = settings.now.slice(0, 10);
    return table.rows
      .filter((row) => {
        const status = row.cells.status?.text.toLowerCase();
        const due = row.cells.due?.text ?? '';
        return (status === 'open' || status === 'in-progress') && isIsoDate(due) && due < today;
      })
      .map((row) => {
        const cell = row.cells.due ?? { line: row.line, column: row.column, text: '' };
        return {
          message: `Expected "${row.cells.action?.text ?? 'this action'}" done by its due date ${cell.text}, found it still ${row.cells.status?.text} on ${today}.`,
          line: cell.line,
          column: cell.column,
        };
      });
  },
};

export default rule;
