/**
 * Rule `moment-order` (default: error)
 *
 * What: `started <= detected <= mitigated <= resolved`, compared as instants (offsets applied).
 *
 * Why: the derived figures (time to detect, mitigate, resolve) are differences of these moments;
 * a moment out of order yields a negative duration in every report.
 *
 * How to fix: correct the moment that is out of order; often an offset or a date is wrong.
 *
 * Examples:
 *   not ok:  started: "2020-01-01T10:00:00Z"  detected: "2020-01-01T09:00:00Z"
 *   ok:      started: "2020-01-01T10:00:00Z"  detected: "2020-01-01T10:05:00Z"
 */
import { modelRule } from '../model-rule.js';

/** The `moment-order` rule. */
export default modelRule('moment-order', 'started <= detected <= mitigated <= resolved.');
