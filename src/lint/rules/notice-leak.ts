import { checkLeaks } from '../../notice/leak-checks.js';
import { noticeSettingsOf } from '../notice-settings.js';
import { patternOption } from '../pattern-option.js';
import { defineRule } from '../types.js';

/** The `notice-leak` rule. */
export default defineRule({
  id: 'notice-leak',
  defaultLevel: 'error',
  description: 'The customer notice contains no internal details; patterns extendable.',
  fixable: false,
  dependsOn: ['internalPatterns', 'publicContacts', 'noticeLanguages', 'displayNames', 'signature'],
  docs: {
    what:
      'The customer `notice` (every `notice.*` text, in every language) contains no internal details: host names ' +
      '(`*.internal`, `*.local`, `*.localdomain`, `*.corp`, `*.lan`, `*.intranet`, `*.home.arpa`), private IPv4 ' +
      '(10/8, 172.16/12, 192.168/16, 127/8) or IPv6 (ULA `fc00::/7`, link-local `fe80::/10`) addresses, e-mail ' +
      'addresses (except those the config lists in `notice.publicContacts`, such as a support address), ticket ids ' +
      '(`CRM-4711`; `UTF-8`, `ISO-8601`, `SHA-256` and similar are not tickets), or the ' +
      'authors\' names (full name in any case, surname as written; an author named as a team, such as "Database ' +
      'reliability team", has no surname). The display names of the services and the ' +
      "e-mail signature are checked too, wherever they come from (the file or the config's `notice` block). The " +
      'position is the value in the front matter. `postmortem notice` and `publish` run this rule with the same ' +
      'patterns.',
    why: 'The notice is published to customers; everything else in the file is internal.',
    fix: 'Rewrite the notice in plain customer language ("one of our database servers" rather than `db-07.corp`).',
    options:
      '`{"patterns": ["\\\\bproject-x\\\\b"]}`: more regular expressions (JavaScript syntax) that must not appear, ' +
      'besides `internalPatterns` in the config.',
    examples: {
      notOk: 'notice:\n  what_happened:\n    en: "We restarted db-07.corp (see CRM-4711)."',
      ok: 'notice:\n  what_happened:\n    en: "We restarted one of our database servers."',
    },
  },
  options: (z) =>
    z.strictObject({
      patterns: z.array(patternOption(z)).optional(),
    }),
  // The settings' leak patterns already hold this rule's `patterns` option (noticeSettingsOf reads it).
  check: ({ pm, settings }) => checkLeaks(pm, noticeSettingsOf(settings)),
});
