import { ACTION_ITEM_COLUMNS, ACTION_ITEM_STATUSES, ACTION_ITEM_TYPES } from '../../model/format.js';
import { defineRule } from '../types.js';

/** The `action-item-fields` rule. */
export default defineRule({
  id: 'action-item-fields',
  defaultLevel: 'error',
  description: 'The action items table has its columns; Type and Status take allowed values.',
  fixable: false,
  format: true,
  docs: {
    what:
      'The Action items section holds a GFM table with the columns `Action`, `Type`, `Owner`, `Due`, `Status` ' +
      '(`Ticket` optional); `Type` is prevent, mitigate, detect or process; `Status` is open, in-progress, done or ' +
      'wontfix; no action is empty.',
    why: 'Stats and scheduled reminders read this table; free-form values cannot be counted.',
    fix: 'Add the missing column or use one of the allowed values.',
    examples: {
      notOk: '| Add an alert | monitoring | sre-team | 2020-02-01 | todo |',
      ok: '| Add an alert | detect | sre-team | 2020-02-01 | open |',
    },
  },
  check: ({ pm, report }) => {
    const section = pm.sections.find((s) => s.depth === 2 && s.title.toLowerCase() === 'action items');
    const table = pm.actionItems;
    if (!section) return;
    if (!table) {
      report({
        message: `Expected a table with the columns ${ACTION_ITEM_COLUMNS.join(', ')}, found none.`,
        line: section.line,
        column: 1,
      });
      return;
    }
    const columns = table.columns.map((c) => c.toLowerCase());
    for (const column of ACTION_ITEM_COLUMNS) {
      if (!columns.includes(column.toLowerCase())) {
        report({
          message: `Expected a column \`${column}\` in the action items table, found ${table.columns.join(', ') || 'none'}.`,
          line: table.line,
          column: table.column,
        });
      }
    }
    const checks: Array<[string, readonly string[]]> = [
      ['type', ACTION_ITEM_TYPES],
      ['status', ACTION_ITEM_STATUSES],
    ];
    for (const row of table.rows) {
      for (const [key, allowed] of checks) {
        if (!columns.includes(key)) continue;
        const cell = row.cells[key];
        const where = cell
          ? { line: cell.line, column: cell.column, endColumn: cell.endColumn }
          : { line: row.line, column: row.column };
        // A row shorter than the header has no cell for the last columns: that is an empty value.
        if (!cell || cell.text === '')
          report({ message: `Expected ${key} to be one of ${allowed.join(', ')}, found none.`, ...where });
        else if (!allowed.includes(cell.text.toLowerCase()))
          report({ message: `Expected ${key} to be one of ${allowed.join(', ')}, found "${cell.text}".`, ...where });
      }
      if (columns.includes('action') && (!row.cells.action || row.cells.action.text === ''))
        report({ message: 'Expected an action, found an empty cell.', line: row.line, column: row.column });
    }
  },
});
