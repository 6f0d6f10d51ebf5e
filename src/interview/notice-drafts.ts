/**
 * First drafts of the customer notice, built from earlier answers. They use only facts that are
 * safe to publish (date, duration, data loss, the kind of cause), never names of hosts or people.
 * The sentences are the language modules' (`drafts`), so a language brings its own.
 */
import { NOTICE_FIELDS, deriveFigures } from '../model/index.js';
import { LANGUAGES, languageModule, type Language } from '../language/index.js';
import type { Answers } from './answers.js';

/** The day as written in `started` (its own offset), in words: customers never read "2009-10-02". */
function startDay(answers: Answers, lang: Language): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(answers.started ?? '');
  if (!iso) return null;
  const module = languageModule(lang);
  const ms = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), 12);
  return module.day(ms, { zone: { kind: 'offset', minutes: 0 }, locale: module.defaultLocale });
}

/** How long customers were affected, in words of the language (never "4 d 8 h"), or null while unknown. */
function impactInWords(answers: Answers, lang: Language): string | null {
  const impact = deriveFigures(answers as Record<string, unknown>).impactDuration;
  return impact !== null && impact > 0 ? languageModule(lang).duration(impact) : null;
}

/** The severity's reach in a language: how much of the service was hit. */
function reachOf(answers: Answers, lang: Language): string {
  const r = languageModule(lang).drafts.reach;
  const severity = answers.severity ?? '';
  return severity === 'SEV1' || severity === 'SEV2' || severity === 'SEV3' || severity === 'SEV4'
    ? r[severity]
    : r.other;
}

/**
 * A proposed `notice.status` in one language: the facts the engineer gave (day, severity, duration,
 * "no data was lost" when they said so), then their own sentences about lost data from
 * `customer_impact` and the first sentence of their apology. Nothing it says was not given.
 */
export function statusDraft(
  answers: Answers,
  wording: { customer_impact: string; apology: string },
  lang: Language,
): string {
  const module = languageModule(lang);
  const windows = answers.impact?.windows?.length ?? 0;
  const dataLost = answers.impact?.data_loss;
  const facts = module.drafts.status({
    reach: reachOf(answers, lang),
    day: startDay(answers, lang),
    duration: impactInWords(answers, lang),
    total: windows > 1,
    outage: answers.severity === 'SEV1',
    dataLost,
  });
  const lostData =
    dataLost === true ? module.sentences(wording.customer_impact).filter((s) => module.speaksOfDataLoss(s)) : [];
  const apology = module.sentences(wording.apology).slice(0, 1);
  return [...facts, ...lostData, ...apology].join(' ');
}

/** Draft text for every notice field and language. */
export function noticeDrafts(answers: Answers): Record<(typeof NOTICE_FIELDS)[number], Record<Language, string>> {
  const dayIn = (lang: Language) => startDay(answers, lang);
  const duration = (lang: Language) => impactInWords(answers, lang);
  const categories = [...new Set((answers.root_causes ?? []).map((c) => c.category))];
  const lost = answers.impact?.data_loss === true;
  // Lost data or a total outage is real harm: the apology owns it instead of naming an "inconvenience".
  const harm = lost || answers.severity === 'SEV1';
  const each = (draft: (lang: Language) => string) =>
    Object.fromEntries(LANGUAGES.map((lang) => [lang, draft(lang)])) as Record<Language, string>;
  const words = (lang: Language) => languageModule(lang).drafts;
  const reach = (lang: Language) => reachOf(answers, lang);
  return {
    headline: each((lang) => words(lang).headline(dayIn(lang), answers.severity === 'SEV1')),
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
