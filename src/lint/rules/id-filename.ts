/**
 * Rule `id-filename` (default: error)
 *
 * What: `id` has the form `YYYY-MM-DD-slug` (slug of a-z, 0-9 and -, at most 60 characters),
 * equals the file name without `.md`, and is unique across all files linted in one run (the
 * engine compares the ids of all files).
 *
 * Why: ids are how other postmortems, tickets and the published site refer to an incident; two
 * files with one id overwrite each other when published.
 *
 * How to fix: rename the file or change the id so they agree; give a duplicate a new slug.
 *
 * Examples:
 *   not ok:  file 2020-01-01-db.md with `id: 2020-01-01-database`
 *   ok:      file 2020-01-01-db.md with `id: 2020-01-01-db`
 */
import { modelRule } from '../model-rule.js';

/** The `id-filename` rule (per file; uniqueness is checked by the engine across files). */
export default modelRule('id-filename', 'id is YYYY-MM-DD-slug, equals the file name and is unique.');
