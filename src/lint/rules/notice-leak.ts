/**
 * Rule `notice-leak` (default: error)
 *
 * What: the customer `notice` (every `notice.*` text, in every language) contains no internal
 * details: host names (`*.internal`, `*.local`, `*.corp`, `*.lan`, …), private IPv4 and IPv6
 * addresses, e-mail addresses, ticket ids (`CRM-4711`) or the authors' names. Extra patterns
 * (regular expressions) come from `internalPatterns` in the config or
 * `["error", {"patterns": ["\\bproject-x\\b"]}]`. `postmortem notice` runs the same check.
 *
 * Why: the notice is published to customers; everything else in the file is internal.
 *
 * How to fix: rewrite the notice in plain customer language ("one of our database servers"
 * rather than `db-07.corp`).
 *
 * Examples:
 *   not ok:  en: "We restarted db-07.corp (see CRM-4711)."
 *   ok:      en: "We restarted one of our database servers."
 */
import { checkNoticeLeaks } from '../../model/notice-checks.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'notice-leak',
  defaultLevel: 'error',
  description: 'The customer notice contains no internal details; patterns extendable.',
  fixable: false,
  check: ({ pm, options, settings }) => {
    const extra = Array.isArray(options.patterns)
      ? options.patterns.filter((p): p is string => typeof p === 'string')
      : [];
    return checkNoticeLeaks(pm, { internalPatterns: [...settings.internalPatterns, ...extra] }).map(
      ({ ruleId: _r, severity: _s, ...report }) => report,
    );
  },
};

export default rule;
