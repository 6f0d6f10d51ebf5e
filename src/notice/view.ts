/** The facts and wording of a customer notice, taken from a validated postmortem; nothing typed twice. */
import { deriveFigures } from '../model/figures.js';
import { momentInstants } from '../model/validate.js';
import type { Postmortem } from '../model/types.js';
import { noticeBlock, noticeText } from './checks.js';
import { durationInWords, formatDay, formatMoment, formatTime, timeZoneName, type NoticeLanguage } from './datetime.js';

/** Channels a notice can be rendered for. */
export const NOTICE_CHANNELS = ['blog', 'email', 'status'] as const;
/** A notice channel. */
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** How to build the view: the language, the customers' time zone, and whether the text stands alone. */
export interface NoticeViewOptions {
  lang: NoticeLanguage;
  timeZone: string;
  /** True when the notice is read on its own (it then carries its headline as a title). */
  standalone?: boolean;
}

/** Plain (unescaped) text and flags for the notice templates; the renderer escapes it for the channel. */
export interface NoticeView {
  id: string;
  lang: NoticeLanguage;
  en: boolean;
  de: boolean;
  standalone: boolean;
  headline: string;
  whatHappened: string;
  customerImpact: string;
  nextSteps: string;
  apology: string;
  /** The apology's first sentence, for short channels. */
  apologyShort: string;
  /** The first sentence of the next steps, for short channels. */
  nextStepsShort: string;
  started: string;
  /** When customers stopped being affected (mitigated, else resolved). */
  ended: string;
  /** True when start and end fall on the same calendar day in the customer's zone. */
  sameDay: boolean;
  /** That day ("May 15, 2018" / "15. Mai 2018"), when `sameDay`. */
  day: string;
  /** Times of day of start and end ("2:02 PM" / "14:02 Uhr"). */
  startTime: string;
  endTime: string;
  resolved: string;
  /** True while customers are still affected: neither `mitigated` nor `resolved` is set. */
  ongoing: boolean;
  timeZone: string;
  timeZoneName: string;
  duration: string;
  services: string;
  dataLost: boolean;
}

/** The first sentence of a text (up to the first ., ! or ? followed by a space), or the whole text. */
export function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/su.exec(text.trim());
  return (match ? match[0] : text).replace(/\s+/g, ' ').trim();
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Languages the notice declares, in order; the first is the default. */
export function noticeLanguages(pm: Postmortem): string[] {
  return list(noticeBlock(pm)?.languages);
}

/** Builds the notice view of a postmortem that passed validation and the notice checks. */
export function buildNoticeView(pm: Postmortem, options: NoticeViewOptions): NoticeView {
  const { lang, timeZone } = options;
  const d = pm.data;
  const moments = momentInstants(d);
  const endMs = moments.mitigated ?? moments.resolved;
  const at = (ms: number | undefined) => (ms === undefined ? '' : formatMoment(ms, lang, timeZone));
  const startDay = moments.started === undefined ? null : formatDay(moments.started, lang, timeZone);
  const sameDay =
    startDay !== null && endMs !== undefined && formatDay(endMs, lang, timeZone) === startDay ? startDay : null;
  const impactMs = deriveFigures(d).impactDuration;
  const impact = (typeof d.impact === 'object' && d.impact !== null ? d.impact : {}) as Record<string, unknown>;
  const apology = noticeText(pm, 'apology', lang);
  return {
    id: typeof d.id === 'string' ? d.id : '',
    lang,
    en: lang === 'en',
    de: lang === 'de',
    standalone: options.standalone ?? true,
    headline: noticeText(pm, 'headline', lang),
    whatHappened: noticeText(pm, 'what_happened', lang),
    customerImpact: noticeText(pm, 'customer_impact', lang),
    nextSteps: noticeText(pm, 'next_steps', lang),
    apology,
    apologyShort: firstSentence(apology),
    nextStepsShort: firstSentence(noticeText(pm, 'next_steps', lang)),
    started: at(moments.started),
    ended: at(endMs),
    // An incident within one day reads "On May 15, 2018, from 2:02 PM to 4:34 PM", not the date twice.
    sameDay: sameDay !== null,
    day: sameDay ?? '',
    startTime: moments.started === undefined ? '' : formatTime(moments.started, lang, timeZone),
    endTime: endMs === undefined ? '' : formatTime(endMs, lang, timeZone),
    resolved: at(moments.resolved),
    ongoing: endMs === undefined,
    timeZone,
    timeZoneName: moments.started === undefined ? timeZone : timeZoneName(moments.started, lang, timeZone),
    duration: impactMs === null ? '' : durationInWords(impactMs, lang),
    services: new Intl.ListFormat(lang === 'de' ? 'de-DE' : 'en-US', { type: 'conjunction' }).format(list(d.services)),
    dataLost: impact.data_loss === true,
  };
}
