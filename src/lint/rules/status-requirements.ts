/**
 * Rule `status-requirements` (default: error)
 *
 * What: a postmortem with status `final` or `published` has `mitigated`, `resolved` and
 * `root_causes`; one `in-review` has `root_causes`.
 *
 * Why: readers of a final postmortem expect to learn when it ended and why it happened.
 *
 * How to fix: fill in the missing keys, or move the status back to `draft`.
 *
 * Examples:
 *   not ok:  status: final  (and no `resolved`)
 *   ok:      status: draft  (and no `resolved`)
 */
import { modelRule } from '../model-rule.js';

/** The `status-requirements` rule. */
export default modelRule(
  'status-requirements',
  'final/published need mitigated, resolved, root_causes; in-review needs root_causes.',
);
