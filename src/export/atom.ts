/**
 * An Atom feed (RFC 4287) of published customer notices: one entry per postmortem and language,
 * newest first, with the status text as its summary. Built by hand: the format is small, and
 * every text goes through one escaper.
 */
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

/** The entry's permanent id: the page's address with the incident as fragment. */
function entryId(target: ExportTarget, notice: ExportedNotice): string {
  return `${target.url.replace(/#.*$/, '')}#${notice.postmortemId}-${notice.lang}`;
}

function entry(notice: ExportedNotice, target: ExportTarget): string {
  const impact = IMPACT_BY_SEVERITY[notice.severity] ?? 'none';
  return [
    `  <entry xml:lang="${escapeXml(notice.lang)}">`,
    `    ${element('id', entryId(target, notice))}`,
    `    ${element('title', notice.headline, ' type="text"')}`,
    `    ${element('published', notice.started)}`,
    `    ${element('updated', lastMoment(notice))}`,
    `    <link rel="alternate" href="${escapeXml(target.url)}"/>`,
    `    <category term="${escapeXml(impact)}" label="${escapeXml(`impact: ${impact}`)}"/>`,
    `    ${element('summary', notice.text.trim(), ' type="text"')}`,
    '  </entry>',
  ].join('\n');
}

/** Builds the feed document (UTF-8 XML text). */
export function buildAtomFeed(notices: readonly ExportedNotice[], target: ExportTarget): string {
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
    ...sorted.map((n) => entry(n, target)),
    '</feed>',
    '',
  ].join('\n');
}
