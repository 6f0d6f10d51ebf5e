import { ID_PATTERN } from '../../model/format.js';
import { idFromPath } from '../../model/parse.js';
import { parseInstant } from '../../model/timestamp.js';
import { keyPosition } from '../../model/validate.js';
import { defineRule } from '../types.js';

/** The `id-filename` rule (per file; uniqueness is checked by the engine across files). */
export default defineRule({
  id: 'id-filename',
  defaultLevel: 'error',
  description: 'id is YYYY-MM-DD-slug, equals the file name and is unique.',
  fixable: false,
  dependsOn: ['idMatchesFileName'],
  format: true,
  docs: {
    what:
      '`id` has the form `YYYY-MM-DD-slug` (slug of a-z, 0-9 and -, at most 60 characters, a real date), equals ' +
      'the file name without `.md`, and is unique across all files linted in one run (each file with a duplicate ' +
      'id gets an error naming the others). `render` and `notice` do not compare the id with the file name.',
    why:
      'Ids are how other postmortems, tickets and the published site refer to an incident; two files with one id ' +
      'overwrite each other when published.',
    fix: 'Rename the file or change the id so they agree; give a duplicate a new slug.',
    examples: {
      notOk: '# postmortems/2020-01-01-db.md\nid: 2020-01-01-database',
      ok: '# postmortems/2020-01-01-db.md\nid: 2020-01-01-db',
    },
  },
  check: ({ pm, settings, report }) => {
    const id = pm.data.id;
    if (typeof id !== 'string') return;
    const at = keyPosition(pm, 'id');
    if (!ID_PATTERN.test(id) || !/^\d{4}-\d{2}-\d{2}/.test(id) || parseInstant(`${id.slice(0, 10)}T00:00Z`) === null) {
      report({
        message: `Expected \`id\` of the form YYYY-MM-DD-slug (slug of a-z, 0-9 and -, at most 60), found "${id}".`,
        ...at,
      });
    }
    if (settings.format.idMatchesFileName !== false && /\.md$/i.test(pm.path)) {
      const expected = idFromPath(pm.path);
      if (expected !== id)
        report({ message: `Expected \`id\` to equal the file name "${expected}", found "${id}".`, ...at });
    }
  },
});
