// A varied benchmark corpus: postmortems as different as real ones (prose of realistic length in
// English and German with many names, long timelines with sub-lists, action-item tables with
// extra columns, front matter with every optional key), about 1 % subtly broken. Deterministic.

/** A small deterministic PRNG (mulberry32), so every run lints the same corpus. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Given names and surnames for authors and owners (the real-prose corpus takes the first of them too). */
export const FIRST = [
  'Carla',
  'Jonas',
  'Priya',
  'Mehmet',
  'Sofia',
  'Lukas',
  'Aiko',
  'Fatima',
  'Ben',
  'Greta',
  'Tomasz',
  'Ines',
  'Oskar',
  'Leonie',
  'Ravi',
  'Hannah',
  'Mateo',
  'Svenja',
  'Kwame',
  'Elif',
];
export const LAST = [
  'Neumeier',
  'Brandt',
  'Okafor',
  'Yilmaz',
  'Rossi',
  'Schulz',
  'Tanaka',
  'Haddad',
  'Fischer',
  'Nowak',
  'Weber',
  'Lindqvist',
  'Moreau',
  'Krüger',
  'Iyer',
  'Becker',
  'García',
  'Hoffmann',
  'Mensah',
  'Demir',
];
const SERVICES = [
  'crm-web',
  'crm-workers',
  'billing-api',
  'search',
  'auth',
  'mail-relay',
  'fragment-cache',
  'reporting',
  'mobile-sync',
  'webhooks',
  'ledger',
  'export',
];
/** Shared with the real-prose corpus (scripts/bench-real-corpus.mjs). */
export const CATEGORIES = [
  'failed-rollback',
  'untested-update',
  'missing-backup',
  'data-migration',
  'capacity',
  'network',
  'configuration',
  'dependency',
];
/** Shared with the real-prose corpus (scripts/bench-real-corpus.mjs). */
export const TEAMS = ['release-eng', 'sre-team', 'crm-core', 'platform-team', 'data-team', 'support-ops'];
/** Shared with the real-prose corpus (scripts/bench-real-corpus.mjs). */
export const ZONES = [
  ['Europe/Berlin', '+02:00'],
  ['UTC', 'Z'],
  ['America/New_York', '-04:00'],
];

const EN = [
  (n, s) =>
    `${n} noticed that ${s} answered slowly and opened a thread in the incident channel to collect what everyone saw.`,
  (n, s) =>
    `The dashboards for ${s} showed the error rate climbing while ${n} compared the release notes with the deployed configuration.`,
  (n, s) =>
    `Because the runbook for ${s} described an older topology, ${n} and the on-call engineer rebuilt the steps from the service's own documentation.`,
  (n, s) =>
    `We kept customer support informed every thirty minutes; ${n} wrote the updates and checked them against what ${s} actually did.`,
  (n, s) =>
    `Traffic to ${s} was shifted to the secondary region after ${n} confirmed that its replicas had caught up with the primary.`,
  (n, s) =>
    `The retry policy of ${s} multiplied the load on its dependencies, which is why ${n} lowered the concurrency limit by hand.`,
  (n, s) =>
    `Nobody had exercised this failure mode of ${s} before, so ${n} wrote down every command and its output for the review.`,
  (n, s) =>
    `Monitoring for ${s} compared averages, not percentiles, and the slowest requests stayed invisible until ${n} looked at the raw logs.`,
];
const DE = [
  (n, s) =>
    `${n} bemerkte, dass ${s} langsam antwortete, und sammelte im Incident-Kanal, was alle Beteiligten beobachtet hatten.`,
  (n, s) =>
    `Die Dashboards von ${s} zeigten eine steigende Fehlerrate, während ${n} die Release-Notizen mit der ausgerollten Konfiguration verglich.`,
  (n, s) =>
    `Weil das Runbook für ${s} eine ältere Topologie beschrieb, rekonstruierten ${n} und die Rufbereitschaft die Schritte aus der Dokumentation.`,
  (n, s) =>
    `Der Kundensupport wurde alle dreißig Minuten informiert; ${n} schrieb die Updates und prüfte sie gegen das tatsächliche Verhalten von ${s}.`,
  (n, s) =>
    `Der Verkehr zu ${s} wurde in die zweite Region verlagert, nachdem ${n} bestätigt hatte, dass die Replikate aufgeholt hatten.`,
  (n, s) =>
    `Die Wiederholungsstrategie von ${s} vervielfachte die Last auf den Abhängigkeiten, deshalb senkte ${n} das Limit von Hand.`,
];
const EVENTS = [
  'Release deployed to all web nodes',
  'Alert `web_5xx_ratio` pages the on-call engineer',
  'Incident declared; bridge opened',
  'Rollback started',
  'Cache flushed; pages load again',
  'Error rate rises again',
  'Traffic shifted to the secondary region',
  'Replica lag back under one second',
  'Status page updated for customers',
  'Fix verified in staging',
  'Fix deployed to production',
  'Queues drained; backlog processed',
];
const DETAILS = [
  'Checked `deploy.log` on two nodes',
  'Support informed via the incident channel',
  'Graphs attached to the ticket',
  'Config diff between staging and production reviewed',
  'Capacity headroom at 20 %',
];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function person(rand) {
  return `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function paragraph(rand, german, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(pick(rand, german ? DE : EN)(person(rand), pick(rand, SERVICES)));
  return out.join(' ');
}

/** One postmortem; `i` makes its id unique. */
export function postmortem(rand, i) {
  const german = rand() < 0.3;
  const year = 2016 + Math.floor(rand() * 9);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const id = `${date}-incident-${i}`;
  const [zone, offset] = pick(rand, ZONES);
  const iso = (minutes) => `${date}T${pad(8 + Math.floor(minutes / 60))}:${pad(minutes % 60)}:00${offset}`;
  const stamp = (minutes) => `${date} ${pad(8 + Math.floor(minutes / 60))}:${pad(minutes % 60)} ${offset}`;
  const items = 15 + Math.floor(rand() * 40);
  const minutes = [];
  let t = 0;
  for (let k = 0; k < items; k++) {
    minutes.push(t);
    t += 1 + Math.floor(rand() * Math.min(12, 600 / items));
  }
  const last = minutes[items - 1];
  const services = [...new Set([pick(rand, SERVICES), pick(rand, SERVICES), pick(rand, SERVICES)])];
  const authors = [
    person(rand),
    rand() < 0.5 ? `${pick(rand, FIRST).toLowerCase()[0]}.${pick(rand, LAST).toLowerCase()}` : person(rand),
  ];
  const fm = [
    '---',
    `id: ${id}`,
    `title: ${german ? 'Störung' : 'Outage'} of ${services[0]} after a ${pick(rand, ['release', 'migration', 'config change', 'network change'])}`,
    'status: final',
    `severity: SEV${1 + Math.floor(rand() * 4)}`,
    'authors:',
    ...authors.map((a) => `  - ${a}`),
    'services:',
    ...services.map((s) => `  - ${s}`),
    `started: "${iso(minutes[0])}"`,
    `detected: "${iso(minutes[1])}"`,
    `mitigated: "${iso(minutes[items - 2])}"`,
    `resolved: "${iso(last)}"`,
    `timezone: ${zone}`,
    'impact:',
    `  customers_affected: ${Math.floor(rand() * 20000)}`,
    `  data_loss: ${rand() < 0.1}`,
    `  description: "${german ? 'Die Web-App war für viele Kunden nicht erreichbar.' : 'The web app failed for many customers.'}"`,
    '  windows:',
    `    - start: "${iso(minutes[0])}"`,
    `      end: "${iso(minutes[items - 2])}"`,
    'root_causes:',
    ...[0, 1].flatMap(() => [
      `  - category: ${pick(rand, CATEGORIES)}`,
      `    summary: "${paragraph(rand, false, 1).replace(/"/g, "'")}"`,
    ]),
    'tags:',
    '  - release',
    `  - ${pick(rand, ['cache', 'database', 'network', 'config'])}`,
    'notice:',
    '  languages: [en, de]',
    '  headline:',
    `    en: "Disruption of ${services[0]}"`,
    `    de: "Störung von ${services[0]}"`,
    '  what_happened:',
    '    en: "A software update caused errors in our web app. We returned to the previous version and restarted our systems."',
    '    de: "Ein Software-Update führte zu Fehlern in unserer Web-App. ' +
      'Wir sind zur vorherigen Version zurückgekehrt und haben unsere Systeme neu gestartet."',
    '  customer_impact:',
    '    en: "Pages in the web app showed an error for a while. No data was lost."',
    '    de: "Seiten der Web-App zeigten eine Zeit lang Fehler. Es sind keine Daten verloren gegangen."',
    '  next_steps:',
    '    en: "You do not need to do anything."',
    '    de: "Sie müssen nichts tun."',
    '  apology:',
    '    en: "We are sorry."',
    '    de: "Es tut uns leid."',
    '---',
  ];
  const timeline = [];
  for (let k = 0; k < items; k++) {
    timeline.push(`- ${stamp(minutes[k])} — ${pick(rand, EVENTS)}`);
    if (rand() < 0.25) {
      const subs = 1 + Math.floor(rand() * 3);
      for (let j = 0; j < subs; j++) timeline.push(`  - ${pick(rand, DETAILS)}`);
    }
  }
  const extraColumns = rand() < 0.5;
  const header = extraColumns
    ? '| Action | Type | Owner | Due | Status | Ticket | Priority | Notes |\n| --- | --- | --- | --- | --- | --- | --- | --- |'
    : '| Action | Type | Owner | Due | Status | Ticket |\n| --- | --- | --- | --- | --- | --- |';
  const rows = [];
  const actions = 3 + Math.floor(rand() * 8);
  for (let k = 0; k < actions; k++) {
    const due = `${year + 1}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const base =
      `| ${paragraph(rand, false, 1).slice(0, 60).replace(/[|.]/g, '').trim()} ` +
      `| ${pick(rand, ['prevent', 'mitigate', 'detect', 'process'])} | ${pick(rand, TEAMS)} | ${due} ` +
      `| ${pick(rand, ['open', 'in-progress', 'done'])} | CRM-${4000 + k}`;
    rows.push(extraColumns ? `${base} | P${1 + Math.floor(rand() * 3)} | ${pick(rand, DETAILS)} |` : `${base} |`);
  }
  const prose = (n) =>
    Array.from({ length: n }, () => paragraph(rand, german, 2 + Math.floor(rand() * 4))).join('\n\n');
  const body = [
    '## Summary',
    prose(1 + Math.floor(rand() * 2)),
    '## Impact',
    `- About ${Math.floor(rand() * 9000)} accounts could not use ${services[0]}.\n- No data was lost.\n\n${prose(1)}`,
    '## Timeline',
    timeline.join('\n'),
    '## Root cause',
    prose(2 + Math.floor(rand() * 3)),
    '## Detection',
    prose(1),
    '## Resolution',
    prose(1 + Math.floor(rand() * 2)),
    '## Action items',
    `${header}\n${rows.join('\n')}`,
    '## Lessons learned',
    '### What went well',
    `- ${paragraph(rand, german, 1)}`,
    '### What went wrong',
    `- ${paragraph(rand, german, 1)}`,
    '### Where we got lucky',
    `- ${paragraph(rand, german, 1)}`,
  ];
  return `${fm.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** Subtle breakage, each caught by one rule. */
export const BREAKAGES = [
  (t) => t.replace(/^(- \d{4}-\d{2}-\d{2} \d{2}:\d{2} [^\n]*)\n(- \d{4}-\d{2}-\d{2} \d{2}:\d{2} [^\n]*)$/m, '$2\n$1'),
  (t) => t.replace(/^severity: SEV\d/m, 'severity: SEV5'),
  (t) => t.replace(/^(started: "[^"]*?)(Z|[+-]\d{2}:\d{2})"/m, '$1"'),
  (t) => t.replace(/## Detection\n\n/, '## Detection\n\nTBD. '),
  (t) => t.replace(/## Resolution\n\n/, '## Resolution\n\nThe outage was caused by human error. '),
];
