import { checkTimezone } from '../../notice/facts-checks.js';
import { defineRule } from '../types.js';

/** The `notice-timezone` rule. */
export default defineRule({
  id: 'notice-timezone',
  defaultLevel: 'error',
  description: "The file's timezone is an IANA zone name or a fixed offset.",
  fixable: false,
  docs: {
    what:
      'The optional front-matter key `timezone` is an IANA zone name this Node knows (`Europe/Berlin`, `UTC`) or a ' +
      'fixed offset (`+02:00`, `Z`). `postmortem notice` and `publish` run this rule too.',
    why:
      'Notices show times in this zone (unless `--timezone` names another), and `lint --fix` adds offsets from it; ' +
      'an unknown name such as `CEST` or `Berlin` cannot be converted, so the notice could not be written.',
    fix: "Write the IANA name (`Europe/Berlin`, not `CEST`), or remove the key to use the config's `notice.timezone`.",
    examples: { notOk: 'timezone: CEST', ok: 'timezone: Europe/Berlin' },
  },
  check: ({ pm }) => checkTimezone(pm),
});
