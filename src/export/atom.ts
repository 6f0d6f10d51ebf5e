/**
 * An Atom feed (RFC 4287) of published customer notices: one entry per postmortem and language,
 * newest first, with the status text as its summary. Built by hand: the format is small, and
 * every text goes through one escaper.
 */
import { postUrlPath, type SiteFlavor } from '../publish/flavors.js';
import { lastMoment, latestMoment, newestFirst, type ExportTarget, type ExportedNotice } from './notices.js';
import { IMPACT_BY_SEVERITY } from './statuspage.js';

// Characters XML 1.0 does not allow at all; a notice pasted from elsewhere can carry them.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for an XML element or a double-quoted attribute. */
function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

/** The site the posts are on, as `publish` writes them: each entry links to its post there. */
export interface FeedSite {
  flavor: SiteFlavor;
  /** The site's default language: its posts take the plain path. */
  siteLang: string;
  /** Hugo section (default `posts`). */
  section: string;
}

/** The post's address: the flavour's path for it below the site's address (which may have a path of its own). */
function postLink(target: ExportTarget, site: FeedSite, notice: ExportedNotice): string {
  const base = target.url.replace(/[?#].*$/, '').replace(/\/?$/, '/');
  const path = postUrlPath(site.flavor, {
    id: notice.postmortemId,
    started: notice.started,
    lang: notice.lang,
    siteLang: site.siteLang,
    section: site.section,
  });
  return `${base}${path.slice(1)}`;
}

/** The entry's permanent id: the page's address with the incident and language as fragment, never the time. */
function entryId(target: ExportTarget, notice: ExportedNotice): string {
  return `${target.url.replace(/#.*$/, '')}#${notice.postmortemId}-${notice.lang}`;
}

function entry(notice: ExportedNotice, target: ExportTarget, site: FeedSite): string {
  const impact = IMPACT_BY_SEVERITY[notice.severity] ?? 'none';
  return [
    `  <entry xml:lang="${escapeXml(notice.lang)}">`,
    `    ${element('id', entryId(target, notice))}`,
    `    ${element('title', notice.headline, ' type="text"')}`,
    `    ${element('published', notice.started)}`,
    `    ${element('updated', lastMoment(notice))}`,
    `    <link rel="alternate" href="${escapeXml(postLink(target, site, notice))}"/>`,
    `    <category term="${escapeXml(impact)}" label="${escapeXml(`impact: ${impact}`)}"/>`,
    `    ${element('summary', notice.text.trim(), ' type="text"')}`,
    '  </entry>',
  ].join('\n');
}

/** Builds the feed document (UTF-8 XML text). */
export function buildAtomFeed(notices: readonly ExportedNotice[], target: ExportTarget, site: FeedSite): string {
  const sorted = newestFirst(notices);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element('id', target.url)}`,
    `  ${element('title', target.title, ' type="text"')}`,
    `  ${element('updated', latestMoment(sorted) ?? '1970-01-01T00:00:00Z')}`,
    `  <link rel="alternate" href="${escapeXml(target.url)}"/>`,
    `  <author>${element('name', target.title)}</author>`,
    `  ${element('generator', 'postmortem')}`,
    ...sorted.map((n) => entry(n, target, site)),
    '</feed>',
    '',
  ].join('\n');
}
