/**
 * Rule `timeline-order` (default: error)
 *
 * What: timeline items are in chronological order (compared as instants, offsets applied).
 *
 * Why: readers follow the timeline top to bottom; an item out of place tells a different story.
 *
 * How to fix: move the item to its place. `--fix` sorts the timeline when every item has a
 * valid timestamp (items with equal times keep their order).
 *
 * Examples:
 *   not ok:  - 2020-01-01 10:05 Z — b   then   - 2020-01-01 10:00 Z — a
 *   ok:      - 2020-01-01 10:00 Z — a   then   - 2020-01-01 10:05 Z — b
 */
import { modelRule } from '../model-rule.js';
import { sortableTimeline } from '../fix.js';

/** The `timeline-order` rule. */
export default modelRule('timeline-order', 'Timeline items are chronological.', {
  fixable: true,
  decorate: (reports, { pm }) => (sortableTimeline(pm) ? reports.map((r) => ({ ...r, fixable: true })) : reports),
});
