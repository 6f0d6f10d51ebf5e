import { ROOT_CAUSE_CATEGORIES } from '../../model/format.js';
import { isRecord } from '../../model/guards.js';
import { keyPosition } from '../../model/validate.js';
import { defineRule } from '../types.js';

/** The `root-cause-category` rule. */
export default defineRule({
  id: 'root-cause-category',
  defaultLevel: 'error',
  description: 'Root-cause categories come from the taxonomy (plus config).',
  fixable: false,
  dependsOn: ['categories'],
  format: true,
  docs: {
    what:
      'Each `root_causes[].category` comes from the taxonomy (failed-rollback, untested-update, missing-backup, ' +
      'data-migration, capacity, network, configuration, dependency, other) or from `categories` in the project ' +
      'config.',
    why: 'Categories are counted across postmortems; a free-form category falls out of every count.',
    fix: 'Pick a category from the list, or add yours to `categories` in `.postmortemrc.json`.',
    examples: { notOk: 'root_causes:\n  - category: human', ok: 'root_causes:\n  - category: configuration' },
  },
  check: ({ pm, settings, report }) => {
    const causes = pm.data.root_causes;
    if (!Array.isArray(causes)) return;
    const allowed = [...ROOT_CAUSE_CATEGORIES, ...(settings.format.categories ?? [])];
    causes.forEach((cause, i) => {
      if (!isRecord(cause) || typeof cause.category !== 'string') return;
      if (!allowed.includes(cause.category)) {
        report({
          message: `Expected a root-cause category out of ${allowed.join(', ')}, found "${cause.category}".`,
          ...keyPosition(pm, `root_causes.${i}.category`),
        });
      }
    });
  },
});
