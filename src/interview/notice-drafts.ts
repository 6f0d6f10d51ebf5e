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

/** The calendar day of `started` as customers write it ("March 1, 2024", "1. März 2024"); '' without one. */
function dayInWords(started: string | undefined, lang: NoticeLanguage): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(started ?? '')?.[0];
  if (!day) return '';
  // The day as written in `started` (its own offset), so noon UTC keeps the calendar date.
  const locale = lang === 'de' ? 'de-DE' : 'en-US';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** Draft text for every notice field and language; it states only facts the answers give. */
export function noticeDrafts(answers: Answers): Record<(typeof NOTICE_FIELDS)[number], Required<NoticeText>> {
  const date = { en: dayInWords(answers.started, 'en'), de: dayInWords(answers.started, 'de') };
  const figures = deriveFigures(answers as Record<string, unknown>);
  const ms = figures.impactDuration !== null && figures.impactDuration > 0 ? figures.impactDuration : null;
  const duration = ms === null ? null : { en: formatDuration(ms, 'en'), de: formatDuration(ms, 'de') };
  const categories = [...new Set((answers.root_causes ?? []).map((c) => c.category))];
  const causes = categories.map((c) => categoryDefinition(c).notice);
  const lost = answers.impact?.data_loss === true;
  // Lost data or a total outage is real harm: the apology owns it instead of naming an "inconvenience".
  const harm = lost || answers.severity === 'SEV1';
  const reach = REACH[answers.severity ?? ''] ?? SOME;
  return {
    headline: {
      en: date.en ? `Service disruption on ${date.en}` : 'Service disruption',
      de: date.de ? `Störung unseres Dienstes am ${date.de}` : 'Störung unseres Dienstes',
    },
    what_happened: {
      en: causes.map((c) => c.en).join(' ') || 'A technical problem in our systems caused a disruption.',
      de: causes.map((c) => c.de).join(' ') || 'Ein technisches Problem in unseren Systemen verursachte eine Störung.',
    },
    customer_impact: {
      en:
        `${capitalise(duration ? `for ${duration.en}, ${reach.en}` : reach.en)} for you. ` +
        (lost ? 'Data stored with us was lost.' : 'No data was lost.'),
      de:
        `${duration ? capitalise(`${duration.de} lang`) : 'Zeitweise'} ${reach.de}. ` +
        (lost ? 'Bei uns gespeicherte Daten sind verloren gegangen.' : 'Es sind keine Daten verloren gegangen.'),
    },
    // Whether customers must act after lost data is the engineer's to say; the draft does not claim they need not.
    next_steps: lost
      ? {
          en: 'We are making changes so that this does not happen again.',
          de: 'Wir nehmen Änderungen vor, damit sich dies nicht wiederholt.',
        }
      : {
          en: 'You do not need to do anything. We are making changes so that this does not happen again.',
          de: 'Sie müssen nichts tun. Wir nehmen Änderungen vor, damit sich dies nicht wiederholt.',
        },
    apology: harm
      ? {
          en: 'We are very sorry. You rely on us, and we let you down.',
          de: 'Es tut uns sehr leid. Sie verlassen sich auf uns, und wir haben Sie enttäuscht.',
        }
      : {
          en: 'We are sorry for the disruption this caused you.',
          de: 'Es tut uns leid, dass Sie davon betroffen waren.',
        },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
