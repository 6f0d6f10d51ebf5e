import { LANGUAGES, type Language } from '../../language/index.js';
import { noticeSettingsOf } from '../notice-settings.js';
import { checkNoticeWording } from '../../notice/wording-checks.js';
import { patternOption } from '../pattern-option.js';
import { defineRule } from '../types.js';

/** The `notice-wording` rule. */
export default defineRule({
  id: 'notice-wording',
  defaultLevel: 'error',
  description: 'The notice says "outage" / "Ausfall" / "panne" only for a SEV1 incident.',
  fixable: false,
  dependsOn: ['noticeLanguages'],
  docs: {
    what:
      'Below SEV1, no text of the notice says "outage" (English, also "outages"; not "power outage", the ' +
      'electricity\'s) or "Ausfall" (German, with its ' +
      'inflections: "Ausfälle", "Ausfällen"), as whole words. Of the German compounds only those that say the ' +
      'whole service was out count (Total-, Komplett-, Gesamt-, Voll-, System-, Dienst-, Server-, ' +
      'Plattformausfall); others name something else ("Zugausfälle" are train cancellations). French: "panne", ' +
      '"pannes" ("dépannage" is a repair, not the noun). Each language module holds its words. The texts read are every ' +
      'wording of the notice, `notice.status` included. The position is the word itself when the text is on one line. ' +
      '`postmortem notice` and `publish` run this rule for the language they write.',
    why:
      'FORMAT v1 keeps SEV1 for a total outage. Customers read "outage" as "nothing worked"; a degraded service ' +
      'called an outage alarms more than it informs, and the status page and the notice would disagree.',
    options:
      '`{"words": {"en": ["\\\\bdown\\\\b"], "de": ["nicht erreichbar"]}}`: more words (regular expressions, ' +
      'JavaScript syntax, matched case-insensitively) that the project keeps for a total outage, per language.',
    fix: 'Say "disruption" or "degraded service" ("Störung", "Beeinträchtigung", "perturbation"), or raise the severity if it was a total outage.',
    examples: {
      notOk: 'severity: SEV2\nnotice:\n  headline: { en: "Outage of the web app" }',
      ok: 'severity: SEV2\nnotice:\n  headline: { en: "Disruption of the web app" }',
    },
  },
  options: (z) =>
    z.strictObject({
      words: z.partialRecord(z.enum(LANGUAGES as [Language, ...Language[]]), z.array(patternOption(z))).optional(),
    }),
  check: ({ pm, settings, options }) => checkNoticeWording(pm, noticeSettingsOf(settings), options.words ?? {}),
});
