import { isIsoDate } from '../../model/validate.js';
import { defineRule } from '../types.js';

/** The `action-item-overdue` rule. */
export default defineRule({
  id: 'action-item-overdue',
  defaultLevel: 'off',
  description: 'Open action items past their due date.',
  fixable: false,
  dependsOn: ['today'],
  docs: {
    what:
      'Action items whose `Status` is `open` or `in-progress` and whose `Due` date is before today (the due day ' +
      'itself is not overdue). Meant for scheduled CI jobs: turn it on with `--rule action-item-overdue:warn` or in ' +
      'the config, and fix the clock with `--now 2020-02-01` for reproducible runs.',
    why: 'Action items are the point of a postmortem; the ones that slip should be seen.',
    fix: 'Do the work and mark the item `done`, move the due date with a reason, or mark it `wontfix`.',
    examples: {
      notOk: '| Add an alert | detect | sre-team | 2020-02-01 | open |   (with --now 2020-03-01)',
      ok: '| Add an alert | detect | sre-team | 2020-02-01 | done |   (with --now 2020-03-01)',
    },
  },
  check: ({ pm, settings, report }) => {
    const table = pm.actionItems;
    if (!table) return;
    const today = settings.now.slice(0, 10);
    for (const row of table.rows) {
      const status = row.cells.status?.text.toLowerCase();
      const due = row.cells.due?.text ?? '';
      if (!(status === 'open' || status === 'in-progress') || !isIsoDate(due) || due >= today) continue;
      const cell = row.cells.due ?? { line: row.line, column: row.column, text: '' };
      report({
        message:
          `Expected "${row.cells.action?.text ?? 'this action'}" done by its due date ${cell.text}, ` +
          `found it still ${row.cells.status?.text} on ${today}.`,
        line: cell.line,
        column: cell.column,
      });
    }
  },
});
