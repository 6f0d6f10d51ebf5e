/**
 * Rule `action-item-fields` (default: error)
 *
 * What: the Action items section holds a GFM table with the columns `Action`, `Type`, `Owner`,
 * `Due`, `Status` (and optionally `Ticket`); `Type` is one of prevent, mitigate, detect, process;
 * `Status` is one of open, in-progress, done, wontfix; no action is empty.
 *
 * Why: stats and scheduled reminders read this table; free-form values cannot be counted.
 *
 * How to fix: add the missing column or use one of the allowed values.
 *
 * Examples:
 *   not ok:  | Add an alert | monitoring | sre-team | 2020-02-01 | todo |
 *   ok:      | Add an alert | detect | sre-team | 2020-02-01 | open |
 */
import { modelRule } from '../model-rule.js';

/** The `action-item-fields` rule. */
export default modelRule(
  'action-item-fields',
  'The action items table has its columns; Type and Status take allowed values.',
);
