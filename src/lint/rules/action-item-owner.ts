/**
 * Rule `action-item-owner` (default: error)
 *
 * What: every row of the action items table names an owner (not empty, not a dash).
 *
 * Why: an action item nobody owns does not get done.
 *
 * How to fix: put a person or a team in the `Owner` column.
 *
 * Examples:
 *   not ok:  | Add an alert | detect |  | 2020-02-01 | open |
 *   ok:      | Add an alert | detect | sre-team | 2020-02-01 | open |
 */
import { modelRule } from '../model-rule.js';

/** The `action-item-owner` rule. */
export default modelRule('action-item-owner', 'Every action item row has an owner.');
