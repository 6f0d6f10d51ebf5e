/** The site flavours publish knows: where a post goes and the front matter each expects. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { offsetOf, parseInstant, formatInstant } from '../model/timestamp.js';
import type { Postmortem } from '../model/types.js';

/** Site flavours. */
export const SITE_FLAVORS = ['jekyll', 'hugo', 'cstate'] as const;
/** A site flavour. */
export type SiteFlavor = (typeof SITE_FLAVORS)[number];

/** What a flavour needs to place and describe a post. */
export interface PostFacts {
  pm: Postmortem;
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

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml'];

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

/** The id's slug: the id without its leading date. */
export function slugOf(id: string): string {
  return id.slice(11);
}

/** A front-matter moment in its own offset, RFC 3339 with seconds; '' when absent. */
function rfc3339(value: unknown): string {
  if (typeof value !== 'string') return '';
  const ms = parseInstant(value);
  const offset = offsetOf(value);
  return ms === null || offset === null ? '' : formatInstant(ms, offset);
}

/** Jekyll's date form `YYYY-MM-DD HH:MM:SS +ZZZZ`. */
function jekyllDate(value: unknown): string {
  const iso = rfc3339(value);
  if (iso === '') return '';
  const zone = iso.endsWith('Z') ? '+0000' : iso.slice(19).replace(':', '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} ${zone}`;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** cState's severity for ours: down for SEV1, disrupted for SEV2, notice below. */
export function cstateSeverity(severity: unknown): 'down' | 'disrupted' | 'notice' {
  return severity === 'SEV1' ? 'down' : severity === 'SEV2' ? 'disrupted' : 'notice';
}

/** Where the post goes, relative to the site, with `/` separators. */
export function postPath(flavor: SiteFlavor, facts: PostFacts): string {
  const id = String(facts.pm.data.id);
  if (flavor === 'jekyll') return `_posts/${id}.md`;
  if (flavor === 'cstate') return `content/issues/${id}.md`;
  return `content/${facts.section}/${slugOf(id)}.md`;
}

/** The front matter a flavour expects; `postmortem_id` marks the file as written by this tool. */
export function postFrontMatter(flavor: SiteFlavor, facts: PostFacts): Record<string, unknown> {
  const d = facts.pm.data;
  const id = String(d.id);
  if (flavor === 'jekyll') {
    return {
      layout: 'post',
      title: facts.title,
      date: jekyllDate(d.started),
      categories: ['incidents'],
      tags: list(d.tags),
      postmortem_id: id,
    };
  }
  if (flavor === 'hugo') {
    return {
      title: facts.title,
      date: rfc3339(d.started),
      draft: false,
      tags: list(d.tags),
      summary: facts.summary,
      postmortem_id: id,
    };
  }
  const resolved = rfc3339(d.resolved);
  return {
    title: facts.title,
    date: rfc3339(d.started),
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
