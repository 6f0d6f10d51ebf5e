/**
 * Rule `required-sections` (default: error)
 *
 * What: the body has the required level-2 sections (`Summary`, `Impact`, `Timeline`, `Root cause`,
 * `Detection`, `Resolution`, `Action items`, `Lessons learned`, the latter with its three level-3
 * subsections). A project replaces the list with `sections` in its config.
 *
 * Why: a postmortem without, say, action items teaches nothing; a fixed outline also lets
 * readers find their way around any postmortem.
 *
 * How to fix: add the section with a `## Title` heading (the name as the message says).
 *
 * Examples:
 *   not ok:  no `## Action items` heading
 *   ok:      `## Action items` followed by the table
 */
import { modelRule } from '../model-rule.js';

/** The `required-sections` rule. */
export default modelRule('required-sections', 'The required level-2 sections exist.');
