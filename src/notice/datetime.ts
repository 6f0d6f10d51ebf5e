/** Dates, times and durations as customers read them, in their language and time zone. */

/** Languages a notice can be rendered in. */
export type NoticeLanguage = 'en' | 'de';

function parts(ms: number, locale: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat(locale, options).formatToParts(ms)) out[part.type] = part.value;
  return out;
}

/**
 * Formats an instant for customers: "September 21, 2017, 2:02 PM" / "21. September 2017, 14:02 Uhr".
 * Assembled from parts so that the result does not change with the ICU version's joining words.
 */
export function formatMoment(ms: number, lang: NoticeLanguage, timeZone: string): string {
  return `${formatDay(ms, lang, timeZone)}, ${formatTime(ms, lang, timeZone)}`;
}

/** The calendar day of an instant for customers: "September 21, 2017" / "21. September 2017". */
export function formatDay(ms: number, lang: NoticeLanguage, timeZone: string): string {
  const p = parts(ms, lang === 'de' ? 'de-DE' : 'en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric' });
  return lang === 'de' ? `${p.day}. ${p.month} ${p.year}` : `${p.month} ${p.day}, ${p.year}`;
}

/** The time of day of an instant for customers: "2:02 PM" / "14:02 Uhr". */
export function formatTime(ms: number, lang: NoticeLanguage, timeZone: string): string {
  if (lang === 'de') {
    const p = parts(ms, 'de-DE', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
    return `${p.hour}:${p.minute} Uhr`;
  }
  const p = parts(ms, 'en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true });
  return `${p.hour}:${p.minute} ${p.dayPeriod}`;
}

/** The time zone's name at that instant, for a line like "All times in Central European Summer Time". */
export function timeZoneName(ms: number, lang: NoticeLanguage, timeZone: string): string {
  const p = parts(ms, lang === 'de' ? 'de-DE' : 'en-US', { timeZone, timeZoneName: 'long' });
  return p.timeZoneName ?? timeZone;
}

const UNITS = {
  en: {
    prefix: 'about',
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    day: ['day', 'days'],
    lessThanMinute: 'less than a minute',
  },
  de: {
    prefix: 'rund',
    minute: ['Minute', 'Minuten'],
    hour: ['Stunde', 'Stunden'],
    day: ['Tag', 'Tage'],
    lessThanMinute: 'weniger als eine Minute',
  },
} as const;

/**
 * A duration in words, rounded as people say it: "about 45 minutes", "rund 3 Stunden", "about 2 days".
 * Minutes up to 10 stay exact, longer ones round to 5; hours up to a day and a half; days beyond.
 */
export function durationInWords(ms: number, lang: NoticeLanguage): string {
  const u = UNITS[lang];
  const minutes = Math.round(ms / 60_000);
  const say = (n: number, unit: readonly [string, string]) => `${u.prefix} ${n} ${n === 1 ? unit[0] : unit[1]}`;
  if (minutes < 1) return u.lessThanMinute;
  if (minutes < 55) return say(minutes <= 10 ? minutes : Math.round(minutes / 5) * 5, u.minute);
  if (minutes < 36 * 60) return say(Math.max(1, Math.round(minutes / 60)), u.hour);
  return say(Math.round(minutes / 1440), u.day);
}
