import { checkWindows } from '../../notice/facts-checks.js';
import { defineRule } from '../types.js';

/** The `impact-windows` rule. */
export default defineRule({
  id: 'impact-windows',
  defaultLevel: 'error',
  description: 'impact.windows are ordered, do not overlap and lie within started..resolved.',
  fixable: false,
  format: true,
  docs: {
    what:
      'When the file has `impact.windows` (FORMAT v1.1), it is a non-empty list of `{start, end}` timestamps with ' +
      'offsets; each window ends after it starts, windows are in order and do not overlap, the first starts at ' +
      '`started`, and every window lies within `started`..`resolved`. No windows is fine: the impact then runs ' +
      'from `started` to `mitigated`.',
    why:
      'The customer impact is the sum of the windows, and `render` and the notice list them; windows out of order ' +
      'or overlapping would count minutes twice and tell customers times that contradict each other.',
    fix: 'Correct the window the message names; often a date or an offset is wrong, or two windows should be one.',
    examples: {
      notOk:
        'started: "2018-05-15T14:02:00+02:00"\n' +
        'impact:\n' +
        '  windows:\n' +
        '    - { start: "2018-05-15T14:02:00+02:00", end: "2018-05-15T14:40:00+02:00" }\n' +
        '    - { start: "2018-05-15T14:30:00+02:00", end: "2018-05-15T15:00:00+02:00" }',
      ok:
        'started: "2018-05-15T14:02:00+02:00"\n' +
        'impact:\n' +
        '  windows:\n' +
        '    - { start: "2018-05-15T14:02:00+02:00", end: "2018-05-15T14:31:00+02:00" }\n' +
        '    - { start: "2018-05-15T15:48:00+02:00", end: "2018-05-15T16:34:00+02:00" }',
    },
  },
  check: ({ pm }) => checkWindows(pm),
});
