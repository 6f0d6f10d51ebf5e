/**
 * Rule `section-order` (default: warn)
 *
 * What: the level-2 sections appear in the configured order (FORMAT v1's order, or `sections`
 * from the config). Sections the order does not know are ignored.
 *
 * Why: readers skim; the same order in every postmortem makes them comparable.
 *
 * How to fix: move the section to its place.
 *
 * Examples:
 *   not ok:  `## Impact` before `## Summary`
 *   ok:      `## Summary` then `## Impact`
 */
import { modelRule } from '../model-rule.js';

/** The `section-order` rule. */
export default modelRule('section-order', 'Sections appear in the configured order.');
