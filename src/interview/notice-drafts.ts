/**
 * First drafts of the customer notice, built from earlier answers. They use only facts that are
 * safe to publish (date, duration, data loss, the kind of cause), never names of hosts or people.
 */
import { NOTICE_FIELDS, deriveFigures, formatDuration } from '../model/index.js';
import type { Answers, NoticeText } from './answers.js';
import { categoryDefinition } from './categories.js';

/** The notice languages the drafts are written in. */
export type NoticeLanguage = 'en' | 'de';

/** How much of the service was hit, in words that fit the severity (SEV1 is a total outage). */
const REACH: Record<string, { en: string; de: string }> = {
  SEV1: { en: 'our service was unavailable', de: 'war unser Dienst für Sie nicht erreichbar' },
  SEV2: {
    en: 'important parts of our service were unavailable',
    de: 'waren wichtige Teile unseres Dienstes für Sie nicht erreichbar',
  },
  SEV3: {
    en: 'parts of our service were slow or partly unavailable',
    de: 'waren Teile unseres Dienstes für Sie langsam oder teilweise nicht erreichbar',
  },
  SEV4: {
    en: 'parts of our service were slower than usual',
    de: 'waren Teile unseres Dienstes für Sie langsamer als gewohnt',
  },
};

/** For a severity the drafts do not know: the middle ground. */
const SOME = {
  en: 'parts of our service were slow or partly unavailable',
  de: 'waren Teile unseres Dienstes für Sie langsam oder teilweise nicht erreichbar',
};

/** Draft text for every notice field and language. */
export function noticeDrafts(answers: Answers): Record<(typeof NOTICE_FIELDS)[number], Required<NoticeText>> {
  const date = (answers.started ?? '').slice(0, 10);
  const figures = deriveFigures(answers as Record<string, unknown>);
  const duration =
    figures.impactDuration !== null && figures.impactDuration > 0 ? formatDuration(figures.impactDuration) : null;
  const categories = [...new Set((answers.root_causes ?? []).map((c) => c.category))];
  const causes = categories.map((c) => categoryDefinition(c).notice);
  const lost = answers.impact?.data_loss === true;
  const reach = REACH[answers.severity ?? ''] ?? SOME;
  return {
    headline: {
      en: date ? `Service disruption on ${date}` : 'Service disruption',
      de: date ? `Störung unseres Dienstes am ${date}` : 'Störung unseres Dienstes',
    },
    what_happened: {
      en: causes.map((c) => c.en).join(' ') || 'A technical problem in our systems caused a disruption.',
      de: causes.map((c) => c.de).join(' ') || 'Ein technisches Problem in unseren Systemen verursachte eine Störung.',
    },
    customer_impact: {
      en:
        `${capitalise(duration ? `for about ${duration}, ${reach.en}` : reach.en)} for you. ` +
        (lost ? 'Some data could not be recovered; we are contacting every customer affected.' : 'No data was lost.'),
      de:
        `${duration ? `Etwa ${duration} lang` : 'Zeitweise'} ${reach.de}. ` +
        (lost
          ? 'Einige Daten konnten nicht wiederhergestellt werden; wir melden uns bei allen betroffenen Kundinnen und Kunden.'
          : 'Es sind keine Daten verloren gegangen.'),
    },
    next_steps: {
      en: 'You do not need to do anything. We are making changes so that this does not happen again.',
      de: 'Sie müssen nichts tun. Wir nehmen Änderungen vor, damit sich dies nicht wiederholt.',
    },
    apology: {
      en: 'We are sorry for the disruption this caused you.',
      de: 'Es tut uns leid, dass Ihnen dadurch Unannehmlichkeiten entstanden sind.',
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
