/** Dates, times and durations as customers read them, in their language and zone. */
import { formatDuration } from '../model/index.js';
import { intlZone, type NoticeZone } from './zone.js';

/** Languages a notice can be rendered in. */
export type NoticeLanguage = 'en' | 'de';

function parts(ms: number, zone: NoticeZone, locale: string, options: Intl.DateTimeFormatOptions) {
  const z = intlZone(ms, zone);
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat(locale, { ...options, timeZone: z.timeZone }).formatToParts(z.ms)) {
    out[part.type] = part.value;
  }
  return out;
}

/**
 * Formats an instant for customers: "September 21, 2017, 2:02 PM" / "21. September 2017, 14:02 Uhr".
 * Assembled from parts so that the result does not change with the ICU version's joining words.
 */
export function formatMoment(ms: number, lang: NoticeLanguage, zone: NoticeZone): string {
  return `${formatDay(ms, lang, zone)}, ${formatTime(ms, lang, zone)}`;
}

/** The calendar day of an instant for customers: "September 21, 2017" / "21. September 2017". */
export function formatDay(ms: number, lang: NoticeLanguage, zone: NoticeZone): string {
  const p = parts(ms, zone, lang === 'de' ? 'de-DE' : 'en-US', { year: 'numeric', month: 'long', day: 'numeric' });
  return lang === 'de' ? `${p.day}. ${p.month} ${p.year}` : `${p.month} ${p.day}, ${p.year}`;
}

/** The time of day of an instant: "2:02 PM" / "14:02 Uhr" ("14:02" with `bare`, as in "von 14:02 bis 14:31 Uhr"). */
export function formatTime(ms: number, lang: NoticeLanguage, zone: NoticeZone, bare = false): string {
  if (lang === 'de') {
    const p = parts(ms, zone, 'de-DE', { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
    return bare ? `${p.hour}:${p.minute}` : `${p.hour}:${p.minute} Uhr`;
  }
  const p = parts(ms, zone, 'en-US', { hour: 'numeric', minute: '2-digit', hour12: true });
  return `${p.hour}:${p.minute} ${p.dayPeriod}`;
}

/** A duration in words by the model's one rounding rule: "about 2 hours and 30 minutes", "43 Minuten". */
export function durationInWords(ms: number, lang: NoticeLanguage): string {
  return formatDuration(ms, lang);
}

/**
 * Writes ISO dates in a customer's text in words ("am 2017-09-21" reads "am 21. September 2017");
 * a calendar date has no zone, so it is read as written. Anything that is not a real date stays.
 */
export function datesInWords(text: string, lang: NoticeLanguage): string {
  return text.replace(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-]|T\d)/g, (whole, y: string, m: string, d: string) => {
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    const date = new Date(ms);
    if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return whole;
    return formatDay(ms, lang, { kind: 'offset', minutes: 0 });
  });
}
