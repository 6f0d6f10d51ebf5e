/** English: everything the product says to customers in English (en-US by default, en-GB on request). */
import { durationInWords, wallTime, zoneName as zoneNameAt, type DurationWords } from './clock.js';
import { rangesText, withinOneDay, type RangeWords } from './ranges.js';
import { joinList, splitSentences } from './sentences.js';
import type { LanguageModule, NoticeFacts, Place } from './types.js';

/** Locales that write the day first and the time on a 24-hour clock. */
const DAY_FIRST = /^en-(GB|IE|AU|NZ|IN|ZA)$/;

const dayFirst = (place: Place) => DAY_FIRST.test(place.locale);

function day(ms: number, place: Place): string {
  const w = wallTime(ms, place.zone, place.locale);
  return dayFirst(place) ? `${w.day} ${w.monthName} ${w.year}` : `${w.monthName} ${w.day}, ${w.year}`;
}

function time(ms: number, place: Place): string {
  const w = wallTime(ms, place.zone, place.locale);
  const minute = String(w.minute).padStart(2, '0');
  if (dayFirst(place)) return `${String(w.hour).padStart(2, '0')}:${minute}`;
  return `${w.hour % 12 === 0 ? 12 : w.hour % 12}:${minute} ${w.hour < 12 ? 'AM' : 'PM'}`;
}

function zoneName(ms: number, place: Place): string {
  return zoneNameAt(ms, place.zone, dayFirst(place) ? ['en-GB', 'en-US'] : ['en-US', 'en-GB'], place.locale);
}

/** "May 15, 2018, 2:02 PM" / "15 May 2018 at 14:02". */
function bareMoment(ms: number, place: Place): string {
  return dayFirst(place) ? `${day(ms, place)} at ${time(ms, place)}` : `${day(ms, place)}, ${time(ms, place)}`;
}

/**
 * "A, B and C". A name with "and" in it ("card and PayPal payments") would run into the list's own
 * "and" ("ticket purchases and card and PayPal payments"), so such a list is separated by semicolons.
 */
const list = (items: readonly string[]) =>
  items.some((item) => /\band\b/i.test(item)) ? items.join('; ') : joinList(items, ' and ');

/** The names of the affected services after their label, which a list of names needs to be a sentence. */
function servicesText(names: readonly string[]): string {
  return `${names.length === 1 ? 'Affected service' : 'Affected services'}: ${list(names)}.`;
}

/** The year as a day writes it, with what separates it from the day: ", 2020" / " 2020". */
const YEAR = /,? (\d{4})\b/g;

/**
 * Names the year once when every part ends in the same one, as people write "from 1:15 AM on
 * October 7 to 10:00 AM on October 14, 2020": the year stays in the last part only.
 */
function yearOnce(parts: readonly string[]): string[] {
  const last = parts.map((p) => [...p.matchAll(YEAR)].at(-1));
  const year = last[0]?.[1];
  if (year === undefined || last.some((m) => m?.[1] !== year)) return [...parts];
  return parts.map((p, i) => {
    const m = last[i] as RegExpExecArray;
    return i === parts.length - 1 ? p : p.slice(0, m.index) + p.slice(m.index + m[0].length);
  });
}

const RANGES: RangeWords = {
  day,
  onDay: (d, range) => `${range} on ${d}`,
  time: (ms, place) => time(ms, place),
  // The time first, then its day: "from 1:15 AM on October 7 to 10:00 AM on October 14, 2020".
  moment: (ms, place) => `${time(ms, place)} on ${day(ms, place)}`,
  zoneName,
  withinDay: (from, to) => `from ${from} to ${to}`,
  acrossDays: (from, to) => {
    const [a, b] = yearOnce([from, to]) as [string, string];
    // American style closes a year inside a sentence with a comma: "December 31, 2023, to". A day
    // ends the moment (its zone stands after the time), so a year left in `a` is at its end.
    return `from ${/, \d{4}$/.test(a) ? `${a},` : a} to ${b}`;
  },
  list: (ranges) => list(yearOnce(ranges)),
  // The zone belongs to the time, before its day: "11:40 PM (CEST) on October 26".
  withZone: (text, zone) =>
    text.replace(/^(\S+(?: [AP]M)?)( on .*)?$/, (_all, t: string, rest = '') => `${t} (${zone})${rest}`),
};

const DURATION: DurationWords = {
  day: ['day', 'days'],
  hour: ['hour', 'hours'],
  minute: ['minute', 'minutes'],
  lessThanAMinute: 'less than a minute',
};

const duration = (ms: number) => durationInWords(ms, DURATION, list);

function facts(f: NoticeFacts, place: Place): string[] {
  const noun = f.outage ? 'outage' : 'disruption';
  const article = f.outage ? 'An' : 'A';
  const out: string[] = [];
  const affected = servicesText(f.services);
  if (f.spans.length === 0) {
    out.push(
      `${article} ${noun} has been ongoing since ${RANGES.withZone(RANGES.moment(f.started, place), zoneName(f.started, place))}.`,
    );
    out.push(affected);
    if (!f.dataInText && !f.dataLost) out.push('No data has been lost so far.');
    return out;
  }
  const when = rangesText(f.spans, place, RANGES);
  const first = f.spans[0] as { start: number };
  const lasted = f.impactMs === null ? '' : duration(f.impactMs);
  const total = f.spans.length > 1 ? `, ${lasted} in total` : `, lasting ${lasted}`;
  const on = withinOneDay(f.spans, place) ? `On ${day(first.start, place)}, there` : 'There';
  out.push(`${on} was ${article.toLowerCase()} ${noun} ${when}${lasted ? total : ''}.`);
  out.push(affected);
  // Customers whose data stayed lost read no "fully resolved": the incident was closed, their data is not back.
  if (f.resolvedLater !== undefined)
    out.push(`The incident was ${f.dataLost ? 'closed' : 'fully resolved'} on ${day(f.resolvedLater, place)}.`);
  if (!f.dataInText && !f.dataLost) out.push('No data was lost.');
  return out;
}

/** English. */
export const en: LanguageModule = {
  code: 'en',
  name: 'English',
  defaultLocale: 'en-US',
  facts,
  day,
  moment: (ms, place) => `${bareMoment(ms, place)} (${zoneName(ms, place)})`,
  zoneName,
  duration,
  list,
  sentences: (text) =>
    splitSentences(text, {
      abbreviations: [
        'e.g.',
        'i.e.',
        'a.m.',
        'p.m.',
        'approx.',
        'vs.',
        'no.',
        'mr.',
        'mrs.',
        'ms.',
        'dr.',
        'st.',
        'inc.',
        // Month abbreviations, as American writers date things: "until Jan. 12".
        'jan.',
        'feb.',
        'mar.',
        'apr.',
        'jun.',
        'jul.',
        'aug.',
        'sep.',
        'sept.',
        'oct.',
        'nov.',
        'dec.',
      ],
      dottedOrdinals: false,
    }),
  speaksOfDataLoss: (s) =>
    /\b(data|lost|loss|deleted|recover(ed)?|restor(e|ed)|saved)\b/i.test(s) &&
    /\b(lost|loss|deleted|(not|never) (be(en)? )?(recovered|restored|saved)|permanently|irrecoverabl[ey])\b/i.test(s),
  assuresData: (s) =>
    /\bdata\b/i.test(s) &&
    /\b(safe|intact|secure|unaffected|untouched|preserved|not (been )?(affected|touched))\b/i.test(s),
  leansBack: (s) =>
    /^(?:but|however|yet|still|nevertheless|this|these|that|those|they|it|the rest|the remainder)\b/i.test(s),
  labels: {
    greeting: 'Hello,',
    whatHappened: 'What happened',
    impactOngoing: 'How this affects you',
    impactPast: 'How this affected you',
    nextSteps: 'What happens next',
    apology: 'Our apology',
  },
  afterGreeting: (text) => text,
  subject: (company, headline) => `${company}: ${headline}`,
  typeset: (text) => text,
  signOff: (company) => `The ${company} team`,
  spell: (text) => text,
  checkWords: {
    // A power outage names what happened to the electricity, not to our service (as "Zugausfälle" in German).
    outage: /(?<!\bpower[- ])\boutages?\b/giu,
    outageStems: ['outage'],
    outageInstead: '"disruption" or "degraded service"',
    apology: /\b(sorry|apologi[sz]e[sd]?|apolog(y|ies)|regret)\b/i,
    apologyExample: '"We are sorry."',
  },
  drafts: {
    reach: {
      SEV1: 'our service was unavailable',
      SEV2: 'important parts of our service were unavailable',
      SEV3: 'parts of our service were slow or partly unavailable',
      SEV4: 'parts of our service were slower than usual',
      other: 'parts of our service were slow or partly unavailable',
    },
    causes: {
      'failed-rollback':
        'A software update did not work as intended, and returning to the previous version did not work as planned either.',
      'untested-update': 'A software update caused an error that our tests had not caught before the release.',
      'missing-backup': 'We did not have a complete, working backup of the affected data.',
      'data-migration': 'Planned maintenance on how we store data did not go as intended.',
      capacity: 'Our systems did not have enough capacity for the load on them.',
      network: 'A problem in our network disrupted our service.',
      configuration: 'A change to the settings of our systems did not work as intended.',
      dependency: 'A service that our systems depend on failed.',
      other: 'A technical problem in our systems caused a disruption.',
    },
    headline: (date, outage) => `${outage ? 'Service outage' : 'Service disruption'}${date ? ` on ${date}` : ''}`,
    customerImpact: (duration, reach, lost) =>
      `${capitalise(duration ? `for ${duration}, ${reach}` : reach)} for you. ` +
      (lost ? 'Data stored with us was lost.' : 'No data was lost.'),
    nextSteps: (lost) =>
      lost
        ? 'We are making changes so that this does not happen again.'
        : 'You do not need to do anything. We are making changes so that this does not happen again.',
    apology: (harm) =>
      harm
        ? 'We are very sorry. You rely on us, and we let you down.'
        : 'We are sorry for the disruption this caused you.',
    status: (f) => [
      f.day ? `On ${f.day}, ${f.reach}.` : `${capitalise(f.reach)}.`,
      ...(f.duration
        ? [`The ${f.outage ? 'outage' : 'disruption'} lasted ${f.duration}${f.total ? ' in total' : ''}.`]
        : []),
      ...(f.dataLost === false ? ['No data was lost.'] : []),
    ],
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
