import {
  deriveFigures,
  findSection,
  formatDuration,
  formatOffset,
  formatTimelineInstant,
  impactWindows,
  offsetOf,
  parseInstant,
  type Postmortem,
  type Section,
  type TimelineItem,
} from '../model/index.js';
import { renderTemplate, type TemplateOptions } from './engine.js';
import { escapeMarkdownInline as md, inlineMarkdown, markdownTableCell as cell } from './escape.js';

const SPECIAL_SECTIONS = new Set(['timeline', 'action items', 'root cause']);

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

/** Each section's lines, split once: the timeline asks for a slice of its section per item. */
const sectionLines = new WeakMap<Section, string[]>();

function linesOf(section: Section): string[] {
  let lines = sectionLines.get(section);
  if (!lines) {
    lines = section.content.split('\n').map((l) => l.replace(/\r$/, ''));
    sectionLines.set(section, lines);
  }
  return lines;
}

/** The section's source lines from `from` to `to` (file line numbers, inclusive), without blank lines around. */
function sourceLines(section: Section | undefined, from: number, to: number): string {
  if (!section) return '';
  const lines = linesOf(section);
  const first = Math.max(from, section.contentStartLine) - section.contentStartLine;
  const last = Math.min(to, section.endLine) - section.contentStartLine;
  return lines
    .slice(first, last + 1)
    .join('\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

/** Starts a block inside a list item's content; the first paragraph ends before it (or a blank line). */
const BLOCK_START = /^(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|#{1,6}(?:\s|$)|```|~~~|\|)/;

/**
 * What a timeline item holds beyond its first paragraph (sub-lists, more paragraphs), re-indented
 * for the rendered item's `- ` marker so that it stays inside that item.
 */
function itemDetails(section: Section | undefined, item: TimelineItem): string {
  if (!section || item.endLine <= item.line) return '';
  const [first = '', ...rest] = sourceLines(section, item.line, item.endLine).split('\n');
  const indent = (/^\s*(?:[-*+]|\d{1,9}[.)])[ \t]*/.exec(first)?.[0] ?? '').length;
  let k = 0;
  while (k < rest.length && rest[k]!.trim() !== '' && !BLOCK_START.test(rest[k]!.trimStart())) k++;
  const details = rest.slice(k);
  if (details.every((l) => l.trim() === '')) return '';
  const dedent = (line: string) => line.slice(Math.min(indent, (/^ */.exec(line)?.[0] ?? '').length));
  return details
    .map((l) => (l.trim() === '' ? '' : `  ${dedent(l)}`))
    .join('\n')
    .replace(/^\n+/, '\n')
    .trimEnd();
}

/** Text reduced to its words, to find a sentence again in Markdown prose. */
function words(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `started` as people read it: `Friday, 1 March 2024, 14:02 (UTC+01:00, Europe/Berlin)`. */
function readableInstant(iso: string, zone?: string): string {
  const ms = parseInstant(iso);
  const offset = offsetOf(iso);
  if (ms === null || offset === null) return iso;
  const wall = new Date(ms + offset * 60_000);
  const day = wall.toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = wall.toISOString().slice(11, 16);
  return `${day}, ${time} (UTC${formatOffset(offset)}${zone ? `, ${zone}` : ''})`;
}

function figure(ms: number | null): string {
  return ms === null ? 'n/a' : formatDuration(ms);
}

/**
 * The impact windows for the header, in the offset of `started` as the file writes its times:
 * the date once when all fall on the day it started ("2018-05-15", from 14:02 to 14:31, …).
 */
function windowsView(data: Record<string, unknown>) {
  const windows = impactWindows(data);
  if (!windows) return { windows: [], windowsDay: '', windowsZone: '' };
  const offset = typeof data.started === 'string' ? (offsetOf(data.started) ?? 0) : 0;
  // `formatTimelineInstant` gives "2018-05-15 14:02 +02:00": date, time, zone.
  const split = (ms: number) => formatTimelineInstant(ms, offset).split(' ') as [string, string, string];
  const day = split(windows[0]!.start)[0];
  const oneDay = windows.every((w) => split(w.start)[0] === day && split(w.end)[0] === day);
  const at = (ms: number) => (oneDay ? split(ms)[1] : split(ms).slice(0, 2).join(' '));
  return {
    windows: windows.map((w) => ({ from: at(w.start), to: at(w.end) })),
    windowsDay: oneDay ? day : '',
    windowsZone: offset === 0 ? 'UTC' : split(windows[0]!.start)[2],
  };
}

/** The data the postmortem template sees; every user string is already escaped for Markdown. */
function postmortemView(pm: Postmortem) {
  const d = pm.data;
  const impact = (typeof d.impact === 'object' && d.impact !== null ? d.impact : {}) as Record<string, unknown>;
  const figures = deriveFigures(d);
  const customers =
    typeof impact.customers_affected === 'number' ? impact.customers_affected.toLocaleString('en-US') : 'unknown';
  const causes = Array.isArray(d.root_causes) ? (d.root_causes as Array<Record<string, unknown>>) : [];
  const table = pm.actionItems;
  const timelineSection = findSection(pm.sections, 'timeline');
  const actionsSection = findSection(pm.sections, 'action items');
  const items = pm.timeline;
  const prose = words(findSection(pm.sections, 'root cause')?.content ?? '');
  const columns = table?.columns ?? [];
  const tableEnd = table ? Math.max(table.line + 1, ...table.rows.map((r) => r.line)) : 0;
  return {
    id: md(text(d.id)),
    title: md(text(d.title)),
    severity: md(text(d.severity)),
    status: md(text(d.status)),
    started: md(text(d.started)),
    startedText: md(readableInstant(text(d.started), typeof d.timezone === 'string' ? d.timezone : undefined)),
    detected: md(text(d.detected)),
    mitigated: md(text(d.mitigated)),
    resolved: md(text(d.resolved)),
    duration: figure(figures.impactDuration),
    ...windowsView(d),
    timeToDetect: figure(figures.timeToDetect),
    timeToMitigate: figure(figures.timeToMitigate),
    timeToResolve: figure(figures.timeToResolve),
    customersAffected: customers,
    dataLoss: impact.data_loss === true ? 'yes' : 'no',
    impactDescription: md(text(impact.description)),
    authors: list(d.authors).map(md).join(', '),
    services: list(d.services).map(md).join(', '),
    tags: list(d.tags).map(md).join(', '),
    // A summary the Root cause prose repeats (as `new` writes it) is listed by its category only.
    rootCauses: causes.map((c) => ({
      category: md(text(c?.category)),
      summary: prose.includes(words(text(c?.summary))) ? '' : md(text(c?.summary)),
    })),
    sections: pm.sections
      .filter((s) => s.depth === 2)
      .map((s) => {
        const key = s.title.toLowerCase();
        return {
          title: md(s.title),
          content: s.content.trim(),
          isTimeline: key === 'timeline',
          isActionItems: key === 'action items',
          isRootCause: key === 'root cause',
          isPlain: !SPECIAL_SECTIONS.has(key),
        };
      }),
    // Text the author wrote around the list and between its items, as written (like plain sections).
    timelineBefore:
      items.length === 0
        ? sourceLines(timelineSection, 0, Infinity)
        : sourceLines(timelineSection, 0, items[0]!.line - 1),
    timeline: items.map((item, i) => ({
      at: md(item.timestamp?.text ?? ''),
      event: inlineMarkdown(item.event),
      details: itemDetails(timelineSection, item),
      after: sourceLines(timelineSection, item.endLine + 1, (items[i + 1]?.line ?? Infinity) - 1),
    })),
    actionItemsBefore: table
      ? sourceLines(actionsSection, 0, table.line - 1)
      : sourceLines(actionsSection, 0, Infinity),
    actionItemsAfter: table ? sourceLines(actionsSection, tableEnd + 1, Infinity) : '',
    /** Every column of the table as written, in order (Ticket, Notes … only when the author has them). */
    actionColumns: columns.map(cell),
    actionItems: (table?.rows ?? []).map((row) => ({
      cells: columns.map((c) => cell(row.cells[c.toLowerCase()]?.text ?? '')),
      action: cell(row.cells.action?.text ?? ''),
      type: cell(row.cells.type?.text ?? ''),
      owner: cell(row.cells.owner?.text ?? ''),
      due: cell(row.cells.due?.text ?? ''),
      status: cell(row.cells.status?.text ?? ''),
      ticket: cell(row.cells.ticket?.text ?? ''),
    })),
    hasTickets: (table?.columns ?? []).some((c) => c.toLowerCase() === 'ticket'),
  };
}

/** Renders the reader's version of a validated postmortem as Markdown. */
export async function renderPostmortem(pm: Postmortem, options: TemplateOptions = {}): Promise<string> {
  const out = await renderTemplate('postmortem.md.hbs', postmortemView(pm), options);
  return `${out.trimEnd()}\n`;
}
