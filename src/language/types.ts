/** The shape every language module has: everything the product says to customers in one language. */
import type { NoticeZone } from './clock.js';

/** One stretch of customer impact, as instants. */
export interface ImpactSpan {
  start: number;
  end: number;
}

/** The facts of a notice, language-neutral: the language module writes them as sentences. */
export interface NoticeFacts {
  /** SEV1 is a total outage; below, a disruption. */
  outage: boolean;
  /** Display names customers read, each written once (German: in the nominative), in the file's order. */
  services: readonly string[];
  /** When customers were affected; empty while the incident is ongoing. */
  spans: readonly ImpactSpan[];
  /** When it started (the first span's start, or `started` while ongoing). */
  started: number;
  /** How long customers were affected, in ms (the sum of the spans). */
  impactMs: number | null;
  /** `resolved`, when it falls on a later day than the end of the impact (the notice then says both). */
  resolvedLater?: number | undefined;
  /** True when data was lost (`impact.data_loss`). */
  dataLost: boolean;
  /** True when the author's own words already say whether data was lost: the facts then say nothing of it. */
  dataInText: boolean;
}

/** Where and how times are written: the customers' zone and the locale (date style, spelling). */
export interface Place {
  zone: NoticeZone;
  locale: string;
}

/** The fixed words around the author's text: greeting, headings. */
export interface NoticeLabels {
  greeting: string;
  whatHappened: string;
  impactOngoing: string;
  impactPast: string;
  nextSteps: string;
  apology: string;
}

/** The facts the engineer gave that a proposed status text may say: nothing else. */
export interface StatusDraftFacts {
  /** How much of the service was hit, from the severity (the language's `reach`). */
  reach: string;
  /** The day it started, in words, when `started` was given. */
  day: string | null;
  /** How long customers were affected, in words, when it ended. */
  duration: string | null;
  /** True when the impact came in more than one window (the duration is their sum). */
  total: boolean;
  /** SEV1: the noun is the outage's. */
  outage: boolean;
  /** `impact.data_loss` as given: false says no data was lost; true or unknown leaves it to the author's sentences. */
  dataLost: boolean | undefined;
}

/** The interview's first drafts of a notice: sentences by severity and cause, in this language. */
export interface DraftWords {
  /** How much of the service was hit, by severity; `other` for a severity the drafts do not know. */
  reach: Record<'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' | 'other', string>;
  /** The customer-facing sentence for each root-cause category (no internal detail). */
  causes: Record<string, string>;
  /** The headline, with the incident's day in words when known; `outage` for SEV1, where a language keeps its outage noun. */
  headline(day: string | null, outage?: boolean): string;
  customerImpact(duration: string | null, reach: string, dataLost: boolean): string;
  /** Whether customers must act after lost data is the engineer's to say: the draft does not claim they need not. */
  nextSteps(dataLost: boolean): string;
  /** `harm`: data was lost or the whole service was out; the apology then owns it (no "inconvenience"). */
  apology(harm: boolean): string;
  /** The generated sentences of a proposed `notice.status`: what was hit on which day, how long, and "no data was lost". */
  status(facts: StatusDraftFacts): string[];
}

/** The words the notice checks look for in one language. */
export interface CheckWords {
  /**
   * The incident noun kept for SEV1 (a total outage), as whole words with their inflections
   * ("outages", "Ausfälle", "pannes"); a compound names something else ("Zugausfälle"). Flags `giu`.
   */
  outage: RegExp;
  /**
   * Lower-case text that every match of `outage` holds one of, in the lower-cased text: a text without
   * any is not searched (the pattern costs several times the search for these). Mind case folding: the
   * pattern also matches "ſ" (long s) for "s" and "K" (Kelvin sign) for "k", which lower-casing keeps.
   */
  outageStems: readonly string[];
  /** What to write below SEV1, for the message: '"disruption" or "degraded service"'. */
  outageInstead: string;
  /** Words that make a sentence an apology. */
  apology: RegExp;
  /** An apology, for the message: '"We are sorry."'. */
  apologyExample: string;
}

/** A language module. */
export interface LanguageModule {
  /** The language's code in files and flags: "en", "de", "fr". */
  code: string;
  /** The language's name in English, for prompts ("German"). */
  name: string;
  /** The locale used when the config names none. */
  defaultLocale: string;
  /** The fact sentences: what was affected, when, how long, and whether data was lost. */
  facts(facts: NoticeFacts, place: Place): string[];
  /** A calendar day: "May 15, 2018" / "15 May 2018" / "15. Mai 2018" / "15 mai 2018". */
  day(ms: number, place: Place): string;
  /** An instant with its zone's name at that instant. */
  moment(ms: number, place: Place): string;
  /** The zone's name at an instant. */
  zoneName(ms: number, place: Place): string;
  /** A duration in words, exact to the minute. */
  duration(ms: number, locale?: string): string;
  /**
   * A display name that starts with an article the list and a status-page component cannot carry ("den
   * Parlo-Feed"); a language without such a check leaves it out.
   */
  leadingArticle?: RegExp;
  /** Names joined as a list: "A, B and C". Each name stays whole, whatever words it contains. */
  list(items: readonly string[]): string;
  /** Splits text into sentences; an ordinal ("12."), a date or an abbreviation ("z. B.") ends none. */
  sentences(text: string): string[];
  /** True when a sentence says whether data was lost (the facts then do not repeat it). */
  speaksOfDataLoss(sentence: string): boolean;
  /**
   * True when a sentence assures customers their data is safe ("Your data is safe."): the facts then do
   * not add "No data was lost." after it.
   */
  assuresData(sentence: string): boolean;
  /** True when a sentence leans on the one before it ("…, aber", "However, …"): quoted alone it misleads. */
  leansBack(sentence: string): boolean;
  /** Greeting and headings. */
  labels: NoticeLabels;
  /** The first paragraph after the greeting: German letters go on in lower case after "Guten Tag,". */
  afterGreeting(text: string): string;
  /** How a team signs when the config gives only the company's name: "The Relata team". */
  signOff(company: string): string;
  /** An e-mail subject naming the company before the headline: "Relata: …", in French "Relata : …". */
  subject(company: string, headline: string): string;
  /** The interview's drafts. */
  drafts: DraftWords;
  /** What the notice checks look for: the SEV1 noun and the apology. */
  checkWords: CheckWords;
  /**
   * The language's typography, for every text customers read, the author's too: French puts a narrow
   * no-break space before ; : ! ? and inside « » (and writes « » for "…"), Canadian French a full one
   * before : and inside « » (the OQLF's rule); English and German change nothing. Idempotent.
   */
  typeset(text: string, locale?: string): string;
  /** Adapts generated text to the locale's spelling (de-CH writes "ss" for "ß"). */
  spell(text: string, locale: string): string;
}
