import { deriveFigures, formatDuration, type Postmortem } from '../model/index.js';
import { renderTemplate, type TemplateOptions } from './engine.js';
import { escapeMarkdownInline as md, inlineMarkdown, markdownTableCell as cell } from './escape.js';

const SPECIAL_SECTIONS = new Set(['timeline', 'action items', 'root cause']);

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

function figure(ms: number | null): string {
  return ms === null ? 'n/a' : formatDuration(ms);
}

/** The data the postmortem template sees; every user string is already escaped for Markdown. */
export function postmortemView(pm: Postmortem) {
  const d = pm.data;
  const impact = (typeof d.impact === 'object' && d.impact !== null ? d.impact : {}) as Record<string, unknown>;
  const figures = deriveFigures(d);
  const customers = typeof impact.customers_affected === 'number' ? impact.customers_affected.toLocaleString('en-US') : 'unknown';
  const causes = Array.isArray(d.root_causes) ? (d.root_causes as Array<Record<string, unknown>>) : [];
  const table = pm.actionItems;
  return {
    id: md(text(d.id)),
    title: md(text(d.title)),
    severity: md(text(d.severity)),
    status: md(text(d.status)),
    started: md(text(d.started)),
    detected: md(text(d.detected)),
    mitigated: md(text(d.mitigated)),
    resolved: md(text(d.resolved)),
    duration: figure(figures.impactDuration),
    timeToDetect: figure(figures.timeToDetect),
    timeToMitigate: figure(figures.timeToMitigate),
    timeToResolve: figure(figures.timeToResolve),
    customersAffected: customers,
    dataLoss: impact.data_loss === true ? 'yes' : 'no',
    impactDescription: md(text(impact.description)),
    authors: list(d.authors).map(md).join(', '),
    services: list(d.services).map(md).join(', '),
    tags: list(d.tags).map(md).join(', '),
    rootCauses: causes.map((c) => ({ category: md(text(c?.category)), summary: md(text(c?.summary)) })),
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
    timeline: pm.timeline.map((item) => ({
      at: md(item.timestamp?.text ?? ''),
      event: inlineMarkdown(item.event),
    })),
    actionItems: (table?.rows ?? []).map((row) => ({
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
