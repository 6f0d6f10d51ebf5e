/**
 * Rule `action-item-due` (default: error)
 *
 * What: every row of the action items table has a real due date written `YYYY-MM-DD`.
 *
 * Why: without a date nobody can tell an action item that is late from one that is on track.
 *
 * How to fix: write the date as `2020-02-01` (not `next week`, not `01.02.2020`).
 *
 * Examples:
 *   not ok:  | Add an alert | detect | sre-team | soon | open |
 *   ok:      | Add an alert | detect | sre-team | 2020-02-01 | open |
 */
import { modelRule } from '../model-rule.js';

/** The `action-item-due` rule. */
export default modelRule('action-item-due', 'Every action item row has a valid due date (YYYY-MM-DD).');
