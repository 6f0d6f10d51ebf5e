import { checkSignature } from '../../notice/facts-checks.js';
import { noticeSettingsOf } from '../notice-settings.js';
import { defineRule } from '../types.js';

/** The `notice-signature` rule. */
export default defineRule({
  id: 'notice-signature',
  defaultLevel: 'warn',
  description: 'An e-mail notice would go out with a signature in every notice language.',
  fixable: false,
  dependsOn: ['signature', 'noticeLanguages'],
  docs: {
    what:
      "When the file has a `notice`, each of its languages has a signature for e-mails: the file's " +
      "`notice.signature` or the config's `notice.signature` (the file's wins). A warning: the blog post and the " +
      'status text need none. `postmortem notice --channel email` runs this rule for the language it writes.',
    why: 'An e-mail that ends without naming who sends it reads like spam, and customers cannot tell whom to answer.',
    fix: 'Add `"notice": { "signature": { "en": "The Relata team", "de": "Ihr Relata-Team" } }` to `.postmortemrc.json`.',
    examples: {
      notOk: 'notice:\n  languages: [en]',
      ok: 'notice:\n  languages: [en]\n  signature: { en: "The Relata team" }',
    },
  },
  check: ({ pm, settings }) => checkSignature(pm, noticeSettingsOf(settings)),
});
