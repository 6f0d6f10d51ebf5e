/** The site flavours publish knows: where a post goes and the front matter each expects. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readTextBounded } from '../model/bounded-read.js';
import { parse as parseYaml } from 'yaml';
import { toJekyllDate, toRfc3339 } from '../model/timestamp.js';
import type { Postmortem } from '../model/types.js';
import { escapeMarkdownInline, plainText } from '../render/escape.js';
import { escapeSiteCode } from './site-text.js';

import { SITE_FLAVORS, type SiteFlavor } from './flavor-names.js';

export { SITE_FLAVORS, type SiteFlavor };

/** What a flavour needs to place and describe one post (one language of the notice). */
export interface PostFacts {
  pm: Postmortem;
  /** The notice's language of this post. */
  lang: string;
  /** The site's default language: its posts take the plain path, others a language-marked one. */
  siteLang: string;
  /** Plain-text headline in the notice's language. */
  title: string;
  /** Plain-text one-sentence summary. */
  summary: string;
  /** Hugo section (default `posts`). */
  section: string;
}

async function exists(path: string, kind: 'file' | 'dir'): Promise<boolean> {
  try {
    const s = await stat(path);
    return kind === 'file' ? s.isFile() : s.isDirectory();
  } catch {
    return false;
  }
}

/** A site file's text, or null when it is missing or refused (a FIFO, a device, over 5 MB). */
function readText(path: string): Promise<string | null> {
  try {
    return Promise.resolve(readTextBounded(path));
  } catch {
    return Promise.resolve(null);
  }
}

const HUGO_CONFIGS = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];

/** Tells the flavour from the site's files: a cState theme or content/issues/, `_config.yml`, a Hugo config. */
export async function detectFlavor(site: string): Promise<SiteFlavor | null> {
  if ((await exists(join(site, 'themes', 'cstate'), 'dir')) || (await exists(join(site, 'content', 'issues'), 'dir')))
    return 'cstate';
  for (const name of [...HUGO_CONFIGS, 'go.mod']) {
    const text = await readText(join(site, name));
    if (text !== null && /cstate/i.test(text)) return 'cstate';
  }
  if (await exists(join(site, '_config.yml'), 'file')) return 'jekyll';
  for (const name of ['hugo.toml', 'config.toml', 'hugo.yaml']) {
    if (await exists(join(site, name), 'file')) return 'hugo';
  }
  return null;
}

/**
 * The site's default content language: Jekyll's `lang` in `_config.yml`, Hugo's (and cState's)
 * `defaultContentLanguage`; `en` when unset, as both generators assume.
 */
export async function siteLanguage(site: string, flavor: SiteFlavor): Promise<string> {
  if (flavor === 'jekyll') {
    const text = await readText(join(site, '_config.yml'));
    try {
      const lang = (parseYaml(text ?? '') as { lang?: unknown } | null)?.lang;
      if (typeof lang === 'string' && /^[a-z]{2}/i.test(lang)) return lang.slice(0, 2).toLowerCase();
    } catch {
      // A config Jekyll itself cannot read is the site's problem; the default language is en then.
    }
    return 'en';
  }
  for (const name of HUGO_CONFIGS) {
    const text = await readText(join(site, name));
    // One pattern reads TOML, YAML and JSON alike; a parser per format would buy nothing here.
    const match = text === null ? null : /defaultContentLanguage"?\s*[=:]\s*["']?([A-Za-z-]+)/.exec(text);
    if (match) return (match[1] as string).toLowerCase();
  }
  return 'en';
}

/** A Hugo (or cState) site's config file and the languages it defines under `languages`. */
export interface HugoLanguages {
  /** The config file's name, e.g. `hugo.toml`. */
  file: string;
  languages: string[];
  /** Whether the file sets `defaultContentLanguage` itself. */
  setsDefault: boolean;
}

/**
 * The languages the site's Hugo config defines (`[languages.de]` in TOML, `languages: {de: …}` in
 * YAML or JSON), from the first config file Hugo would read; null when it has none publish can read.
 */
export async function hugoLanguages(site: string): Promise<HugoLanguages | null> {
  for (const name of HUGO_CONFIGS) {
    const text = await readText(join(site, name));
    if (text === null) continue;
    const setsDefault = /defaultContentLanguage"?\s*[=:]/.test(text);
    if (name.endsWith('.toml')) {
      const languages = [...text.matchAll(/^\s*\[languages\.["']?([A-Za-z-]+)["']?[\].]/gm)].map((m) => m[1] as string);
      return { file: name, languages: [...new Set(languages)], setsDefault };
    }
    try {
      const languages = (parseYaml(text) as { languages?: unknown } | null)?.languages;
      const defined = typeof languages === 'object' && languages !== null ? Object.keys(languages) : [];
      return { file: name, languages: defined, setsDefault };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * What to add to the site's config so that Hugo builds with these languages, in the config's own
 * syntax: `defaultContentLanguage` (unless the file sets it) and a block with a weight for each
 * language it lacks. Translations stay `<name>.<lang>.md` beside the original (Hugo's
 * translation by file name), so no `contentDir` is needed. Hugo refuses a `languages` block
 * without the default language, so `missing` must hold it when the config lacks it.
 */
export function hugoLanguageAdvice(config: HugoLanguages, defaultLang: string, missing: readonly string[]): string {
  const weight = (lang: string) => config.languages.length + missing.indexOf(lang) + 1;
  if (config.file.endsWith('.toml')) {
    const top = config.setsDefault
      ? ''
      : `At the top, before any [table]:\ndefaultContentLanguage = "${defaultLang}"\nAt the end:\n`;
    return `${top}${missing.map((l) => `[languages.${l}]\nweight = ${weight(l)}`).join('\n')}\n`;
  }
  if (config.file.endsWith('.json')) {
    const blocks = missing.map((l) => `"${l}": { "weight": ${weight(l)} }`).join(',\n    ');
    const languages =
      config.languages.length > 0
        ? `In "languages", beside the languages there:\n    ${blocks}`
        : `"languages": {\n    ${blocks}\n  }`;
    return `${config.setsDefault ? '' : `"defaultContentLanguage": "${defaultLang}",\n`}${languages}\n`;
  }
  const blocks = missing.map((l) => `  ${l}:\n    weight: ${weight(l)}`).join('\n');
  const languages =
    config.languages.length > 0 ? `Under languages:, beside the languages there:\n${blocks}` : `languages:\n${blocks}`;
  return `${config.setsDefault ? '' : `defaultContentLanguage: ${defaultLang}\n`}${languages}\n`;
}

/** The id's slug: the id without its leading date. */
export function slugOf(id: string): string {
  return id.slice(11);
}

/** A front-matter moment as RFC 3339 with seconds, in its own offset or in UTC; '' when absent. */
export function rfc3339(value: unknown, utc = false): string {
  return typeof value === 'string' ? (toRfc3339(value, utc) ?? '') : '';
}

/** Jekyll's date form `YYYY-MM-DD HH:MM:SS +ZZZZ`; '' when absent. */
export function jekyllDate(value: unknown): string {
  return typeof value === 'string' ? (toJekyllDate(value) ?? '') : '';
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** cState's severity for ours: down for SEV1, disrupted for SEV2, notice below. */
export function cstateSeverity(severity: unknown): 'down' | 'disrupted' | 'notice' {
  return severity === 'SEV1' ? 'down' : severity === 'SEV2' ? 'disrupted' : 'notice';
}

/**
 * Where the post goes, relative to the site, with `/` separators. A post in the site's default
 * language takes the plain path; another language follows the generator's convention: Hugo and
 * cState name translations `<name>.<lang>.md`, Jekyll takes categories from the folders above
 * `_posts`, so `<lang>/_posts/` gives the translation its own URL (`/de/incidents/…`).
 */
export function postPath(flavor: SiteFlavor, facts: PostFacts): string {
  const id = String(facts.pm.data.id);
  const own = facts.lang === facts.siteLang;
  if (flavor === 'jekyll') return own ? `_posts/${id}.md` : `${facts.lang}/_posts/${id}.md`;
  const suffix = own ? '' : `.${facts.lang}`;
  if (flavor === 'cstate') return `content/issues/${id}${suffix}.md`;
  return `content/${facts.section}/${slugOf(id)}${suffix}.md`;
}

/** What places one post on a site, known without the site: the postmortem id and `started`, the languages, the section. */
export interface PostPlace {
  id: string;
  /** `started` as written in the front matter (its own offset). */
  started: string;
  lang: string;
  siteLang: string;
  /** Hugo section (default `posts`). */
  section: string;
}

/**
 * The address of the post `postPath` writes, below the site root, as each generator builds it by
 * default: Jekyll's `date` permalink `/:categories/:year/:month/:day/:title.html` (categories: the
 * `<lang>` folder above `_posts` and the post's `incidents`; the date is `started` in its own offset),
 * Hugo's `/<section>/<slug>/` and cState's `/issues/<id>/`, a translation under `/<lang>/`.
 */
export function postUrlPath(flavor: SiteFlavor, place: PostPlace): string {
  const prefix = place.lang === place.siteLang ? '' : `${place.lang}/`;
  if (flavor === 'jekyll') {
    const date = jekyllDate(place.started).slice(0, 10) || place.id.slice(0, 10);
    return `/${prefix}incidents/${date.replace(/-/g, '/')}/${slugOf(place.id)}.html`;
  }
  if (flavor === 'cstate') return `/${prefix}issues/${place.id}/`;
  return `/${prefix}${place.section}/${slugOf(place.id)}/`;
}

/** The front matter a flavour expects; `postmortem_id` marks the file as written by this tool. */
export function postFrontMatter(flavor: SiteFlavor, facts: PostFacts): Record<string, unknown> {
  const d = facts.pm.data;
  const id = String(d.id);
  const title = plainText(facts.title);
  const description = plainText(facts.summary);
  if (flavor === 'jekyll') {
    return {
      layout: 'post',
      title,
      date: jekyllDate(d.started),
      lang: facts.lang,
      categories: ['incidents'],
      tags: list(d.tags),
      description,
      postmortem_id: id,
    };
  }
  if (flavor === 'hugo') {
    return {
      title,
      date: rfc3339(d.started),
      draft: false,
      tags: list(d.tags),
      // Hugo renders `summary` as Markdown: escaped, so a link in the text stays text.
      summary: escapeSiteCode(escapeMarkdownInline(description)),
      description,
      postmortem_id: id,
    };
  }
  // cState computes relative times ("2 hours ago") right only from UTC dates, its config says.
  const resolved = rfc3339(d.resolved, true);
  return {
    title,
    date: rfc3339(d.started, true),
    resolved: resolved !== '',
    ...(resolved !== '' ? { resolvedWhen: resolved } : {}),
    severity: cstateSeverity(d.severity),
    affected: list(d.services),
    section: 'issue',
    postmortem_id: id,
  };
}

function collectSystems(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectSystems(v, out));
  else if (typeof value === 'object' && value !== null) {
    const entry = value as Record<string, unknown>;
    // A category lists its systems; a system names itself.
    if (Array.isArray(entry.systems)) collectSystems(entry.systems, out);
    else if (typeof entry.name === 'string') out.push(entry.name);
  }
}

/** The systems a cState site lists under `params.systems` in its config, or null when it lists none. */
export async function cstateSystems(site: string): Promise<{ file: string; systems: string[] } | null> {
  for (const name of ['config.yml', 'config.yaml', 'hugo.yaml', 'hugo.yml']) {
    const text = await readText(join(site, name));
    if (text === null) continue;
    let config: unknown;
    try {
      config = parseYaml(text);
    } catch {
      return null;
    }
    const params = (config as { params?: { systems?: unknown } } | null)?.params;
    if (!params || params.systems === undefined) return null;
    const systems: string[] = [];
    collectSystems(params.systems, systems);
    return { file: name, systems };
  }
  return null;
}
