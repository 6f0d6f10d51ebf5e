/**
 * Deutsch: alles, was das Produkt Kundinnen und Kunden auf Deutsch sagt (de-DE, de-AT, de-CH).
 * Display names are written once, in the nominative, as a customer reads them in a list; every
 * sentence puts them where the nominative is right ("Betroffen waren: A und B."), so none needs declining.
 */
import { durationInWords, sameDay, wallTime, zoneName as zoneNameAt, type DurationWords } from './clock.js';
import { rangesText, withinOneDay, type RangeWords } from './ranges.js';
import { joinList, splitSentences } from './sentences.js';
import type { ImpactSpan, LanguageModule, NoticeFacts, Place } from './types.js';

function day(ms: number, place: Place): string {
  const w = wallTime(ms, place.zone, place.locale);
  return `${w.day}. ${w.monthName} ${w.year}`;
}

/** True for Swiss (and Liechtenstein) Standard German: "ss" for "ß", "14.02 Uhr". */
const swiss = (locale: string) => /^de-(CH|LI)$/.test(locale);

/**
 * "14:02 Uhr", or "14:02" where "Uhr" follows once at the end of the range. Swiss German writes
 * "14.02 Uhr" (the Federal Chancellery's Schreibweisungen separate hours and minutes by a full stop).
 */
function time(ms: number, place: Place, bare = false): string {
  const w = wallTime(ms, place.zone, place.locale);
  const text = `${w.hour}${swiss(place.locale) ? '.' : ':'}${String(w.minute).padStart(2, '0')}`;
  return bare ? text : `${text} Uhr`;
}

function zoneName(ms: number, place: Place): string {
  return zoneNameAt(ms, place.zone, [place.locale, 'de-DE'], place.locale);
}

const bareMoment = (ms: number, place: Place) => `${day(ms, place)}, ${time(ms, place)}`;

/** An "und" inside a name ("Karten- und PayPal-Zahlungen"): the list then joins its last name with "sowie". */
const OWN_UND = /(?<![\p{L}\p{N}])und(?![\p{L}\p{N}])/iu;

/**
 * "A, B und C"; when a name holds an "und" of its own, "A, B und C sowie D", so that "Ticketkauf in der
 * App sowie Karten- und PayPal-Zahlungen" reads as two names, not three.
 */
const list = (items: readonly string[]) => joinList(items, items.some((i) => OWN_UND.test(i)) ? ' sowie ' : ' und ');

/** A date and time is an apposition: a comma closes it before the sentence goes on. */
const closed = (text: string) => (text.includes(',') ? `${text},` : text);

const RANGES: RangeWords = {
  day,
  onDay: (d, range) => `am ${d} ${range}`,
  time,
  moment: bareMoment,
  zoneName,
  withinDay: (from, to) => `von ${closed(from)} bis ${to}`,
  acrossDays: (from, to) => `vom ${closed(from)} bis zum ${to}`,
  list,
  withZone: (text, zone) => `${text} (${zone})`,
};

const DURATION: DurationWords = {
  day: ['Tag', 'Tage'],
  hour: ['Stunde', 'Stunden'],
  minute: ['Minute', 'Minuten'],
  lessThanAMinute: 'weniger als eine Minute',
};

const duration = (ms: number) => durationInWords(ms, DURATION, list);

function facts(f: NoticeFacts, place: Place): string[] {
  const out: string[] = [];
  const one = f.services.length === 1;
  if (f.spans.length === 0) {
    const noun = f.outage ? 'ein Ausfall' : 'eine Störung';
    out.push(`Seit dem ${bareMoment(f.started, place)} (${zoneName(f.started, place)}), besteht ${noun}.`);
    out.push(`Betroffen ${one ? 'ist' : 'sind'}: ${list(f.services)}.`);
    if (!f.dataInText && !f.dataLost) out.push('Bisher sind keine Daten verloren gegangen.');
    return out.map((s) => spell(s, place.locale));
  }
  const noun = f.outage ? 'einem Ausfall' : 'einer Störung';
  const pronoun = f.outage ? 'er' : 'sie';
  const when = rangesText(f.spans, place, RANGES);
  const first = f.spans[0] as ImpactSpan;
  const last = f.spans[f.spans.length - 1] as ImpactSpan;
  // "bis zum 14. Oktober 2020, 10:00 Uhr (MESZ), kam es": the apposition closed as the one after "vom …" is.
  const opening = withinOneDay(f.spans, place)
    ? `Am ${day(first.start, place)} kam es ${when}`
    : `${capital(when)}${sameDay(last.start, last.end, place.zone) ? '' : ','} kam es`;
  const lasted =
    f.impactMs === null ? '' : `; ${pronoun} dauerte ${f.spans.length > 1 ? 'insgesamt ' : ''}${duration(f.impactMs)}`;
  out.push(`${opening} zu ${noun}${lasted}.`);
  out.push(`Betroffen ${one ? 'war' : 'waren'}: ${list(f.services)}.`);
  // Where data was lost, nothing was "fully fixed" for those who lost it: the incident was closed.
  if (f.resolvedLater !== undefined)
    out.push(
      `${f.dataLost ? 'Abgeschlossen' : 'Vollständig behoben'} war der Vorfall am ${day(f.resolvedLater, place)}.`,
    );
  if (!f.dataInText && !f.dataLost) out.push('Es sind keine Daten verloren gegangen.');
  return out.map((s) => spell(s, place.locale));
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Swiss Standard German writes no "ß". */
function spell(text: string, locale: string): string {
  return swiss(locale) ? text.replace(/ß/g, 'ss') : text;
}

/** German. */
export const de: LanguageModule = {
  code: 'de',
  name: 'German',
  defaultLocale: 'de-DE',
  facts,
  day,
  moment: (ms, place) => `${bareMoment(ms, place)} (${zoneName(ms, place)})`,
  zoneName,
  duration,
  list,
  // Lower case only: a name is written as it stands mid-sentence, so "den Parlo-Feed" carries an article
  // (and a case), while "Das Örtliche" is a product's own name.
  leadingArticle: /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s/u,
  sentences: (text) =>
    splitSentences(text, {
      abbreviations: [
        'z. B.',
        'z.B.',
        'd. h.',
        'd.h.',
        'u. a.',
        'bzw.',
        'ca.',
        'Nr.',
        'vgl.',
        'ggf.',
        'inkl.',
        'evtl.',
        'Dr.',
        'St.',
        // Seen in customer wording; a full stop after them ends no sentence ("bei ca. 2 Mio. Kundinnen").
        // Not "usw.", "etc.", "o. Ä.", "Std.": they close a list or a figure, and a capital after them starts a sentence.
        'u.a.',
        'z. T.',
        'z.T.',
        'u. U.',
        // The "o." of "o. Ä." (and the "u." of "u. Ä.", from "u. a."): "Ä." may end the sentence.
        'o.',
        'bspw.',
        'sog.',
        'insb.',
        'zzgl.',
        'Mio.',
        'Mrd.',
        'Tsd.',
        'Tel.',
        'Abs.',
        'Fr.',
        'Hr.',
        'Prof.',
        'Jan.',
        'Feb.',
        'Apr.',
        'Jun.',
        'Jul.',
        'Aug.',
        'Sep.',
        'Sept.',
        'Okt.',
        'Nov.',
        'Dez.',
      ],
      dottedOrdinals: true,
    }),
  assuresData: (s) =>
    /daten(?![\p{L}])/iu.test(s) &&
    /(?<![\p{L}])(sicher|intakt|unversehrt|unberührt|nicht betroffen|(sind|waren|bleiben|blieben) (\p{L}+ )?erhalten)(?![\p{L}])/iu.test(
      s,
    ),
  speaksOfDataLoss: (s) =>
    /Datenverlust|verloren|gelöscht|unwiederbringlich|überschrieben/i.test(s) ||
    // "nicht" followed later on its line by a rescue verb, looked for after the line's first "nicht"
    // only: the same answer as /\bnicht\b.*(…)/ without a scan from every "nicht" (quadratic).
    s
      .split(/[\n\r\u2028\u2029]/)
      .some((line) =>
        /(?:wiederhergestellt|wiederherstellen|zurückholen|zurückgeholt|gespeichert|gerettet)/i.test(
          line.slice(line.search(/\bnicht\b/i) >>> 0),
        ),
      ),
  leansBack: (s) =>
    /(?:^|\s)(?:aber|jedoch|allerdings|trotzdem|dennoch)(?=[\s,.])|^(?:dies|diese[rs]?|das|sie|es)\b/i.test(s),
  labels: {
    greeting: 'Guten Tag,',
    whatHappened: 'Was ist passiert?',
    impactOngoing: 'Was das für Sie bedeutet',
    impactPast: 'Was das für Sie bedeutete',
    nextSteps: 'Wie es weitergeht',
    apology: 'Unsere Entschuldigung',
  },
  afterGreeting: (text) => text.charAt(0).toLowerCase() + text.slice(1),
  subject: (company, headline) => `${company}: ${headline}`,
  typeset: (text) => text,
  signOff: (company) => `Ihr ${company}-Team`,
  spell,
  checkWords: {
    // Whole words only ("Zugausfällen", "Zug-Ausfälle" and "E-Mail-Ausfall" are no outage of ours), and
    // compounds that mean the whole service was out;
    // no unbounded prefix, so a long word costs linear time.
    outage:
      /(?<![\p{L}\p{N}]-?)(?:(?:total|komplett|gesamt|voll|system|dienst|server|plattform)-?)?ausf[aä]ll(?:en?|e?s)?(?!-?[\p{L}\p{N}])/giu,
    // Not "ausf": the pattern takes a long s ("ſ") for its "s".
    outageStems: ['fall', 'fäll'],
    outageInstead: '"Störung" or "Beeinträchtigung"',
    apology: /(entschuldig|tut (uns|mir) (\p{L}+ )?leid|bedauern)/iu,
    apologyExample: '"Es tut uns leid."',
  },
  drafts: {
    reach: {
      SEV1: 'war unser Dienst für Sie nicht erreichbar',
      SEV2: 'waren wichtige Teile unseres Dienstes für Sie nicht erreichbar',
      SEV3: 'waren Teile unseres Dienstes für Sie langsam oder teilweise nicht erreichbar',
      SEV4: 'waren Teile unseres Dienstes für Sie langsamer als gewohnt',
      other: 'waren Teile unseres Dienstes für Sie langsam oder teilweise nicht erreichbar',
    },
    // Each says what its category says and no more: not "beschädigt" for a missing backup, not
    // "dauerte länger" for a failed rollback, not "verhinderte" for a network problem that only slowed things.
    causes: {
      'failed-rollback':
        'Ein Software-Update funktionierte nicht wie vorgesehen, und auch die Rückkehr zur vorherigen Version gelang nicht wie geplant.',
      'untested-update':
        'Ein Software-Update verursachte einen Fehler, den unsere Tests vor der Veröffentlichung nicht erkannt hatten.',
      'missing-backup':
        'Für einen Teil der bei uns gespeicherten Daten hatten wir keine vollständige, funktionierende Sicherung.',
      'data-migration': 'Arbeiten an unserer Datenspeicherung verliefen nicht wie vorgesehen.',
      capacity: 'Unsere Systeme erhielten mehr Last, als sie verarbeiten konnten.',
      network: 'Ein Netzwerkproblem störte die Verbindung zu unseren Systemen.',
      configuration: 'Eine Änderung an den Einstellungen unserer Systeme funktionierte nicht wie vorgesehen.',
      dependency: 'Ein Dienst, von dem unsere Systeme abhängen, funktionierte nicht wie vorgesehen.',
      other: 'Ein technisches Problem in unseren Systemen verursachte eine Störung.',
    },
    headline: (date, outage) => `${outage ? 'Ausfall' : 'Störung'} unseres Dienstes${date ? ` am ${date}` : ''}`,
    customerImpact: (duration, reach, lost) =>
      `${duration ? `${duration} lang` : 'Zeitweise'} ${reach}. ` +
      (lost ? 'Bei uns gespeicherte Daten sind verloren gegangen.' : 'Es sind keine Daten verloren gegangen.'),
    nextSteps: (lost) =>
      lost
        ? 'Wir nehmen Änderungen vor, damit sich dies nicht wiederholt.'
        : 'Sie müssen nichts tun. Wir nehmen Änderungen vor, damit sich dies nicht wiederholt.',
    apology: (harm) =>
      harm
        ? 'Es tut uns sehr leid. Sie verlassen sich auf uns, und wir haben Sie enttäuscht.'
        : 'Es tut uns leid, dass Sie davon betroffen waren.',
    // The reach starts with its verb ("waren wichtige Teile …"): the day or "Zeitweise" goes first.
    // With a day and a duration the day is when it began ("Am 2. Oktober begann ein Ausfall: 4 Tage … lang"),
    // never "Am 2. Oktober war unser Dienst nicht erreichbar" beside a duration of four days.
    status: (f) => {
      const lasted = f.duration ? `${f.total ? 'insgesamt ' : ''}${f.duration} lang ${f.reach}` : null;
      const first =
        f.day && lasted
          ? `Am ${f.day} begann ${f.outage ? 'ein Ausfall' : 'eine Störung'}: ${lasted}.`
          : f.day
            ? `Am ${f.day} ${f.reach}.`
            : `${lasted ? capital(lasted) : `Zeitweise ${f.reach}`}.`;
      return [first, ...(f.dataLost === false ? ['Es sind keine Daten verloren gegangen.'] : [])];
    },
  },
};
