/**
 * The facts and wording of a customer notice, taken from a validated postmortem; nothing typed twice.
 * Every word of the product's own goes through the language module; the templates only arrange blocks.
 */
import { deriveFigures } from '../model/figures.js';
import { isRecord } from '../model/guards.js';
import { momentInstants } from '../model/validate.js';
import { impactWindows } from '../model/windows.js';
import type { Postmortem } from '../model/types.js';
import { sameDay } from '../language/clock.js';
import { languageModule, type Language, type LanguageModule, type NoticeFacts, type Place } from '../language/index.js';
import { customerServices, noticeCompany, noticeSignature } from './facts-checks.js';
import { DEFAULT_NOTICE_SETTINGS, type NoticeSettings } from './settings.js';
import { noticeBlock, noticeText } from './wording-checks.js';
import type { NoticeZone } from './zone.js';

export { NOTICE_CHANNELS, type NoticeChannel } from './channels.js';

/** How to build the view: the language, the customers' zone and locale, whether the text stands alone, the settings. */
export interface NoticeViewOptions {
  lang: Language;
  zone: NoticeZone;
  /** The locale of the generated parts (date style, spelling); the language's default when absent. */
  locale?: string | undefined;
  /** True when the notice is read on its own (it then carries its headline as a title). */
  standalone?: boolean;
  settings?: NoticeSettings;
}

/** Plain (unescaped) text and flags for the notice templates; the renderer escapes it for the channel. */
export interface NoticeView {
  id: string;
  lang: Language;
  locale: string;
  standalone: boolean;
  headline: string;
  /** The e-mail subject: the headline, after the company's name when the headline does not name it. */
  subject: string;
  /** The first sentence of what happened, for a post's summary. */
  summary: string;
  whatHappened: string;
  customerImpact: string;
  nextSteps: string;
  apology: string;
  /** The facts in whole sentences: when, how long, what was affected, data. */
  facts: string;
  /** The facts as the first paragraph after the greeting (German letters go on in lower case). */
  factsAfterGreeting: string;
  /** The status-page text: `notice.status`, else the facts, the data sentences, next steps and apology, all whole. */
  status: string;
  greeting: string;
  headingWhatHappened: string;
  headingImpact: string;
  headingNextSteps: string;
  headingApology: string;
  /** SEV1: a total outage; below, a disruption ("outage" only for SEV1). */
  outage: boolean;
  /** True while customers are still affected: neither `mitigated` nor `resolved` is set. */
  ongoing: boolean;
  /** When it started, with the zone's name at that instant. */
  started: string;
  /** The zone as configured (IANA name or offset). */
  timeZone: string;
  dataLost: boolean;
  /** True when the customer wording already says whether data was lost (the facts then do not repeat it). */
  dataInText: boolean;
  company: string;
  signature: string;
}

/** Languages the notice declares, in order; the first is the default. */
export function noticeLanguages(pm: Postmortem): string[] {
  const declared = noticeBlock(pm)?.languages;
  return Array.isArray(declared) ? declared.filter((l): l is string => typeof l === 'string') : [];
}

/** Writes ISO dates in a customer's text in words ("am 2017-09-21" reads "am 21. September 2017"); a calendar date has no zone. */
export function datesInWords(text: string, language: LanguageModule, locale: string): string {
  return text.replace(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-]|T\d)/g, (whole, y: string, m: string, d: string) => {
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    const date = new Date(ms);
    if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return whole;
    return language.day(ms, { zone: { kind: 'offset', minutes: 0 }, locale });
  });
}

/** The language-neutral facts of a postmortem for a notice, in a zone. */
export function noticeFacts(pm: Postmortem, services: readonly string[], zone: NoticeZone): NoticeFacts {
  const d = pm.data;
  const m = momentInstants(d);
  const end = m.mitigated ?? m.resolved;
  const spans = impactWindows(d) ?? (m.started !== undefined && end !== undefined ? [{ start: m.started, end }] : []);
  const last = spans[spans.length - 1]?.end;
  const resolvedLater =
    m.resolved !== undefined && last !== undefined && m.resolved > last && !sameDay(m.resolved, last, zone)
      ? m.resolved
      : undefined;
  return {
    outage: d.severity === 'SEV1',
    services,
    spans,
    started: m.started ?? 0,
    impactMs: deriveFigures(d).impactDuration,
    resolvedLater,
    dataLost: isRecord(d.impact) && d.impact.data_loss === true,
    dataInText: false,
  };
}

/** Builds the notice view of a postmortem that passed validation and the notice checks. */
export function buildNoticeView(pm: Postmortem, options: NoticeViewOptions): NoticeView {
  const { lang, zone } = options;
  const language = languageModule(lang);
  const locale = options.locale ?? language.defaultLocale;
  const place: Place = { zone, locale };
  const settings = options.settings ?? DEFAULT_NOTICE_SETTINGS;
  const typeset = (t: string) => language.typeset(t, locale);
  const text = (field: string) => typeset(datesInWords(noticeText(pm, field, lang), language, locale));
  const headline = text('headline');
  const company = noticeCompany(pm, settings);
  const whatHappened = text('what_happened');
  const customerImpact = text('customer_impact');
  const nextSteps = text('next_steps');
  const apology = text('apology');
  const services = customerServices(pm, settings, lang).map((s) => s.name);
  const base = noticeFacts(pm, services, zone);
  const dataSentences = (t: string) => language.sentences(t).filter((s) => language.speaksOfDataLoss(s));
  // On a status page the data sentences stand alone: one that leans on the sentence before it
  // ("…, aber …") brings that sentence along.
  const dataPassage = (t: string) => {
    const all = language.sentences(t);
    return all.filter(
      (s, i) =>
        language.speaksOfDataLoss(s) ||
        (i + 1 < all.length &&
          language.speaksOfDataLoss(all[i + 1] as string) &&
          language.leansBack(all[i + 1] as string)),
    );
  };
  // The author's own word on data, lost or safe, is not repeated by a generated "No data was lost.".
  const dataInText = [whatHappened, customerImpact].some((t) =>
    language.sentences(t).some((s) => language.speaksOfDataLoss(s) || language.assuresData(s)),
  );
  // Display names are the author's words too: typeset like the rest (« Se connecter avec Parlo »).
  const facts = typeset(language.facts({ ...base, dataInText }, place).join(' '));
  // A status page shows none of the customer wording, so its facts say whether data was lost,
  // in the author's own sentences where data was lost (never a generated "some data").
  const statusFacts = language.facts({ ...base, dataInText: base.dataLost }, place).map(typeset);
  const ownStatus = text('status');
  const ownData = dataSentences(customerImpact).length > 0 ? dataPassage(customerImpact) : dataPassage(whatHappened);
  const status = ownStatus || [...statusFacts, ...(base.dataLost ? ownData : []), nextSteps, apology].join(' ');
  const ongoing = base.spans.length === 0;
  return {
    id: typeof pm.data.id === 'string' ? pm.data.id : '',
    lang,
    locale,
    standalone: options.standalone ?? true,
    headline,
    subject: company && !headline.includes(company) ? typeset(language.subject(company, headline)) : headline,
    summary: language.sentences(whatHappened)[0] ?? '',
    whatHappened,
    customerImpact,
    nextSteps,
    apology,
    facts,
    factsAfterGreeting: language.afterGreeting(facts),
    status,
    greeting: language.labels.greeting,
    headingWhatHappened: language.labels.whatHappened,
    headingImpact: ongoing ? language.labels.impactOngoing : language.labels.impactPast,
    headingNextSteps: language.labels.nextSteps,
    headingApology: language.labels.apology,
    outage: base.outage,
    ongoing,
    started: momentInstants(pm.data).started === undefined ? '' : language.moment(base.started, place),
    timeZone: zone.kind === 'iana' ? zone.name : language.zoneName(0, place),
    dataLost: base.dataLost,
    dataInText,
    company,
    signature: noticeSignature(pm, settings, lang),
  };
}
