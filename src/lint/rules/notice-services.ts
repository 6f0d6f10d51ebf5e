import { checkServiceNames } from '../../notice/facts-checks.js';
import { noticeSettingsOf } from '../notice-settings.js';
import { defineRule } from '../types.js';

/** The `notice-services` rule. */
export default defineRule({
  id: 'notice-services',
  defaultLevel: 'error',
  description: 'Every affected service has a display name for customers in every notice language, without an article.',
  fixable: false,
  dependsOn: ['displayNames', 'noticeLanguages'],
  docs: {
    what:
      'When the file has a `notice`, every id in `services` has a display name in each notice language, from the ' +
      "file's `notice.services` or the config's `notice.services` (the file's wins). The position is the id in " +
      '`services`; the message says where to add the name. A German display name that starts with a lower-case ' +
      'article ("den Parlo-Feed") is reported at the name: it is written once, in the nominative, without its article ' +
      '("Parlo-Feed"). `postmortem notice` and `publish` run this rule for the language they write.',
    why:
      'Customers never read a raw service id such as `crm-web`; they know the product by its name. The notice lists ' +
      'the names after "Betroffen waren:" and a status page shows each as a component, where "den Parlo-Feed" is wrong.',
    fix:
      'Add the name under `notice.services` in the file (`crm-web: { en: "CRM web app", de: "CRM-Web-App" }`), or ' +
      'once for every postmortem in `.postmortemrc.json` under `notice.services`.',
    examples: {
      notOk: 'services: [crm-web]\nnotice:\n  languages: [en]',
      ok: 'services: [crm-web]\nnotice:\n  languages: [en]\n  services:\n    crm-web: { en: "CRM web app" }',
    },
  },
  check: ({ pm, settings }) => checkServiceNames(pm, noticeSettingsOf(settings)),
});
