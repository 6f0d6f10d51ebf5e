/** Renders the Markdown body of a new postmortem file from `templates/source/`. */
import { formatTimelineInstant, offsetOf, parseInstant } from '../model/index.js';
import { renderTemplate, type TemplateOptions } from './engine.js';
import { escapeMarkdownInline as md, markdownSection } from './escape.js';

/** The body's parts as plain text (what the interview collected); escaped here, not by the caller. */
export interface SourceContent {
  summary: string;
  impact: { customersAffected: number; dataLoss: boolean; description?: string };
  /** Sorted events with ISO timestamps (with an offset). */
  timeline: ReadonlyArray<{ at: string; event: string }>;
  rootCause?: string;
  causes: ReadonlyArray<{
    label: string;
    summary: string;
    followups: ReadonlyArray<{ label: string; answer: string }>;
  }>;
  fiveWhys: readonly string[];
  detection: string;
  resolution: string;
  actionItems: ReadonlyArray<{
    action: string;
    type: string;
    owner: string;
    due: string;
    status: string;
    ticket: string;
  }>;
  lessons: { wentWell: readonly string[]; wentWrong: readonly string[]; gotLucky: readonly string[] };
}

/**
 * Text of several lines as the body of a list item: each line escaped, the lines after the first
 * indented under the item so that none is lost or starts a block of its own.
 */
function listItem(text: string, indent: number): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 ? md(line) : line.trim() === '' ? '' : `${' '.repeat(indent)}${md(line.trim())}`))
    .join('\n');
}

/** The view of the source template: section prose kept as the engineer's Markdown (no headings), everything else escaped inline. */
function sourceView(content: SourceContent) {
  return {
    summary: markdownSection(content.summary),
    customersAffected: content.impact.customersAffected.toLocaleString('en-US'),
    dataLoss: content.impact.dataLoss ? 'yes' : 'none',
    impactDescription: content.impact.description ? listItem(content.impact.description, 2) : '',
    timeline: content.timeline.map((item) => {
      const ms = parseInstant(item.at);
      if (ms === null) throw new Error(`timeline timestamp "${item.at}" has no offset`);
      return { at: formatTimelineInstant(ms, offsetOf(item.at) ?? 0), event: md(item.event) };
    }),
    rootCause: content.rootCause ? markdownSection(content.rootCause) : '',
    causes: content.causes.map((c) => ({
      label: md(c.label),
      summary: md(c.summary),
      followups: c.followups.map((f) => ({ label: md(f.label), answer: md(f.answer) })),
    })),
    fiveWhys: content.fiveWhys.map((text, i) => ({ number: i + 1, text: listItem(text, 3) })),
    detection: markdownSection(content.detection),
    resolution: markdownSection(content.resolution),
    actionItems: content.actionItems.map((item) => ({
      action: md(item.action),
      type: md(item.type),
      owner: md(item.owner),
      due: md(item.due),
      status: md(item.status),
      ticket: md(item.ticket),
    })),
    wentWell: content.lessons.wentWell.map((t) => listItem(t, 2)),
    wentWrong: content.lessons.wentWrong.map((t) => listItem(t, 2)),
    gotLucky: content.lessons.gotLucky.map((t) => listItem(t, 2)),
  };
}

/** Renders the body of a new postmortem file (the front matter is added by `stringifyPostmortem`). */
export async function renderSource(
  content: SourceContent,
  options: Pick<TemplateOptions, 'templatesDir'> = {},
): Promise<string> {
  const out = await renderTemplate('source/postmortem.md.hbs', sourceView(content), {
    ...options,
    partialsDir: 'source/partials',
  });
  // Templates leave blank lines where optional parts are absent; one blank line is enough.
  return `${out.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
