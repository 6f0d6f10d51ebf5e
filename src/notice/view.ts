/** The facts and wording of a customer notice, taken from a validated postmortem; nothing typed twice. */
import { deriveFigures } from '../model/figures.js';
import { isRecord } from '../model/guards.js';
import { momentInstants } from '../model/validate.js';
import { impactWindows } from '../model/windows.js';
import type { Postmortem } from '../model/types.js';
import { datesInWords, durationInWords, formatDay, formatMoment, formatTime, type NoticeLanguage } from './datetime.js';
import { customerServices, noticeCompany, noticeSignature } from './facts-checks.js';
import { DEFAULT_NOTICE_SETTINGS, type NoticeSettings } from './settings.js';
import { noticeBlock, noticeText } from './wording-checks.js';
import { zoneLabel, type NoticeZone } from './zone.js';

/** Channels a notice can be rendered for. */
export const NOTICE_CHANNELS = ['blog', 'email', 'status'] as const;
/** A notice channel. */
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** How to build the view: the language, the customers' zone, whether the text stands alone, the settings. */
export interface NoticeViewOptions {
  lang: NoticeLanguage;
  zone: NoticeZone;
  /** True when the notice is read on its own (it then carries its headline as a title). */
  standalone?: boolean;
  settings?: NoticeSettings;
}

/** One stretch of customer impact as customers read it: "2:02 PM" / "14:02" on one day, else date and time. */
export interface NoticeWindow {
  from: string;
  to: string;
}

/** Plain (unescaped) text and flags for the notice templates; the renderer escapes it for the channel. */
export interface NoticeView {
  id: string;
  lang: NoticeLanguage;
  en: boolean;
  de: boolean;
  standalone: boolean;
  headline: string;
  /** The e-mail subject: the headline, after the company's name when the headline does not name it. */
  subject: string;
  whatHappened: string;
  customerImpact: string;
  nextSteps: string;
  apology: string;
  /** The apology's first sentence, for short channels. */
  apologyShort: string;
  /** The first sentence of the next steps, for short channels. */
  nextStepsShort: string;
  /** SEV1: a total outage; below, a disruption ("outage" only for SEV1). */
  outage: boolean;
  started: string;
  /** When customers stopped being affected (the last window's end, else mitigated, else resolved). */
  ended: string;
  /** True when every window falls on the day it started, in the customers' zone. */
  sameDay: boolean;
  /** That day ("May 15, 2018" / "15. Mai 2018"), when `sameDay`. */
  day: string;
  /** Times of day of start and end ("2:02 PM" / "14:02 Uhr"). */
  startTime: string;
  endTime: string;
  /** The stretches of impact: one for a continuous incident, several for one that came in waves. */
  windows: NoticeWindow[];
  /** True when there is more than one window (the duration is then a total). */
  severalWindows: boolean;
  resolved: string;
  /** True while customers are still affected: neither `mitigated` nor `resolved` is set. */
  ongoing: boolean;
  /** The zone as configured (IANA name or offset). */
  timeZone: string;
  /** The zone as customers say it: "MESZ", "CEST", "UTC", "UTC+2". */
  timeZoneName: string;
  duration: string;
  /** The affected services by their display names, as a list in the language. */
  services: string;
  dataLost: boolean;
  /** True when the customer wording already says whether data was lost (the facts then do not repeat it). */
  dataInText: boolean;
  company: string;
  signature: string;
}

/** The first sentence of a text (up to the first ., ! or ? followed by a space), or the whole text. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/su.exec(text.trim());
  return (match ? match[0] : text).replace(/\s+/g, ' ').trim();
}

/** Languages the notice declares, in order; the first is the default. */
export function noticeLanguages(pm: Postmortem): string[] {
  const declared = noticeBlock(pm)?.languages;
  return Array.isArray(declared) ? declared.filter((l): l is string => typeof l === 'string') : [];
}

/** Sentences that say whether data was lost, per language. */
const DATA_SENTENCE: Record<NoticeLanguage, (sentence: string) => boolean> = {
  en: (s) => /\bdata\b/i.test(s) && /\b(lost|loss)\b/i.test(s),
  de: (s) => /Datenverlust/i.test(s) || (/Daten\b/.test(s) && /verlor/i.test(s)),
};

/** True when one of the texts has a sentence about data loss. */
function speaksOfData(lang: NoticeLanguage, texts: string[]): boolean {
  return texts.some((t) => t.split(/(?<=[.!?])\s+/).some(DATA_SENTENCE[lang]));
}

/** Builds the notice view of a postmortem that passed validation and the notice checks. */
export function buildNoticeView(pm: Postmortem, options: NoticeViewOptions): NoticeView {
  const { lang, zone } = options;
  const settings = options.settings ?? DEFAULT_NOTICE_SETTINGS;
  const d = pm.data;
  const moments = momentInstants(d);
  const start = moments.started;
  const spans =
    impactWindows(d) ?? (start !== undefined ? [{ start, end: moments.mitigated ?? moments.resolved }] : []);
  const endMs = spans.length > 0 ? spans[spans.length - 1]?.end : undefined;
  const at = (ms: number | undefined) => (ms === undefined ? '' : formatMoment(ms, lang, zone));
  const dayOf = (ms: number) => formatDay(ms, lang, zone);
  const startDay = start === undefined ? null : dayOf(start);
  const sameDay =
    startDay !== null && endMs !== undefined && spans.every((s) => s.end !== undefined && dayOf(s.end) === startDay);
  // "von 14:02 bis 14:31 Uhr": within one day German names "Uhr" once per window.
  const windows = spans.map((s) =>
    sameDay
      ? { from: formatTime(s.start, lang, zone, true), to: formatTime(s.end as number, lang, zone) }
      : { from: at(s.start), to: at(s.end) },
  );
  const text = (field: string) => datesInWords(noticeText(pm, field, lang), lang);
  const headline = text('headline');
  const company = noticeCompany(pm, settings);
  const impactMs = deriveFigures(d).impactDuration;
  const impact = isRecord(d.impact) ? d.impact : {};
  const apology = text('apology');
  const listFormat = new Intl.ListFormat(lang === 'de' ? 'de-DE' : 'en-US', { type: 'conjunction' });
  return {
    id: typeof d.id === 'string' ? d.id : '',
    lang,
    en: lang === 'en',
    de: lang === 'de',
    standalone: options.standalone ?? true,
    headline,
    subject: company && !headline.includes(company) ? `${company}: ${headline}` : headline,
    whatHappened: text('what_happened'),
    customerImpact: text('customer_impact'),
    nextSteps: text('next_steps'),
    apology,
    apologyShort: firstSentence(apology),
    nextStepsShort: firstSentence(text('next_steps')),
    outage: d.severity === 'SEV1',
    started: at(start),
    ended: at(endMs),
    sameDay,
    day: sameDay ? (startDay ?? '') : '',
    startTime: start === undefined ? '' : formatTime(start, lang, zone),
    endTime: endMs === undefined ? '' : formatTime(endMs, lang, zone),
    windows: endMs === undefined ? [] : windows,
    severalWindows: spans.length > 1,
    resolved: at(moments.resolved),
    ongoing: endMs === undefined,
    timeZone: zone.kind === 'iana' ? zone.name : zoneLabel(0, lang, zone),
    timeZoneName: start === undefined ? '' : zoneLabel(start, lang, zone),
    duration: impactMs === null ? '' : durationInWords(impactMs, lang),
    services: listFormat.format(customerServices(pm, settings, lang).map((s) => s.name)),
    dataLost: impact.data_loss === true,
    dataInText: speaksOfData(lang, [text('what_happened'), text('customer_impact')]),
    company,
    signature: noticeSignature(pm, settings, lang),
  };
}
