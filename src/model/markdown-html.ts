import { micromark } from 'micromark';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';

// The HTML page is compiled by micromark, the parser the model reads sections with, so a table or a
// heading is the same thing in the page as in lint and the model. micromark escapes raw HTML (no
// allowDangerousHtml) and empties the href of a link whose protocol is not http(s), mailto, irc(s) or
// xmpp (no allowDangerousProtocol), so `javascript:` is never clickable.

/** No `![alt](src)`: the page loads nothing, so an image is text and a link, never a request. */
const NO_IMAGES = { disable: { null: ['labelStartImage'] } };

/**
 * Markdown to HTML for the page `render --format html` writes: CommonMark with GFM tables and
 * `~~strikethrough~~` (single tildes stay text: "~5 minutes"), raw HTML escaped, no images.
 */
export function markdownToHtml(markdown: string): string {
  return micromark(markdown, {
    extensions: [gfmTable(), gfmStrikethrough({ singleTilde: false }), NO_IMAGES],
    htmlExtensions: [gfmTableHtml(), gfmStrikethroughHtml()],
  });
}
