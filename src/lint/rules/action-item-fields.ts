import { ACTION_ITEM_COLUMNS, ACTION_ITEM_STATUSES, ACTION_ITEM_TYPES } from '../../model/format.js';
import { defineRule } from '../types.js';

/** The columns whose values must be one of a list, in the order their reports come. */
const ENUM_COLUMNS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['type', ACTION_ITEM_TYPES],
  ['status', ACTION_ITEM_STATUSES],
];

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
    const columns = new Set(table.columns.map((c) => c.toLowerCase()));
    for (const column of ACTION_ITEM_COLUMNS) {
      if (!columns.has(column.toLowerCase())) {
        report({
          message: `Expected a column \`${column}\` in the action items table, found ${table.columns.join(', ') || 'none'}.`,
          line: table.line,
          column: table.column,
        });
      }
    }
    // The columns with allowed values that the table has, looked up once, not for every row.
    const checks = ENUM_COLUMNS.filter(([key]) => columns.has(key));
    const hasAction = columns.has('action');
    for (const row of table.rows) {
      for (const [key, allowed] of checks) {
        const cell = row.cells[key];
        if (cell && cell.text !== '' && allowed.includes(cell.text.toLowerCase())) continue;
        const where = cell
          ? { line: cell.line, column: cell.column, endColumn: cell.endColumn }
          : { line: row.line, column: row.column };
        // A row shorter than the header has no cell for the last columns: that is an empty value.
        if (!cell || cell.text === '')
          report({ message: `Expected ${key} to be one of ${allowed.join(', ')}, found none.`, ...where });
        else report({ message: `Expected ${key} to be one of ${allowed.join(', ')}, found "${cell.text}".`, ...where });
      }
      if (hasAction && (!row.cells.action || row.cells.action.text === ''))
        report({ message: 'Expected an action, found an empty cell.', line: row.line, column: row.column });
    }
  },
});
