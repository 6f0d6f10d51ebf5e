import { noticeSettingsOf } from '../notice-settings.js';
import { checkNoticeApology } from '../../notice/wording-checks.js';
import { defineRule } from '../types.js';

/** The `notice-apology` rule. */
export default defineRule({
  id: 'notice-apology',
  defaultLevel: 'error',
  description: 'The notice apologises to customers, in every language.',
  fixable: false,
  dependsOn: ['noticeLanguages'],
  docs: {
    what:
      'Every language of the notice has `notice.apology`, and it apologises: English uses "sorry", "apologise" / ' +
      '"apologize", "apology" or "regret"; German "entschuldigen", "tut uns leid" or "bedauern". ' +
      '`postmortem notice` and `publish` run this rule for the language they write.',
    why:
      'A genuine apology is part of every good incident notice (PagerDuty, Atlassian: own it). "Thank you for your ' +
      'patience" is not one.',
    fix: 'Write one or two sentences that own the incident and say sorry.',
    examples: {
      notOk: 'notice:\n  apology: { en: "Thank you for your patience." }',
      ok: 'notice:\n  apology: { en: "We are sorry. You rely on us, and we let you down." }',
    },
  },
  check: ({ pm, settings }) => checkNoticeApology(pm, noticeSettingsOf(settings)),
});
