/**
 * Français : tout ce que le produit dit aux clients en français (fr-FR, fr-BE, fr-CA, fr-CH).
 * Vouvoiement; « panne » only for a SEV1 outage, « perturbation » below. Times as "14 h 02" and
 * "10 h" on the hour in every locale: the rule of the Imprimerie nationale, the OQLF and Swiss French
 * style guides for running text ("14:02" and "10 h 00" belong to timetables). Zone names as Intl
 * gives them in the locale ("heure avancée de l’Est" in fr-CA). Display names stand after a colon
 * ("Services concernés : A et B."), so none needs an article or a gender.
 */
import { durationInWords, sameDay, wallTime, zoneName as zoneNameAt, type DurationWords } from './clock.js';
import { rangesText, withinOneDay, type RangeWords } from './ranges.js';
import { joinList, splitSentences } from './sentences.js';
import type { LanguageModule, NoticeFacts, Place } from './types.js';

/** The no-break space inside "14 h 02". */
const NBSP = '\u00a0';
/** The narrow no-break space French puts before ; : ! ? and inside « »: no line starts with the mark. */
const NNBSP = '\u202f';

/**
 * French typography over any text: the space an author typed before ; : ! ? or inside « » becomes
 * a narrow no-break space, "…" / “…” become « … », and a time ("22 h 50") gets no-break spaces. A mark
 * with no space before it is left alone ("14:02", "https://"). Canadian French (the OQLF's Banque de
 * dépannage linguistique) puts a full no-break space before the colon and inside « », a narrow one
 * before ; ! ?. Generated parts are written with the narrow space and pass through here too.
 */
function typeset(text: string, locale?: string): string {
  const wide = locale?.toLowerCase() === 'fr-ca' ? NBSP : NNBSP;
  // Each pattern starts only where its run starts (a lookbehind, or a class that excludes the opening
  // mark), so a long run of spaces or quotes costs linear time.
  return (
    text
      .replace(/"([^"\n]+)"|“([^“”\n]+)”/g, (_m, a?: string, b?: string) => `«${wide}${(a ?? b ?? '').trim()}${wide}»`)
      .replace(/«[ \u00a0\u202f]*/g, `«${wide}`)
      .replace(/(?<![ \u00a0\u202f])[ \u00a0\u202f]*»/g, `${wide}»`)
      .replace(
        /(?<![ \u00a0\u202f])[ \u00a0\u202f]+([;:!?])/g,
        (_m, mark: string) => `${mark === ':' ? wide : NNBSP}${mark}`,
      )
      .replace(/(\d) %/g, `$1${NNBSP}%`)
      // A time the author typed, "22 h 50" or "23 h", stays on one line, as the generated ones do.
      .replace(/(?<![\p{L}\p{N}])(\d{1,2}) h(?: (\d{2}))?(?![\p{L}\p{N}])/gu, (_m, h: string, m?: string) =>
        m === undefined ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${m}`,
      )
  );
}

const dayNumber = (n: number) => (n === 1 ? '1er' : String(n));

function day(ms: number, place: Place): string {
  const w = wallTime(ms, place.zone, place.locale);
  return `${dayNumber(w.day)} ${w.monthName} ${w.year}`;
}

/** "14 h 02", and "10 h" on the hour (never "10 h 00" in prose). */
function time(ms: number, place: Place): string {
  const w = wallTime(ms, place.zone, place.locale);
  return w.minute === 0 ? `${w.hour}${NBSP}h` : `${w.hour}${NBSP}h${NBSP}${String(w.minute).padStart(2, '0')}`;
}

function zoneName(ms: number, place: Place): string {
  // French has no abbreviations people use for zones: the name is spelled out ("heure d’été d’Europe centrale").
  return zoneNameAt(ms, place.zone, [], place.locale);
}

const bareMoment = (ms: number, place: Place) => `${day(ms, place)} à ${time(ms, place)}`;

/**
 * "A, B et C"; when a name holds "et" or "ou" ("paiements par carte et PayPal"), the commas and the
 * last "et" would blur where one name ends, so the names are listed with semicolons, as French
 * writes an enumeration after a colon: "A ; paiements par carte et PayPal".
 */
const list = (items: readonly string[]) =>
  items.some((item) => /(?<![\p{L}\p{N}])(?:et|ou)(?![\p{L}\p{N}])/iu.test(item))
    ? items.join(`${NNBSP}; `)
    : joinList(items, ' et ');

const RANGES: RangeWords = {
  day,
  onDay: (d, range) => `le ${d} ${range}`,
  time: (ms, place) => time(ms, place),
  moment: bareMoment,
  zoneName,
  withinDay: (from, to) => `de ${from} à ${to}`,
  acrossDays: (from, to) => `du ${from} au ${to}`,
  // Ranges hold no names: "de 14 h 02 à 14 h 31 et de 15 h 48 à 16 h 34", even if a zone's name holds "-et-".
  list: (items) => joinList(items, ' et '),
  withZone: (text, zone) => `${text} (${zone})`,
};

const DURATION: DurationWords = {
  day: ['jour', 'jours'],
  hour: ['heure', 'heures'],
  minute: ['minute', 'minutes'],
  lessThanAMinute: 'moins d’une minute',
};

const duration = (ms: number) => durationInWords(ms, DURATION, (items) => joinList(items, ' et '));

/**
 * The night the spans fall in, "26 au 27 octobre 2024" (or "31 mars au 1er avril 2024"), when they
 * run from the evening (20 h or later) to the next morning (8 h at the latest): French names such a
 * stretch « dans la nuit du 26 au 27 octobre », then gives the times alone.
 */
function night(spans: NoticeFacts['spans'], place: Place): string | null {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first === undefined || last === undefined || sameDay(first.start, last.end, place.zone)) return null;
  const a = wallTime(first.start, place.zone, place.locale);
  const b = wallTime(last.end, place.zone, place.locale);
  // Calendar days apart, counted on the wall dates (UTC midnights, so no zone or DST shifts them).
  const consecutive = Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day) === 86_400_000;
  if (!consecutive || a.hour < 20 || b.hour * 60 + b.minute > 8 * 60) return null;
  if (a.year !== b.year) return `${day(first.start, place)} au ${day(last.end, place)}`;
  const from = a.month === b.month ? dayNumber(a.day) : `${dayNumber(a.day)} ${a.monthName}`;
  return `${from} au ${day(last.end, place)}`;
}

/** Within one night every time stands alone: the night is named once, before them. */
const NIGHT: RangeWords = {
  ...RANGES,
  moment: (ms, place) => time(ms, place),
  acrossDays: (from, to) => `de ${from} à ${to}`,
  onDay: (_day, range) => range,
};

/**
 * Names the year once, at the end, when every date in the text has the same one: "du 16 novembre à
 * 22 h 07 au 17 novembre 2021 à 21 h 10", as French writes "du 7 au 14 octobre 2020".
 */
function yearOnce(text: string): string {
  const years = [...text.matchAll(/ (\d{4})(?!\d)/g)].map((m) => m[1]);
  if (years.length < 2 || new Set(years).size > 1) return text;
  let drop = years.length - 1;
  return text.replace(/ \d{4}(?!\d)/g, (year) => (drop-- > 0 ? '' : year));
}

function facts(f: NoticeFacts, place: Place): string[] {
  const noun = f.outage ? 'une panne' : 'une perturbation';
  const out: string[] = [];
  const affected = `${f.services.length === 1 ? 'Service concerné' : 'Services concernés'}${NNBSP}: ${list(f.services)}.`;
  if (f.spans.length === 0) {
    out.push(
      `${capital(noun)} est en cours depuis le ${bareMoment(f.started, place)} (${zoneName(f.started, place)}).`,
    );
    out.push(affected);
    if (!f.dataInText && !f.dataLost) out.push('Aucune donnée n’a été perdue à ce stade.');
    return out;
  }
  const first = f.spans[0] as { start: number };
  const lasted = f.impactMs === null ? '' : `, soit ${duration(f.impactMs)}${f.spans.length > 1 ? ' au total' : ''}`;
  const inNight = night(f.spans, place);
  let opening: string;
  if (withinOneDay(f.spans, place))
    opening = `Le ${day(first.start, place)}, ${noun} a eu lieu ${rangesText(f.spans, place, RANGES)}`;
  else if (inNight !== null)
    opening = `Dans la nuit du ${inNight}, ${noun} a eu lieu ${rangesText(f.spans, place, NIGHT)}`;
  else opening = `${capital(noun)} a eu lieu ${yearOnce(rangesText(f.spans, place, RANGES))}`;
  out.push(`${opening}${lasted}.`);
  out.push(affected);
  // Customers whose data stayed lost read no "entièrement résolu": the incident was closed, their data is not back.
  if (f.resolvedLater !== undefined)
    out.push(`L’incident a été ${f.dataLost ? 'clos' : 'entièrement résolu'} le ${day(f.resolvedLater, place)}.`);
  if (!f.dataInText && !f.dataLost) out.push('Aucune donnée n’a été perdue.');
  return out;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** French. */
export const fr: LanguageModule = {
  code: 'fr',
  name: 'French',
  defaultLocale: 'fr-FR',
  facts,
  day,
  moment: (ms, place) => `${bareMoment(ms, place)} (${zoneName(ms, place)})`,
  zoneName,
  duration,
  list,
  sentences: (text) =>
    splitSentences(text, {
      // Months as abbreviated before a year ("5 janv. 2025"), and words before a number ("tél. 01…", "art. 5").
      abbreviations: [
        'p. ex.',
        'env.',
        'cf.',
        'M.',
        'MM.',
        'n°.',
        'av.',
        'apr.',
        'J.-C.',
        'c.-à-d.',
        'tél.',
        'art.',
        'p.',
        'janv.',
        'févr.',
        'avr.',
        'juil.',
        'juill.',
        'sept.',
        'oct.',
        'nov.',
        'déc.',
      ],
      dottedOrdinals: false,
    }),
  assuresData: (s) =>
    /données/i.test(s) &&
    /(en sécurité|intacte|préservée|conservée|(pas|aucunement) (été )?(touchée|affectée|concernée))/i.test(s),
  speaksOfDataLoss: (s) =>
    /pertes? de données|perdu|disparu|irrécupérable|supprimé|effacé|(pas|plus|jamais) (pu )?(être |été )?(récupér|restaur|enregistr|sauvegard|conserv)é/i.test(
      s,
    ),
  // A demonstrative ("Ces brouillons…", "Celles-ci…") points back as much as "mais" does, and "Le reste…"
  // as much as English "The rest…".
  leansBack: (s) =>
    /^(?:mais|cependant|toutefois|pourtant|néanmoins|en revanche|or|le reste|le restant|cela|ceci|ce|cet|cette|ces)(?![\p{L}\p{N}])/iu.test(
      s,
    ) || /^(?:celui|celle|celles|ceux|ils|elles)(?![\p{L}\p{N}])/iu.test(s),
  labels: {
    greeting: 'Bonjour,',
    whatHappened: `Que s’est-il passé${NNBSP}?`,
    impactOngoing: 'Ce que cela signifie pour vous',
    impactPast: 'Ce que cela a signifié pour vous',
    nextSteps: 'La suite',
    apology: 'Nos excuses',
  },
  afterGreeting: (text) => text,
  // French puts a narrow no-break space before a colon; the headline keeps its capital (it may start with a name).
  subject: (company, headline) => `${company}${NNBSP}: ${headline}`,
  typeset,
  signOff: (company) => `L’équipe ${company}`,
  spell: (text) => text,
  checkWords: {
    // « panne » and « pannes » as whole words: « dépannage » is a repair, « en panne » still an outage;
    // « panne de courant » / « panne d’électricité » name a power cut, not the incident.
    outage: /(?<![\p{L}\p{N}])pannes?(?![\p{L}\p{N}])(?! (?:de courant|d['’]électricité|électriques?|de secteur))/giu,
    outageStems: ['panne'],
    outageInstead: '"perturbation" or "dysfonctionnement"',
    apology: /(excus|désolée?s?|regrett|pardon)/iu,
    apologyExample: '"Nous vous prions de nous excuser."',
  },
  drafts: {
    reach: {
      SEV1: 'notre service était indisponible',
      SEV2: 'des parties importantes de notre service étaient indisponibles',
      SEV3: 'certaines parties de notre service étaient lentes ou partiellement indisponibles',
      SEV4: 'certaines parties de notre service étaient plus lentes que d’habitude',
      other: 'certaines parties de notre service étaient lentes ou partiellement indisponibles',
    },
    causes: {
      'failed-rollback':
        'Une mise à jour logicielle n’a pas fonctionné comme prévu, et le retour à la version précédente a pris plus de temps que prévu.',
      'untested-update':
        'Une mise à jour logicielle a provoqué une erreur que nos tests n’avaient pas détectée avant sa publication.',
      // The category says a backup was missing, not that data was damaged or lost (the engineer says that).
      'missing-backup': 'Nous ne disposions pas d’une sauvegarde complète et utilisable des données concernées.',
      'data-migration': 'Une maintenance planifiée de notre stockage de données ne s’est pas déroulée comme prévu.',
      capacity: 'Nos systèmes ont reçu plus de charge qu’ils ne pouvaient en traiter.',
      network: 'Un problème de réseau a empêché les requêtes d’atteindre nos systèmes.',
      configuration: 'Une modification des paramètres de nos systèmes n’a pas fonctionné comme prévu.',
      dependency: 'Un service dont nos systèmes dépendent a rencontré un problème.',
      // « cet incident », whatever the severity: « une perturbation » would play down a total outage.
      other: 'Un problème technique dans nos systèmes est à l’origine de cet incident.',
    },
    // « Panne » for a total outage (SEV1), as the facts say; « perturbation » below.
    headline: (date, outage) => `${outage ? 'Panne' : 'Perturbation'} de notre service${date ? ` le ${date}` : ''}`,
    customerImpact: (duration, reach, lost) =>
      `${duration ? `Pendant ${duration}, ${reach}` : capital(reach)} pour vous. ` +
      // Lost data said plainly and owned ("nous avons perdu"), not a passive "des données ont été perdues".
      (lost ? 'Nous avons perdu des données que vous aviez enregistrées chez nous.' : 'Aucune donnée n’a été perdue.'),
    nextSteps: (lost) =>
      lost
        ? 'Nous apportons des changements pour que cela ne se reproduise pas.'
        : 'Vous n’avez rien à faire. Nous apportons des changements pour que cela ne se reproduise pas.',
    apology: (harm) =>
      harm
        ? 'Nous vous présentons nos sincères excuses. Vous comptez sur nous, et nous vous avons déçus.'
        : 'Nous vous prions de nous excuser pour cette perturbation.',
    status: (f) => [
      f.day ? `Le ${f.day}, ${f.reach}.` : `${capital(f.reach)}.`,
      ...(f.duration
        ? [`${f.outage ? 'La panne' : 'La perturbation'} a duré ${f.duration}${f.total ? ' au total' : ''}.`]
        : []),
      ...(f.dataLost === false ? ['Aucune donnée n’a été perdue.'] : []),
    ],
  },
};
