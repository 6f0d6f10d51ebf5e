/**
 * An event's words as one safe line of a Markdown list: one line, no control characters or
 * terminal escapes, no inline HTML, no link syntax, at most MAX_EVENT_CHARS characters.
 */

/** Longest event text kept; chat messages can be pages long, a timeline item is a sentence. */
export const MAX_EVENT_CHARS = 200;

// C0 and C1 controls (ESC starts terminal sequences) and the bidirectional overrides that reorder shown text.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/** The text made safe as one timeline item's event; empty when nothing is left. */
export function eventText(raw: string): string {
  // Tests first: most messages have nothing to remove or escape, and a test allocates nothing.
  let text = UNSAFE.test(raw) ? raw.replace(ANSI, '').replace(CONTROLS, '') : raw;
  if (/[^\S ]| {2}/.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  // Markdown that could change what the line is: inline HTML and autolinks, links and images.
  if (/[<[\]\\]/.test(text)) text = text.replace(/[<[\]\\]/g, '\\$&');
  if (text.length > MAX_EVENT_CHARS) {
    const cut = text.slice(0, MAX_EVENT_CHARS - 1);
    const space = cut.lastIndexOf(' ');
    text = `${(space > MAX_EVENT_CHARS / 2 ? cut.slice(0, space) : cut).replace(/\\$/, '')}…`;
  }
  return text;
}
