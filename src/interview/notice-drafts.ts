/**
 * First drafts of the customer notice, built from earlier answers. They use only facts that are
 * safe to publish (date, duration, data loss, the kind of cause), never names of hosts or people.
 * The sentences are the language modules' (`drafts`), so a language brings its own.
 */
import { NOTICE_FIELDS, deriveFigures } from '../model/index.js';
import { LANGUAGES, languageModule, type Language } from '../language/index.js';
import type { Answers } from './answers.js';

/** Draft text for every notice field and language. */
export function noticeDrafts(answers: Answers): Record<(typeof NOTICE_FIELDS)[number], Record<Language, string>> {
  // The day as written in `started` (its own offset), in words: customers never read "2009-10-02".
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(answers.started ?? '');
  const dayMs = iso ? Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), 12) : null;
  const dayIn = (lang: Language) => {
    const module = languageModule(lang);
    return dayMs === null
      ? null
      : module.day(dayMs, { zone: { kind: 'offset', minutes: 0 }, locale: module.defaultLocale });
  };
  const figures = deriveFigures(answers as Record<string, unknown>);
  const impact = figures.impactDuration !== null && figures.impactDuration > 0 ? figures.impactDuration : null;
  // Customers read the duration in words of their language, never "4 d 8 h".
  const duration = (lang: Language) => (impact === null ? null : languageModule(lang).duration(impact));
  const categories = [...new Set((answers.root_causes ?? []).map((c) => c.category))];
  const lost = answers.impact?.data_loss === true;
  // Lost data or a total outage is real harm: the apology owns it instead of naming an "inconvenience".
  const harm = lost || answers.severity === 'SEV1';
  const severity = answers.severity ?? '';
  const each = (draft: (lang: Language) => string) =>
    Object.fromEntries(LANGUAGES.map((lang) => [lang, draft(lang)])) as Record<Language, string>;
  const words = (lang: Language) => languageModule(lang).drafts;
  const reach = (lang: Language) => {
    const r = words(lang).reach;
    return severity === 'SEV1' || severity === 'SEV2' || severity === 'SEV3' || severity === 'SEV4'
      ? r[severity]
      : r.other;
  };
  return {
    headline: each((lang) => words(lang).headline(dayIn(lang))),
    what_happened: each(
      (lang) =>
        categories.map((c) => words(lang).causes[c] ?? words(lang).causes.other).join(' ') ||
        (words(lang).causes.other as string),
    ),
    customer_impact: each((lang) => words(lang).customerImpact(duration(lang), reach(lang), lost)),
    next_steps: each((lang) => words(lang).nextSteps(lost)),
    apology: each((lang) => words(lang).apology(harm)),
  };
}
