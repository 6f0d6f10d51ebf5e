import { escapeRegExp } from '../../model/notice-checks.js';
import type { Postmortem } from '../../model/types.js';
import { defineRule, type RuleReport } from '../types.js';
import { proseLines } from '../prose.js';

const NOT_LETTER = '(?<![\\p{L}\\p{N}_])';
const END = '(?![\\p{L}\\p{N}_])';

/** Built-in blaming words and phrases (regex sources, matched case-insensitively as whole words). */
const BUILT_IN: readonly string[] = [
  // English
  // A segmentation fault or a fault domain is the machine's, not a person's.
  '(?<!(?:segmentation|page|protection|bus|hardware|memory|double|triple|hard|soft)[ -])fault(?!\\s*[- ]?(?:toleran|injection|domain|line|detect|isolat|zone|code|handl))',
  'at fault',
  'careless(?:ly|ness)?',
  "should(?: have|'ve) known",
  "should(?: have|'ve) noticed",
  'human error',
  'negligen(?:t|tly|ce)',
  'to blame',
  'blamed?',
  'incompeten(?:t|ce)',
  'sloppy',
  'reckless(?:ly|ness)?',
  'lazy',
  'stupid(?:ity)?',
  'fat[- ]finger(?:ed)?',
  'screwed up',
  'messed up',
  // German
  'schuld(?:ig)?',
  'verschuldet',
  'fahrlässig(?:keit)?',
  'grob fahrlässig',
  'nachlässig(?:keit)?',
  'unachtsam(?:keit)?',
  'leichtsinn(?:ig)?',
  'menschliches versagen',
  'menschlicher fehler',
  'hätte (?:es )?wissen müssen',
  'hätte (?:es )?merken müssen',
  'inkompeten(?:t|z)',
  'schlampig(?:keit)?',
];

const FAILURE_VERBS =
  'forgot|forget|overlooked|neglected|ignored|messed up|screwed up|botched|fumbled|failed to (?:check|notice|follow|test|read)|vergaß|vergass|übersah|ignorierte|vernachlässigte|hat (?:es )?(?:vergessen|übersehen|verbockt)';
/** Stems of the built-in list: a cheap first look before the exact whole-word pattern. */
const QUICK =
  /fault|careless|should(?: have|'ve)|human error|negligen|blame|incompeten|sloppy|reckless|lazy|stupid|finger|screwed|messed|schuld|fahrl|nachl|unachtsam|leichtsinn|menschliche|hätte|inkompeten|schlampig/i;

/** A cheap first look, so the costly name-before-verb pattern runs only on lines that may need it. */
const MAYBE_FAILURE = /forg|overl|negl|ignor|messed|screwed|botch|fumbl|failed to|verga|übersah|vernachl|hat /i;

/**
 * Capitalised words before a failure verb that name software, not people ("Kubernetes ignored the
 * limit"). A word also counts as software when the postmortem lists it among its `services` or `tags`.
 */
const TECH_TERMS = new Set([
  'kubernetes',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'redis',
  'kafka',
  'nginx',
  'apache',
  'linux',
  'windows',
  'terraform',
  'ansible',
  'docker',
  'jenkins',
  'prometheus',
  'grafana',
  'elasticsearch',
  'mongo',
  'mongodb',
  'cassandra',
  'consul',
  'vault',
  'envoy',
  'istio',
  'helm',
  'systemd',
  'cron',
  'haproxy',
  'varnish',
  'cloudflare',
  'github',
  'gitlab',
  'java',
  'python',
  'node',
  'chrome',
  'firefox',
  'safari',
  'android',
  'ios',
  'aws',
  'azure',
  'puppet',
  'chef',
  'rabbitmq',
  'zookeeper',
  'etcd',
  'memcached',
  'sentry',
  'pagerduty',
  'datadog',
  'bind',
  'openssl',
  'ubuntu',
  'debian',
  'rails',
  'django',
  'spring',
  'tomcat',
  'jetty',
  'ceph',
  'zfs',
  'kernel',
  'database',
  'server',
  'cluster',
  'load',
  'proxy',
  'scheduler',
  'monitoring',
  'deployment',
  'pipeline',
  'runbook',
  'backup',
  'migration',
  'firewall',
  'router',
  'switch',
  'cache',
  'queue',
  'worker',
]);

const NOT_NAMES = new Set([
  'we',
  'i',
  'it',
  'they',
  'he',
  'she',
  'the',
  'this',
  'that',
  'nobody',
  'no',
  'someone',
  'everyone',
  'team',
  'wir',
  'er',
  'sie',
  'es',
  'man',
  'der',
  'die',
  'das',
  'niemand',
  'jemand',
  'system',
  'script',
  'job',
  'alert',
]);

function wordPattern(sources: readonly string[]): RegExp {
  return new RegExp(`${NOT_LETTER}(?:${sources.join('|')})${END}`, 'giu');
}

function namesOf(authors: unknown): string[] {
  if (!Array.isArray(authors)) return [];
  const out = new Set<string>();
  for (const a of authors) {
    if (typeof a !== 'string' || a.trim() === '') continue;
    out.add(a.trim());
    for (const part of a.trim().split(/\s+/)) if (part.length >= 3) out.add(part);
  }
  return [...out];
}

/** The `blameless-language` rule. */
export default defineRule({
  id: 'blameless-language',
  defaultLevel: 'warn',
  description: 'No blaming wording (English and German); word list extendable.',
  fixable: false,
  docs: {
    what:
      'Wording that blames people, in the front matter and the body (code spans, fenced and indented code and HTML ' +
      'comments are skipped): English "fault" (not "fault tolerance" and the like), "at fault", "careless", "should ' +
      'have known", "human error", "negligent", "to blame", "blame", "incompetent", "sloppy", "reckless", "lazy", ' +
      '"stupid", "fat-finger", "screwed up", "messed up"; German "schuld", "verschuldet", "fahrlässig", ' +
      '"nachlässig", "unachtsam", "leichtsinnig", "menschliches Versagen", "menschlicher Fehler", "hätte wissen ' +
      'müssen", "inkompetent", "schlampig"; and a person as the subject of a failure: an author\'s name or a ' +
      'capitalised name before "forgot", "overlooked", "neglected", "ignored", "messed up", "failed to check", ' +
      '"vergaß", "übersah", … Technical terms are not blame: "segmentation fault", "page fault" and the like, and a ' +
      'capitalised word that is a well-known product (Kubernetes, Postgres, Redis, Kafka, …) or one of the ' +
      "postmortem's own `services` or `tags` is not taken for a person (an author's name always is).",
    why:
      'A postmortem that names a culprit teaches people to hide mistakes; a blameless one asks what made the ' +
      'mistake possible and how the system can catch it next time.',
    fix:
      'Describe what happened and what the system allowed ("the deploy script did not ask for confirmation"), not ' +
      'who is at fault.',
    options: '`{"words": ["clumsy", "Dummheit"]}` adds words or phrases (matched whole, in any case).',
    examples: {
      notOk: 'The outage was caused by human error.',
      ok: 'The runbook let a single command drop the production database.',
    },
  },
  options: (z) => z.strictObject({ words: z.array(z.string()).optional() }),
  check: ({ pm, options }) => {
    const extra = (options.words ?? []).filter((w) => w.trim() !== '');
    const words = wordPattern([...BUILT_IN, ...extra.map((w) => escapeRegExp(w.trim()).replace(/\s+/g, '\\s+'))]);
    const authorNames = new Set(namesOf(pm.data.authors));
    const authors = [...authorNames].map(escapeRegExp);
    const software = softwareNames(pm.data);
    const subject = new RegExp(
      `${NOT_LETTER}(${[...authors, '\\p{Lu}\\p{Ll}+'].join('|')})\\s+(?:(?:had|has|hat|just|simply|einfach)\\s+)?(?:${FAILURE_VERBS})${END}`,
      'gu',
    );
    const out: RuleReport[] = [];
    for (const { line, text, frontMatter } of proseLines(pm)) {
      // The authors list names people by design; it is not wording about them.
      if (frontMatter && /^\s*-\s/.test(text) && isAuthorsEntry(pm, line)) continue;
      if (QUICK.test(text) || (extra.length > 0 && words.test(text))) {
        words.lastIndex = 0;
        for (const m of text.matchAll(words)) {
          out.push({
            message: `Expected blameless wording (what the system allowed, not who is at fault), found "${m[0]}".`,
            line,
            column: (m.index ?? 0) + 1,
            endLine: line,
            endColumn: (m.index ?? 0) + 1 + m[0].length,
          });
        }
      }
      if (!MAYBE_FAILURE.test(text)) continue;
      for (const m of text.matchAll(subject)) {
        const name = m[1] as string;
        if (NOT_NAMES.has(name.toLowerCase())) continue;
        if (!authorNames.has(name) && (TECH_TERMS.has(name.toLowerCase()) || software.has(name.toLowerCase())))
          continue;
        out.push({
          message: `Expected the system as the subject of a failure, found a person: "${m[0]}".`,
          line,
          column: (m.index ?? 0) + 1,
          endLine: line,
          endColumn: (m.index ?? 0) + 1 + m[0].length,
        });
      }
    }
    return out;
  },
});

/** The postmortem's own service and tag names, and their parts (`crm-web` gives crm and web). */
function softwareNames(data: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const key of ['services', 'tags']) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== 'string') continue;
      out.add(entry.toLowerCase());
      for (const part of entry.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) out.add(part);
    }
  }
  return out;
}

function isAuthorsEntry(pm: Postmortem, line: number): boolean {
  const authors = pm.data.authors;
  if (!Array.isArray(authors)) return false;
  return authors.some((_a, i) => pm.keys.get(`authors.${i}`)?.value.line === line);
}
