/**
 * Rule `root-cause-category` (default: error)
 *
 * What: each `root_causes[].category` comes from the taxonomy (failed-rollback, untested-update,
 * missing-backup, data-migration, capacity, network, configuration, dependency, other) or from
 * `categories` in the project config.
 *
 * Why: categories are counted across postmortems; a free-form category falls out of every count.
 *
 * How to fix: pick a category from the list, or add yours to `categories` in `.postmortemrc.json`.
 *
 * Examples:
 *   not ok:  - category: human
 *   ok:      - category: configuration
 */
import { modelRule } from '../model-rule.js';

/** The `root-cause-category` rule. */
export default modelRule('root-cause-category', 'Root-cause categories come from the taxonomy (plus config).');
