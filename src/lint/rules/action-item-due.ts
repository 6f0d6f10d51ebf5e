import { isIsoDate } from '../../model/validate.js';
import { defineRule } from '../types.js';

/** The `action-item-due` rule. */
export default defineRule({
  id: 'action-item-due',
  defaultLevel: 'error',
  description: 'Every action item row has a valid due date (YYYY-MM-DD).',
  fixable: false,
  format: true,
  docs: {
    what: 'Every row of the action items table has a real due date written `YYYY-MM-DD`.',
    why: 'Without a date nobody can tell an action item that is late from one that is on track.',
    fix: 'Write the date as `2020-02-01` (not `next week`, not `01.02.2020`).',
    examples: {
      notOk: '| Add an alert | detect | sre-team | soon | open |',
      ok: '| Add an alert | detect | sre-team | 2020-02-01 | open |',
    },
  },
  check: ({ pm, report }) => {
    const table = pm.actionItems;
    if (!table || !table.columns.some((c) => c.toLowerCase() === 'due')) return;
    for (const row of table.rows) {
      const cell = row.cells.due;
      if (isIsoDate(cell?.text ?? '')) continue;
      report({
        message: `Expected a due date YYYY-MM-DD for "${row.cells.action?.text ?? 'this action'}", found ${cell?.text ? `"${cell.text}"` : 'none'}.`,
        ...(cell ? { line: cell.line, column: cell.column } : { line: row.line, column: row.column }),
      });
    }
  },
});
