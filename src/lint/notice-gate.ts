/**
 * The checks a notice passes before it reaches customers. Each is a lint rule (one module in
 * `src/lint/rules/`, calling the pure functions of this folder): the gate runs those rules with the
 * project's rule settings, as `lint` does, for the one language and channel being written.
 */
import { checkWithRules } from './check.js';
import type { LintSettings } from './types.js';
import type { Postmortem, Problem } from '../model/types.js';
import type { NoticeChannel } from '../notice/view.js';

/** The wording checks and helpers, re-exported so that callers import one module. */
export { checkNoticeApology, checkNoticeLanguage, checkNoticeWording } from '../notice/wording-checks.js';
/** The checks of the facts, re-exported for the same reason. */
export { checkServiceNames, checkSignature } from '../notice/facts-checks.js';

/** One rule of the notice gate and the channels it matters for (all when absent). */
export interface NoticeRule {
  id: string;
  channels?: readonly NoticeChannel[];
}

/**
 * The lint rules a notice must pass, besides the FORMAT rules every command checks (which include
 * `impact-windows`). A signature matters only to e-mails.
 */
export const NOTICE_RULES: readonly NoticeRule[] = [
  { id: 'notice-timezone' },
  { id: 'notice-language' },
  { id: 'notice-apology' },
  { id: 'notice-wording' },
  { id: 'notice-leak' },
  { id: 'notice-promises' },
  { id: 'notice-services' },
  { id: 'notice-signature', channels: ['email'] },
];

/** What the gate checks: one language for one channel. */
export interface NoticeGateOptions {
  lang: string;
  channel: NoticeChannel;
}

/**
 * Every problem that stops (errors) or accompanies (warnings) a notice in one language for one
 * channel, sorted by position: the notice rules at the levels and with the options the settings
 * give them, so a rule set to "off" or "warn" for `lint` is off or a warning here too.
 */
export function checkNotice(pm: Postmortem, options: NoticeGateOptions, settings: LintSettings): Problem[] {
  const ids = NOTICE_RULES.filter((r) => !r.channels || r.channels.includes(options.channel)).map((r) => r.id);
  const scoped: LintSettings = {
    ...settings,
    notice: { signature: {}, services: {}, ...settings.notice, languages: [options.lang] },
  };
  return checkWithRules(pm, ids, scoped);
}
