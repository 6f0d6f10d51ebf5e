import type { NoticeChannel, NoticeView } from '../notice/view.js';
import { renderTemplate, type TemplateOptions } from './engine.js';
import { emailHeaderValue, escapeMarkdownInline, plainText, plainTextBlock } from './escape.js';

/** Escapes plain text written by people for Markdown, keeping their paragraphs (blank lines). */
function markdownParagraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => escapeMarkdownInline(p.trim()))
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Per channel: the template (under templates/notice/) and how user text is escaped before it. */
const CHANNEL_FORMATS: Record<NoticeChannel, { template: string; escape: (text: string) => string }> = {
  blog: { template: 'notice/blog.md.hbs', escape: markdownParagraphs },
  email: { template: 'notice/email.txt.hbs', escape: plainTextBlock },
  // A status line is one short block of plain text: line breaks become spaces.
  status: { template: 'notice/status.txt.hbs', escape: plainText },
};

/** View fields a channel's template puts into a header, which must stay one line. */
const HEADER_FIELDS: Partial<Record<NoticeChannel, readonly string[]>> = { email: ['headline'] };

/** Every text of the view escaped for the channel: the facts hold display names people wrote. */
function escapeView<T extends object>(view: T, escape: (text: string) => string): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) out[key] = typeof value === 'string' ? escape(value) : value;
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
  const out = await renderTemplate(format.template, escapeView(checked, format.escape), {
    ...options,
    partialsDir: 'notice/partials',
  });
  return `${out.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
