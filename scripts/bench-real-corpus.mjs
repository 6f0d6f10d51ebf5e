// The bench corpus of real prose: postmortems in our format (front matter, sections, timeline,
// action-item table, a customer notice) whose every sentence, timeline event, cause, lesson, action
// and notice text comes from real public postmortems (English) and incident reports (German), listed
// with commit and licence in scripts/bench-sources.json. The texts are read at run time from a git
// mirror of each repository (POSTMORTEM_BENCH_MIRROR, default /work/.mirror, folders `owner+name`),
// else from a bare clone of the public URL kept in bench-corpus/.sources; a source that is neither
// there nor clonable is skipped with a message. Deterministic: the same sources and seed give the
// same files. About 1 % of the files carry one known defect each (BREAKAGES of bench-corpus.mjs).
//
//   node scripts/bench-real-corpus.mjs DIR COUNT     writes COUNT files into DIR (for a look or a profile)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './bench-args.mjs';
import {
  BREAKAGES,
  CATEGORIES,
  FIRST as GENERATED_FIRST,
  LAST as GENERATED_LAST,
  prng,
  TEAMS,
  ZONES,
} from './bench-corpus.mjs';

const MANIFEST = join(ROOT, 'scripts', 'bench-sources.json');
const MIRROR = process.env.POSTMORTEM_BENCH_MIRROR ?? '/work/.mirror';
const CLONES = join(ROOT, 'bench-corpus', '.sources');

/** The git directory of a mirror (`repo/.git` or bare `repo`) or of a clone made here, or null. */
function gitDir(repo) {
  const name = repo.replace('/', '+');
  for (const dir of [join(MIRROR, name, 'repo', '.git'), join(MIRROR, name, 'repo'), join(CLONES, name)]) {
    if (existsSync(join(dir, 'objects'))) return dir;
  }
  const into = join(CLONES, name);
  mkdirSync(CLONES, { recursive: true });
  console.error(`bench-real-corpus: no mirror of ${repo}; cloning https://github.com/${repo}.git …`);
  const clone = spawnSync('git', ['clone', '--bare', '--quiet', `https://github.com/${repo}.git`, into], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
  return clone.status === 0 ? into : null;
}

/** The files of one source at its pinned commit, as [path, text] pairs (git cat-file in one batch). */
function readSource(source) {
  const dir = gitDir(source.repo);
  if (!dir) {
    console.error(`bench-real-corpus: skipping ${source.repo} (no mirror and the clone failed)`);
    return [];
  }
  const git = (argv, input) =>
    execFileSync('git', ['--git-dir', dir, ...argv], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
  let commit = source.commit;
  try {
    git(['cat-file', '-e', `${commit}^{commit}`]);
  } catch {
    commit = git(['rev-parse', 'HEAD']).toString().trim();
    console.error(
      `bench-real-corpus: ${source.repo} lacks ${source.commit.slice(0, 12)}; using ${commit.slice(0, 12)}`,
    );
  }
  const include = new RegExp(source.include);
  const entries = git(['ls-tree', '-r', '-z', commit])
    .toString()
    .split('\0')
    .filter(Boolean)
    .map((line) => /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line))
    .filter((m) => m && include.test(m[2]))
    .sort((a, b) => (a[2] < b[2] ? -1 : 1));
  const out = git(['cat-file', '--batch'], entries.map((m) => m[1]).join('\n') + '\n');
  const files = [];
  let at = 0;
  for (const m of entries) {
    const nl = out.indexOf(10, at);
    const size = Number(/ (\d+)$/.exec(out.subarray(at, nl).toString())[1]);
    files.push([m[2], out.subarray(nl + 1, nl + 1 + size).toString('utf8')]);
    at = nl + 1 + size + 1;
  }
  return files;
}

/** Markdown reduced to plain text: links to their words, no HTML, images, emphasis or stray pipes. */
function plain(text) {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/(\*\*|__|~~)/g, '')
    .replace(/(^|\s)[*_](\S[^*_]*?)[*_](?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/[|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const SENTENCE_END = /(?<=[.!?])\s+(?=["'„“(]?[A-ZÄÖÜ0-9])/u;

/** The sentences of a paragraph worth using: whole, with letters, of a readable length. */
function sentences(paragraph) {
  return plain(paragraph)
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length >= 25 && s.length <= 400 && /\p{L}{3}/u.test(s) && (s.match(/`/g) ?? []).length % 2 === 0);
}

/** Which pool a heading's text feeds. */
function poolOf(heading) {
  const h = heading.toLowerCase();
  if (/timeline|chronolog|zeitlich|ablauf|verlauf|^\d{4}-\d{2}-\d{2}|update/.test(h)) return 'timeline';
  if (/root|cause|contribut|why|trigger|ursache|grund/.test(h)) return 'cause';
  if (/impact|affect|auswirk|betroffen/.test(h)) return 'impact';
  if (/detect|alert|monitor|erkann|entdeck/.test(h)) return 'detection';
  if (/resol|fix|recover|mitigat|remed|respon|behoben|lösung|behebung/.test(h)) return 'resolution';
  if (/lesson|learn|went|lucky|gelernt|erkenntnis/.test(h)) return 'lessons';
  if (/action|follow|next|todo|prevent|maßnahm|massnahm/.test(h)) return 'actions';
  return 'general';
}

const POOLS = [
  'general',
  'timeline',
  'cause',
  'impact',
  'detection',
  'resolution',
  'lessons',
  'actions',
  'titles',
  'notice',
  'apology',
];

// Sentences without a section of their own (most summaries) go by their words into a section's pool too.
const TOPICS = [
  [
    'detection',
    /\b(alert(ed|s)?|paged|noticed|detected|monitoring|discovered|bemerkt|Monitoring|festgestellt|gemeldet)\b/,
  ],
  [
    'resolution',
    /\b(restored|rolled back|reverted|fixed|resolved|recovered|mitigated|behoben|wiederhergestellt|funktioniert wieder)\b/,
  ],
  ['impact', /\b(customers?|users?|unavailable|errors?|latency|Nutzer|Kunden|nicht erreichbar|Fehlermeldung)\b/],
  ['cause', /\b(caused|due to|because|root cause|triggered|Ursache|verursacht|aufgrund|wegen)\b/],
  ['lessons', /\b(learned|lesson|should have|in the future|we need|gelernt|zukünftig|künftig)\b/],
];
// A notice says no internal ids, promises no fix and names no outage (those rules have their own
// findings in the prose sections); sentences left after that are still real wording.
const NOTICE_SAFE = /^[^\d_/`@]*$/;
const NOTICE_AVOID =
  /\b(now|will|outages?|down|deployed|Ausf[aä]ll\w*|ausgefallen|jetzt|nun|werden|wird|künftig|TB[AD]|TODO)\b/i;
const APOLOGY = /\b(sorry|apologi[sz]e|apology|regret|entschuldig\w*|tut uns leid|bedauern)\b/i;
const PLACEHOLDER = /\b(TB[AD]|TODO|FIXME|XXX|tbd)\b/;

/** Adds one Markdown text's sentences, list items and table cells to the language's pools. */
function harvest(pools, text, kind) {
  let body = text.replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    body = body.slice(front[0].length);
    const title = /^title:\s*["']?(.*?)["']?\s*$/m.exec(front[1]);
    if (title) pools.titles.push(plain(title[1]));
    const summary = /^summary:\s*(.*)$/m.exec(front[1]);
    if (summary) pools.cause.push(...sentences(summary[1].replace(/^["']|["']$/g, '')));
  }
  body = body.replace(/```[\s\S]*?```/g, '\n').replace(/<!--[\s\S]*?-->/g, '\n');
  let pool = kind === 'status' ? 'timeline' : 'general';
  for (const block of body.split(/\n\s*\n/)) {
    for (const raw of block.split('\n')) {
      const heading = /^#{1,6}\s+(.*)$/.exec(raw);
      if (!heading) continue;
      if (/^#\s/.test(raw) && heading[1].length > 10) pools.titles.push(plain(heading[1]));
      pool = poolOf(heading[1]);
    }
    const lines = block.split('\n').filter((l) => !/^#{1,6}\s/.test(l));
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*\|/.test(l))) {
      // A table: each row's longest cell is its event, action or fact.
      for (const row of lines) {
        if (/^\s*\|[\s:|-]*$/.test(row)) continue;
        const cells = row.split('|').map((c) => plain(c));
        const longest = cells.reduce((a, b) => (b.length > a.length ? b : a), '');
        if (longest.length >= 15 && /\p{L}{3}/u.test(longest)) pools[pool].push(longest);
      }
      continue;
    }
    const items = lines.join('\n').split(/\n(?=\s*(?:[-*+]|\d+[.)])\s)/);
    for (const item of items) {
      const isItem = /^\s*(?:[-*+]|\d+[.)])\s/.test(item);
      const text = item.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^\s*>\s?/gm, '');
      if (kind === 'link-list') {
        // danluu/post-mortems: "[Company](url). What happened." — the summary after the link.
        pools.general.push(...sentences(text.replace(/^\s*\[[^\]]*\]\([^)]*\)\.?\s*/, '')));
        continue;
      }
      const found = sentences(text);
      if (isItem && (pool === 'timeline' || pool === 'actions')) {
        const whole = plain(text);
        if (whole.length >= 15 && whole.length <= 300) pools[pool].push(whole);
      } else pools[pool].push(...found);
    }
  }
}

/**
 * Reads every source of the manifest into sentence pools per language; `prose.stringify` is the
 * project's own front-matter writer, from the build (`npm run build` first).
 */
export async function loadRealProse() {
  let stringify;
  try {
    ({ stringifyPostmortem: stringify } = await import(pathToFileURL(join(ROOT, 'dist', 'model', 'write.js')).href));
  } catch {
    throw new Error('bench-real-corpus: dist/model/write.js is missing; run `npm run build` first');
  }
  const { sources } = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const prose = {};
  const read = [];
  for (const source of sources) {
    const pools = (prose[source.language] ??= Object.fromEntries(POOLS.map((p) => [p, []])));
    const files = readSource(source);
    for (const [, text] of files) harvest(pools, text, source.kind);
    read.push({ repo: source.repo, files: files.length });
  }
  for (const pools of Object.values(prose)) {
    for (const name of POOLS) pools[name] = [...new Set(pools[name])].filter((s) => !PLACEHOLDER.test(s));
    for (const s of pools.general) for (const [pool, words] of TOPICS) if (words.test(s)) pools[pool].push(s);
    const all = [...new Set(POOLS.slice(0, 8).flatMap((name) => pools[name]))];
    pools.notice = all.filter((s) => NOTICE_SAFE.test(s) && !NOTICE_AVOID.test(s) && /[.!]$/.test(s));
    pools.apology = [...new Set(all.concat(pools.titles))].filter(
      (s) => APOLOGY.test(s) && NOTICE_SAFE.test(s) && !NOTICE_AVOID.test(s),
    );
    // Titles are one line without a trailing period (FORMAT.md).
    pools.titles = pools.titles.map((t) => t.replace(/[.\s]+$/, '')).filter((t) => t.length >= 10 && t.length <= 120);
    pools.headline = pools.titles.filter((s) => NOTICE_SAFE.test(s) && !NOTICE_AVOID.test(s));
    for (const name of POOLS.slice(0, 8)) if (pools[name].length < 20) pools[name] = pools[name].concat(pools.general);
  }
  if (!prose.en) throw new Error('bench-real-corpus: no English source could be read; see scripts/bench-sources.json');
  prose.de ??= prose.en;
  prose.stringify = stringify;
  return { prose, read };
}

// The first names of the generated corpus's lists: the real-prose files were built with these, and stay byte-identical.
const FIRST = GENERATED_FIRST.slice(0, 12);
const LAST = GENERATED_LAST.slice(0, 10);
const SERVICES = ['crm-web', 'crm-workers', 'billing-api', 'search', 'auth', 'mail-relay', 'reporting', 'webhooks'];

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const pad = (n) => String(n).padStart(2, '0');

/**
 * One postmortem of real prose; `i` makes its id unique. `items` and `causeParagraphs` make a big
 * one (the scaling row: 5,000 timeline entries, 1 MB); by default both are drawn like the rest.
 */
export function realPostmortem(rand, i, prose, { items: wanted, causeParagraphs } = {}) {
  const german = rand() < 0.3;
  const P = german ? prose.de : prose.en;
  const say = (pool, n) => Array.from({ length: n }, () => pick(rand, P[pool])).join(' ');
  const paragraphs = (pool, n) => Array.from({ length: n }, () => say(pool, 2 + Math.floor(rand() * 2))).join('\n\n');
  const year = 2016 + Math.floor(rand() * 9);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const id = `${date}-real-${i}`;
  const [zone, offset] = pick(rand, ZONES);
  // Minutes after 08:00 local time, which may run into the next days in a long timeline.
  const local = (m) => new Date(Date.UTC(year, month - 1, day, 8, m)).toISOString();
  const iso = (m) => `${local(m).slice(0, 16)}:00${offset}`;
  const stamp = (m) => `${local(m).slice(0, 10)} ${local(m).slice(11, 16)} ${offset}`;
  const items = wanted ?? 12 + Math.floor(rand() * 30);
  const minutes = [];
  for (let k = 0, t = 0; k < items; k++, t += 1 + Math.floor(rand() * Math.min(12, 600 / items))) minutes.push(t);
  const services = [...new Set([pick(rand, SERVICES), pick(rand, SERVICES)])];
  const person = () => `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  // The front matter as the project's own writer (src/model/write.ts, what `new` uses) lays it out.
  const data = {
    id,
    title: pick(rand, P.titles),
    status: 'final',
    severity: `SEV${1 + Math.floor(rand() * 4)}`,
    authors: [person(), person()],
    services,
    started: iso(minutes[0]),
    detected: iso(minutes[1]),
    mitigated: iso(minutes[items - 2]),
    resolved: iso(minutes[items - 1]),
    timezone: zone,
    impact: {
      customers_affected: Math.floor(rand() * 20000),
      data_loss: rand() < 0.1,
      description: pick(rand, P.impact),
    },
    root_causes: [0, 1].map(() => ({ category: pick(rand, CATEGORIES), summary: pick(rand, P.cause) })),
    tags: [pick(rand, ['cache', 'database', 'network', 'config'])],
    notice: {
      languages: ['en', 'de'],
      headline: { en: pick(rand, prose.en.headline), de: pick(rand, prose.de.headline) },
      ...Object.fromEntries(
        ['what_happened', 'customer_impact', 'next_steps', 'apology'].map((key, n) => {
          const pool = n === 3 ? 'apology' : 'notice';
          // The sources hold few apologies that name no outage: each is followed by another notice sentence.
          const text = (lang) => pick(rand, prose[lang][pool]) + (n === 3 ? ` ${pick(rand, prose[lang].notice)}` : '');
          return [key, { en: text('en'), de: text('de') }];
        }),
      ),
      signature: { en: 'The operations team', de: 'Ihr Betriebsteam' },
      services: Object.fromEntries(services.map((s) => [s, { en: s.replace(/-/g, ' '), de: s.replace(/-/g, ' ') }])),
    },
  };
  const timeline = minutes.map((m) => `- ${stamp(m)} — ${pick(rand, P.timeline)}`);
  const actions = Array.from({ length: 3 + Math.floor(rand() * 6) }, (_, k) => {
    const due = `${year + 1}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const kind = pick(rand, ['prevent', 'mitigate', 'detect', 'process']);
    return `| ${pick(rand, P.actions)} | ${kind} | ${pick(rand, TEAMS)} | ${due} | ${pick(rand, ['open', 'in-progress', 'done'])} | OPS-${4000 + k} |`;
  });
  const bullets = (pool, n) => Array.from({ length: n }, () => `- ${pick(rand, P[pool])}`).join('\n');
  const body = [
    '## Summary',
    paragraphs('general', 1 + Math.floor(rand() * 2)),
    '## Impact',
    `${bullets('impact', 2)}\n\n${paragraphs('impact', 1)}`,
    '## Timeline',
    timeline.join('\n'),
    '## Root cause',
    paragraphs('cause', causeParagraphs ?? 1 + Math.floor(rand() * 2)),
    '## Detection',
    paragraphs('detection', 1),
    '## Resolution',
    paragraphs('resolution', 1),
    '## Action items',
    `| Action | Type | Owner | Due | Status | Ticket |\n| --- | --- | --- | --- | --- | --- |\n${actions.join('\n')}`,
    '## Lessons learned',
    '### What went well',
    bullets('lessons', 1 + Math.floor(rand() * 2)),
    '### What went wrong',
    bullets('lessons', 1 + Math.floor(rand() * 3)),
    '### Where we got lucky',
    bullets('lessons', 1),
  ];
  return prose.stringify(data, body.join('\n\n'));
}

/** Writes `count` real-prose postmortems into `dir`; 1 % (i % 100 === 37) with one known defect. */
export async function writeRealCorpus(dir, count, prose) {
  await mkdir(dir, { recursive: true });
  const rand = prng(count);
  for (let i = 0; i < count; i++) {
    let text = realPostmortem(rand, i, prose);
    if (i % 100 === 37) text = BREAKAGES[Math.floor(i / 100) % BREAKAGES.length](text);
    await writeFile(join(dir, `${/^id: (.*)$/m.exec(text)[1]}.md`), text);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count = '100'] = process.argv.slice(2);
  if (!dir || dir.startsWith('-')) {
    console.error('usage: node scripts/bench-real-corpus.mjs DIR [COUNT]');
    process.exit(2);
  }
  const { prose, read } = await loadRealProse();
  for (const r of read) console.log(`${r.repo}: ${r.files} texts`);
  for (const [lang, pools] of Object.entries(prose).filter(([, p]) => typeof p === 'object'))
    console.log(`${lang}: ${POOLS.map((p) => `${p} ${pools[p].length}`).join(', ')}`);
  await writeRealCorpus(dir, Number(count), prose);
  console.log(`${count} files in ${dir}`);
}
