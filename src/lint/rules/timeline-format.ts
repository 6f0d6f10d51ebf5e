/**
 * Rule `timeline-format` (default: error)
 *
 * What: the Timeline section is a list, and each item starts with a timestamp
 * `YYYY-MM-DD HH:MM[:SS]`, a zone (`Z`, `UTC` or `±HH:MM`), a separator (`—`, `–`, `-` or `:`)
 * and the event.
 *
 * Why: the timeline is checked against the front-matter moments and rendered for readers in
 * their own zone; both need a parsable time with a zone.
 *
 * How to fix: write the item as `- 2017-09-21 14:02 +02:00 — what happened`. `--fix` turns
 * `UTC` into `Z`, `+0200` into `+02:00` and every separator into ` — `.
 *
 * Examples:
 *   not ok:  - 14:02 Release deployed
 *   ok:      - 2017-09-21 14:02 +02:00 — Release deployed
 */
import { modelRule } from '../model-rule.js';

/** The `timeline-format` rule. */
export default modelRule('timeline-format', 'Timeline items start with a timestamp with a zone and a separator.');
