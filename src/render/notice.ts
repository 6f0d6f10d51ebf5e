import type { NoticeChannel, NoticeView } from '../notice/view.js';
import { renderTemplate, type TemplateOptions } from './engine.js';
import { emailHeaderValue, escapeMarkdownInline, escapeMarkdownText, plainText, plainTextBlock } from './escape.js';

/** Escapes plain text written by people for Markdown, keeping their paragraphs (blank lines). */
function markdownParagraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => escapeMarkdownInline(p.trim()))
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Facts the templates place inside a sentence, never at the start of a line. */
const MID_SENTENCE_FACTS = new Set([
  'started',
  'ended',
  'day',
  'startTime',
  'endTime',
  'timeZoneName',
  'duration',
  'services',
]);

/** Per channel: the template (under templates/notice/) and how user text is escaped before it. */
const CHANNEL_FORMATS: Record<
  NoticeChannel,
  { template: string; escape: (text: string) => string; escapeFact?: (text: string) => string }
> = {
  // Facts sit mid-sentence, so "15. Mai" needs no escaping against becoming a list.
  blog: { template: 'notice/blog.md.hbs', escape: markdownParagraphs, escapeFact: escapeMarkdownText },
  email: { template: 'notice/email.txt.hbs', escape: plainTextBlock },
  // A status line is one short block of plain text: line breaks become spaces.
  status: { template: 'notice/status.txt.hbs', escape: plainText },
};

/** View fields a channel's template puts into a header, which must stay one line. */
const HEADER_FIELDS: Partial<Record<NoticeChannel, readonly string[]>> = { email: ['headline'] };

function escapeView<T extends object>(view: T, escape: (text: string) => string, escapeFact = escape): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) {
    if (typeof value === 'string') out[key] = MID_SENTENCE_FACTS.has(key) ? escapeFact(value) : escape(value);
    // Impact windows are facts inside the sentence: "from 2:02 PM to 2:31 PM and from …".
    else if (Array.isArray(value)) out[key] = value.map((item: object) => escapeView(item, escapeFact));
    else out[key] = value;
  }
  return out as T;
}

/** Renders a customer notice for a channel; every user string is escaped for the channel first. */
export async function renderNotice(
  view: NoticeView,
  channel: NoticeChannel,
  options: Pick<TemplateOptions, 'templatesDir'> = {},
): Promise<string> {
  const format = CHANNEL_FORMATS[channel];
  const headers = HEADER_FIELDS[channel] ?? [];
  const checked = { ...view } as NoticeView & Record<string, unknown>;
  for (const key of headers) {
    const value = checked[key];
    if (typeof value === 'string') checked[key] = emailHeaderValue(value, `notice.${key}.${view.lang}`);
  }
  const out = await renderTemplate(format.template, escapeView(checked, format.escape, format.escapeFact), {
    ...options,
    partialsDir: 'notice/partials',
  });
  return `${out.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
