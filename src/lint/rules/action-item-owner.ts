import { ownerProblem } from '../../model/action-items.js';
import { defineRule } from '../types.js';

/** The `action-item-owner` rule. */
export default defineRule({
  id: 'action-item-owner',
  defaultLevel: 'error',
  description: 'Every action item row has an owner.',
  fixable: false,
  format: true,
  docs: {
    what: 'Every row of the action items table names an owner: a person or a team (not empty, not a dash, not a date).',
    why: 'An action item nobody owns does not get done.',
    fix: 'Put a person or a team in the `Owner` column.',
    examples: {
      notOk: '| Add an alert | detect |  | 2020-02-01 | open |',
      ok: '| Add an alert | detect | sre-team | 2020-02-01 | open |',
    },
  },
  check: ({ pm, report }) => {
    const table = pm.actionItems;
    if (!table || !table.columns.some((c) => c.toLowerCase() === 'owner')) return;
    for (const row of table.rows) {
      const cell = row.cells.owner;
      const problem = ownerProblem(cell?.text ?? '');
      if (problem === null) continue;
      report({
        message: `Expected an owner for "${row.cells.action?.text ?? 'this action'}", found ${problem}.`,
        ...(cell ? { line: cell.line, column: cell.column } : { line: row.line, column: row.column }),
      });
    }
  },
});
