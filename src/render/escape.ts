/** Escapers for user text placed into a rendered document; templates get text already escaped. */

/** Escapes text placed inside a line of Markdown: no emphasis, links, HTML, code or table breaks; one line. */
export function escapeMarkdownText(text: string): string {
  return escapeKramdown(
    text
      .replace(/\r?\n+/g, ' ')
      .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
      .replace(/&(?=#?\w+;)/g, '&amp;'),
  );
}

/**
 * Hides from kramdown (Jekyll's Markdown) what it reads beyond CommonMark: `{:…}` sets attributes on
 * an element (IAL, ALD: `onfocus` with `autofocus` runs script), `{::…}` opens an extension (raw
 * HTML, a hidden comment, options), `$$…$$` is math, a line starting with `:` defines a term and a
 * line of only `^` ends a block. A backslash would do for some but not `^`, and Liquid reads braces
 * before any Markdown; an HTML character reference is read by neither and kramdown and goldmark
 * (Hugo) both show it as the character. Idempotent: what it writes has nothing left to escape.
 */
export function escapeKramdown(markdown: string): string {
  return markdown
    .replace(/\{(?=:)/g, '&#123;')
    .replace(/\$(?=\$)/g, '&#36;')
    .replace(/^([ \t]*):/gm, '$1&#58;')
    .replace(/^\^(?=[ \t]*$)/gm, '&#94;');
}

/** Escapes text that may start a line of Markdown: as above, and no heading, quote, list or rule either. */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdownText(text).replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, space: string, lead: string) =>
    /^\d/.test(lead) ? `${space}${lead.slice(0, -1)}\\${lead.slice(-1)}` : `${space}\\${lead}`,
  );
}

/**
 * Text as a CommonMark code span, shown exactly: fenced by a backtick run longer than any inside
 * (a single fence would end at the first backtick of the text, and what follows would be Markdown,
 * HTML included), padded with a space where the text starts or ends with a backtick or with a
 * space that CommonMark would strip. Line breaks become spaces, as a code span shows them; one line.
 * Not for a table cell: GFM splits cells at a `|` even inside a code span.
 */
export function markdownCodeSpan(text: string): string {
  const content = text.replace(/\r\n?|\n/g, ' ');
  if (content === '') return '';
  const fence = '`'.repeat(Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const strippable = content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '';
  const pad = content.startsWith('`') || content.endsWith('`') || strippable ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * Keeps Markdown written by the user as blocks (paragraphs, lists, code) but stops it from
 * opening a heading of its own, which would split the section it is written into.
 */
export function markdownSection(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^(\s{0,3})(#{1,6}(?:\s|$)|=+\s*$|-{2,}\s*$)/, '$1\\$2'))
    .join('\n');
}

/** Makes Markdown written by the user fit one line of a list item: line breaks become spaces. */
export function inlineMarkdown(markdown: string): string {
  return markdown.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/**
 * Makes Markdown written by the user fit a GFM table cell: one line, every bare `|` escaped.
 * A `|` is bare when an even number of backslashes precedes it (`\\|` escapes the backslash, not
 * the pipe); a scanner, because a regex consuming the character before a pipe misses adjacent ones.
 */
export function markdownTableCell(markdown: string): string {
  let out = '';
  let backslashes = 0;
  for (const c of inlineMarkdown(markdown)) {
    if (c === '|' && backslashes % 2 === 0) out += '\\';
    backslashes = c === '\\' ? backslashes + 1 : 0;
    out += c;
  }
  return out;
}

/** True for a control character other than tab, LF and CR (C0, DEL, C1): never meant to reach a reader. */
function isControl(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || (code >= 0x7f && code <= 0x9f);
}

/** Plain text with its line breaks: control characters (escape sequences, bells, C1) removed. */
export function plainTextBlock(text: string): string {
  return Array.from(text)
    .filter((c) => !isControl(c))
    .join('');
}

/**
 * One line of plain text (status pages, titles): control characters removed, white space runs one
 * space. No-break spaces stay: French puts them before a colon and in "14 h 02", so no line starts there.
 */
export function plainText(text: string): string {
  return plainTextBlock(text)
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .trim();
}

/** A value that cannot go where the template puts it, such as a line break in an e-mail header. */
export class UnsafeTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeTextError';
  }
}

/**
 * An e-mail header value (RFC 5322: one line). A CR or LF would end the header and start a new
 * one (`Subject: …` / `X-Injected: yes`), so it is an error, never cleaned up silently.
 */
export function emailHeaderValue(text: string, field: string): string {
  if (/[\r\n\u0085\u2028\u2029]/.test(text))
    throw new UnsafeTextError(`${field}: expected one line for an e-mail header, found a line break.`);
  return plainText(text);
}
