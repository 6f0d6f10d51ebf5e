import { NOTICE_FIELDS, NOTICE_OPTIONAL_FIELDS } from '../../model/format.js';
import { keyPosition } from '../../model/validate.js';
import { noticeBlock } from '../../notice/wording-checks.js';
import { defineRule, type RuleContext } from '../types.js';

/** The keys the notice reads from a file's `notice` block. */
const FILE_KEYS: ReadonlySet<string> = new Set([
  'languages',
  ...NOTICE_FIELDS,
  ...NOTICE_OPTIONAL_FIELDS,
  'signature',
  'company',
  'services',
]);

/** Keys only the project config's `notice` block has: one setting for every postmortem and every reader. */
const CONFIG_KEYS: ReadonlySet<string> = new Set(['timezone', 'locale', 'publicContacts']);

function checkKeys({ pm, report }: RuleContext): void {
  const notice = noticeBlock(pm);
  if (!notice) return;
  for (const key of Object.keys(notice)) {
    if (FILE_KEYS.has(key)) continue;
    const where = keyPosition(pm, `notice.${key}`, 'key');
    const name = `notice.${key}`;
    if (CONFIG_KEYS.has(key)) {
      const zone = key === 'timezone' ? " (the zone the incident was lived in is the file's top-level `timezone`)" : '';
      report({
        message:
          `Expected \`${name}\` in the project config, found it in the front matter, where it is ignored: ` +
          `move it to the \`notice\` block of .postmortemrc.json${zone}.`,
        ...where,
      });
    } else {
      report({
        message:
          `Expected a key of the notice block (${[...FILE_KEYS].join(', ')}), found \`${name}\`, which is ignored; ` +
          'correct its name, or move a project setting to the `notice` block of .postmortemrc.json.',
        ...where,
      });
    }
  }
}

/** The `notice-keys` rule. */
export default defineRule({
  id: 'notice-keys',
  defaultLevel: 'warn',
  description:
    "The file's notice block holds only keys the notice reads; settings such as timezone belong in the config.",
  fixable: false,
  docs: {
    what:
      "Every key of the file's `notice` block is one the notice reads: `languages`, `headline`, `what_happened`, " +
      '`customer_impact`, `next_steps`, `apology`, `status`, `signature`, `company`, `services`. `notice.timezone`, ' +
      '`notice.locale` and `notice.publicContacts` are settings of the project config (`.postmortemrc.json`), not of ' +
      'a file. A warning: the notice is still written, without the key.',
    why:
      'A key the notice does not read is silently ignored: a `notice.timezone: { de: Europe/Berlin }` in the front ' +
      'matter leaves German readers with the file’s zone, and a misspelt `signatrue` sends e-mails unsigned.',
    fix:
      "Move `timezone`, `locale` and `publicContacts` to the config's `notice` block (the zone the incident was lived " +
      "in is the file's top-level `timezone`); correct a misspelt key.",
    examples: {
      notOk: 'notice:\n  languages: [en, de]\n  timezone: { de: Europe/Berlin }',
      ok: 'timezone: Europe/Berlin\nnotice:\n  languages: [en, de]',
    },
  },
  check: checkKeys,
});
