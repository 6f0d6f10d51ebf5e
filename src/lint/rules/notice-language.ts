import { noticeSettingsOf } from '../notice-settings.js';
import { checkNoticeLanguage } from '../../notice/wording-checks.js';
import { defineRule } from '../types.js';

/** The `notice-language` rule. */
export default defineRule({
  id: 'notice-language',
  defaultLevel: 'error',
  description: 'The notice has its wording in every language it declares, and a one-line headline.',
  fixable: false,
  dependsOn: ['noticeLanguages', 'company'],
  docs: {
    what:
      'For every language in `notice.languages` (`en`, `de`), the notice has a non-empty `headline`, ' +
      '`what_happened`, `customer_impact` and `next_steps`; the headline and the company name (`notice.company` in the ' +
      'file or the config) are one line each, since they make the e-mail subject. A file without a `notice` block passes; ' +
      '`postmortem notice` and `publish` then refuse it, since they are asked for a notice. They run this rule ' +
      'for the language they write.',
    why:
      'A notice is published unedited; a missing field would go out as an empty paragraph, or not at all in one ' +
      'of the languages customers were promised.',
    fix: 'Write the missing wording, or take the language out of `notice.languages`.',
    examples: {
      notOk: 'notice:\n  languages: [en, de]\n  headline: { en: "Disruption of the web app" }',
      ok: 'notice:\n  languages: [en, de]\n  headline: { en: "Disruption of the web app", de: "Störung der Web-App" }',
    },
  },
  check: ({ pm, settings }) => checkNoticeLanguage(pm, noticeSettingsOf(settings)),
});
