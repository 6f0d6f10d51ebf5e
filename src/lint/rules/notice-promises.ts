import { ACTION_ITEM_TYPES } from '../../model/format.js';
import { DEFAULT_PROMISE_TYPES, checkNoticePromises } from '../../notice/promise-checks.js';
import { noticeSettingsOf } from '../notice-settings.js';
import { defineRule } from '../types.js';

/** The `notice-promises` rule. */
export default defineRule({
  id: 'notice-promises',
  defaultLevel: 'warn',
  description: 'The notice presents a fix as in place only when its action item is done.',
  fixable: false,
  dependsOn: ['noticeLanguages'],
  docs: {
    what:
      'A sentence of `notice.what_happened`, `customer_impact`, `next_steps` or `apology` that presents a fix as ' +
      'already in place needs a `done` action item behind it. **Phrases:** English "now" (not "until now", "by ' +
      'now", "for now", "right now", "now that"), "from now on", "going forward" (not with "will"), "we have / we\'ve ' +
      '(now, already, since) added, introduced, ' +
      'installed, implemented, deployed, built, set up, put in place, enabled, rolled out"; German "jetzt", "nun", ' +
      '"nunmehr" (not "bis jetzt"), "ab sofort", "ab jetzt", "von nun an", "wir haben … ' +
      'eingeführt / eingebaut / hinzugefügt / eingerichtet / umgesetzt / installiert / ergänzt / aktiviert / ' +
      'umgestellt"; French "désormais", "dorénavant", "maintenant", "à partir de maintenant", "dès à présent", ' +
      '"nous avons … ajouté / mis en place / introduit / installé / déployé / renforcé / activé". A clause that ' +
      'speaks of recovery ("again", "available", "restored"; "wieder", "erreichbar", "verfügbar"; "de nouveau", ' +
      '"rétabli") is no claim: "the service is now available again" passes. A claim carries on to the later clauses ' +
      'of its sentence ("we now test X, and we check Y" claims both). "Künftig" / "in future" promise, they do not ' +
      'claim, and pass. **Matching:** each claimed clause is compared with the `Action` text of every item whose ' +
      '`Type` is `prevent` or `mitigate` (the `types` option): words of three letters or more, without common ' +
      'function words, with plural and tense endings cut, and one word counting as another when one begins the ' +
      'other ("backed" up / "backups"). The items sharing the most words, at least two, are the claim\'s items: ' +
      'one of them must be `done`. A clause that shares two words with no item (a translation of an English table, ' +
      'or a summary of several fixes) is backed only when every such item is `done` or `wontfix` and one is ' +
      '`done`. A file without an action-items table is not checked.',
    why:
      'Customers read "we now test every update" as a fact. When the item behind it is still open, the notice ' +
      'says something untrue, and the next incident of the same kind proves it.',
    options:
      '`{"types": ["prevent", "mitigate", "detect"]}`: the action-item types whose status backs a claim (default ' +
      '`prevent` and `mitigate`); add `detect` when notices promise monitoring.',
    fix:
      'Mark the item `done` when the fix is in place, or say honestly what is under way ("we are adding…", "bis ' +
      'Ende April stellen wir … um").',
    examples: {
      notOk:
        'next_steps: { en: "We now test every update against a copy of real data." }\n' +
        '| Test every update against a masked copy of real data | prevent | qa | 2024-05-01 | in-progress |',
      ok:
        'next_steps: { en: "We are starting to test every update against a copy of real data." }\n' +
        '| Test every update against a masked copy of real data | prevent | qa | 2024-05-01 | in-progress |',
    },
  },
  options: (z) => z.strictObject({ types: z.array(z.enum(ACTION_ITEM_TYPES)).min(1).optional() }),
  check: ({ pm, settings, options }) =>
    checkNoticePromises(pm, noticeSettingsOf(settings), options.types ?? DEFAULT_PROMISE_TYPES),
});
