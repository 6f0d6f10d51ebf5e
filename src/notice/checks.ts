/**
 * The checks a notice passes before it reaches customers, as a registry: each has an id (the lint
 * rule id it will become), a default severity and a pure `(pm, settings) => findings` function.
 */
import { checkNoticeLeaks, findLeaks } from '../model/notice-checks.js';
import { isRecord } from '../model/guards.js';
import { keyPosition } from '../model/validate.js';
import type { Finding, Position, Postmortem, Problem, ProblemSeverity } from '../model/types.js';
import {
  checkServiceNames,
  checkSignature,
  checkWindows,
  noticeSignature,
  serviceDisplayName,
  serviceIds,
} from './facts-checks.js';
import type { NoticeSettings } from './settings.js';
import {
  checkNoticeApology,
  checkNoticeLanguage,
  checkNoticeWording,
  languagesOf,
  noticeBlock,
} from './wording-checks.js';

/** The wording checks and helpers, re-exported so that callers (and later lint rules) import one module. */
export {
  checkNoticeApology,
  checkNoticeLanguage,
  checkNoticeWording,
  REQUIRED_WORDING,
  noticeBlock,
  noticeText,
} from './wording-checks.js';
/** The checks of the facts, re-exported for the same reason. */
export { checkServiceNames, checkSignature, checkWindows } from './facts-checks.js';

/** One notice check: an id, its default severity, the channels it matters for, and the pure check. */
export interface NoticeCheck {
  id: string;
  severity: ProblemSeverity;
  /** Channels the check applies to; all when absent (a signature matters only to e-mails). */
  channels?: readonly string[];
  check: (pm: Postmortem, settings: NoticeSettings) => Finding[];
}

/**
 * `notice-leak`: the model's leak finder over the notice, with the project's patterns, and over the
 * display names and signature customers read, wherever they come from (file or config).
 */
function checkLeaks(pm: Postmortem, settings: NoticeSettings): Finding[] {
  const out: Finding[] = checkNoticeLeaks(pm, {
    internalPatterns: settings.internalPatterns,
    ...(settings.languages ? { languages: settings.languages } : {}),
  }).map(({ ruleId: _r, severity: _s, ...finding }) => finding);
  const options = { authors: pm.data.authors, internalPatterns: settings.internalPatterns };
  for (const lang of languagesOf(pm, settings)) {
    const named: Array<[string, string, Position]> = serviceIds(pm).map((id, i) => [
      `the display name of "${id}"`,
      serviceDisplayName(pm, settings, id, lang),
      keyPosition(pm, `services.${i}`),
    ]);
    // A signature in the file is text of the notice block, which the model's finder has read already.
    const fileSignature = noticeBlock(pm)?.signature;
    if (!isRecord(fileSignature) || typeof fileSignature[lang] !== 'string') {
      named.push(['the signature', noticeSignature(pm, settings, lang), keyPosition(pm, 'notice', 'key')]);
    }
    for (const [what, text, at] of named) {
      for (const leak of findLeaks(text, options)) {
        out.push({
          message: `Expected customer-facing text in ${what} (${lang}), found ${leak.what}: "${leak.text}".`,
          ...at,
        });
      }
    }
  }
  return out;
}

/** Every notice check, in report order. */
export const NOTICE_CHECKS: readonly NoticeCheck[] = [
  { id: 'notice-language', severity: 'error', check: checkNoticeLanguage },
  { id: 'notice-apology', severity: 'error', check: checkNoticeApology },
  { id: 'notice-wording', severity: 'error', check: checkNoticeWording },
  { id: 'notice-leak', severity: 'error', check: checkLeaks },
  { id: 'notice-services', severity: 'error', check: checkServiceNames },
  { id: 'notice-signature', severity: 'warning', channels: ['email'], check: checkSignature },
  { id: 'impact-windows', severity: 'error', check: (pm) => checkWindows(pm) },
];

/** What the gate checks: one language for one channel. */
export interface NoticeGateOptions {
  lang: string;
  channel: string;
}

/**
 * Every check a notice must pass before it reaches customers, sorted by position. The config's
 * `rules` severities apply as in lint: "off" skips a check, "warn" makes it a warning.
 */
export function checkNotice(pm: Postmortem, options: NoticeGateOptions, settings: NoticeSettings): Problem[] {
  const scoped: NoticeSettings = { ...settings, languages: [options.lang] };
  const problems: Problem[] = [];
  for (const c of NOTICE_CHECKS) {
    if (c.channels && !c.channels.includes(options.channel)) continue;
    const level = settings.levels[c.id];
    if (level === 'off') continue;
    const severity: ProblemSeverity = level === 'warn' ? 'warning' : level === 'error' ? 'error' : c.severity;
    problems.push(...c.check(pm, scoped).map((f) => ({ ruleId: c.id, severity, ...f })));
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
