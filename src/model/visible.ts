/** Text from files, shown so that no control character reaches a terminal or a CI log. */

/**
 * Control characters (C0, DEL, C1) and the invisible bidirectional controls that can reorder what a
 * terminal shows ("Trojan Source"); tab is kept.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes text from files (messages quote content; file names are chosen by whoever wrote the
 * repository) safe to print: every control character becomes a visible `\u001b`-style escape, so
 * no escape sequence reaches the terminal or the CI log and no line is broken or rewritten. `##[`
 * becomes `##\[`: GitHub Actions runs it anywhere in a log line as a (legacy) workflow command.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, visibleChar).replace(/##\[/g, '##\\[');
}

/** One character as a `\u001b`-style escape: readable text, and inside a JSON string the same character still. */
export function visibleChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
