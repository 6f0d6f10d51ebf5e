import { MOMENTS } from '../../model/format.js';
import { keyPosition, momentInstants } from '../../model/validate.js';
import { defineRule } from '../types.js';

/** Equal as a set's keys are (NaN equals NaN), which `===` is not. */
function sameInstant(a: number | null | undefined, b: number): boolean {
  return a === b || (typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/** The `timeline-moments` rule. */
export default defineRule({
  id: 'timeline-moments',
  defaultLevel: 'warn',
  description: 'Each front-matter moment matches a timeline item.',
  fixable: false,
  format: true,
  docs: {
    what:
      'Each front-matter moment (`started`, `detected`, `mitigated`, `resolved`) matches the instant of a ' +
      'timeline item.',
    why: 'The moments are typed twice (front matter and timeline); when they disagree, one is wrong.',
    fix: 'Add the missing timeline item, or correct the moment or the item.',
    examples: {
      notOk: 'detected: "2020-01-01T10:05:00Z"   # and no timeline item at 10:05 Z',
      ok: 'detected: "2020-01-01T10:05:00Z"\n…\n- 2020-01-01 10:05 Z — Alert fires',
    },
  },
  check: ({ pm, report }) => {
    if (pm.timeline.length === 0) return;
    const moments = momentInstants(pm.data);
    for (const moment of MOMENTS) {
      const ms = moments[moment];
      // A look through the items for each of the (at most four) moments: no set of every item's instant.
      if (ms !== undefined && !pm.timeline.some((i) => sameInstant(i.timestamp?.instant, ms))) {
        report({
          message: `Expected a timeline item at \`${moment}\` (${String(pm.data[moment])}), found none.`,
          ...keyPosition(pm, moment),
        });
      }
    }
  },
});
