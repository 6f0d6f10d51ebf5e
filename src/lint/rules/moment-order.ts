import { MOMENTS } from '../../model/format.js';
import { keyPosition, momentInstants } from '../../model/validate.js';
import { defineRule } from '../types.js';

/** The `moment-order` rule. */
export default defineRule({
  id: 'moment-order',
  defaultLevel: 'error',
  description: 'started <= detected <= mitigated <= resolved.',
  fixable: false,
  format: true,
  docs: {
    what: '`started <= detected <= mitigated <= resolved`, compared as instants (offsets applied).',
    why:
      'The derived figures (time to detect, mitigate, resolve) are differences of these moments; a moment out of ' +
      'order yields a negative duration in every report.',
    fix: 'Correct the moment that is out of order; often an offset or a date is wrong.',
    examples: {
      notOk: 'started: "2020-01-01T10:00:00Z"\ndetected: "2020-01-01T09:00:00Z"',
      ok: 'started: "2020-01-01T10:00:00Z"\ndetected: "2020-01-01T10:05:00Z"',
    },
  },
  check: ({ pm, report }) => {
    const instants = momentInstants(pm.data);
    let previous: (typeof MOMENTS)[number] | null = null;
    for (const moment of MOMENTS) {
      const ms = instants[moment];
      if (ms === undefined) continue;
      if (previous !== null && ms < (instants[previous] as number)) {
        report({
          message: `Expected \`${moment}\` at or after \`${previous}\` (${String(pm.data[previous])}), found "${String(pm.data[moment])}".`,
          ...keyPosition(pm, moment),
        });
      } else {
        previous = moment;
      }
    }
  },
});
