import { keyPosition } from '../../model/validate.js';
import { defineRule } from '../types.js';

/** The `status-requirements` rule. */
export default defineRule({
  id: 'status-requirements',
  defaultLevel: 'error',
  description: 'final/published need mitigated, resolved, root_causes; in-review needs root_causes.',
  fixable: false,
  format: true,
  docs: {
    what:
      'A postmortem with status `final` or `published` has `mitigated`, `resolved` and `root_causes`; one ' +
      '`in-review` has `root_causes`.',
    why: 'Readers of a final postmortem expect to learn when it ended and why it happened.',
    fix: 'Fill in the missing keys, or move the status back to `draft`.',
    examples: { notOk: 'status: final   # and no `resolved`', ok: 'status: draft   # and no `resolved`' },
  },
  check: ({ pm, report }) => {
    const status = pm.data.status;
    const needed: string[] = [];
    if (status === 'final' || status === 'published') needed.push('mitigated', 'resolved', 'root_causes');
    else if (status === 'in-review') needed.push('root_causes');
    for (const key of needed) {
      const v = pm.data[key];
      if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
        report({
          message: `Expected \`${key}\` in a postmortem with status ${String(status)}, found none.`,
          ...keyPosition(pm, 'status'),
        });
      }
    }
  },
});
