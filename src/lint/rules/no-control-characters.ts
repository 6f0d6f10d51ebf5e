import { keyPosition } from '../../model/validate.js';
import { defineRule } from '../types.js';

// What a terminal acts on: C0 but tab and LF, a CR that is not part of a CRLF, DEL and C1 (U+009B is
// a CSI to terminals that read 8-bit controls). A run of them is one report.
// eslint-disable-next-line no-control-regex
const CONTROL_RUN = /(?:\r(?!\n)|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F])+/g;

/** A backslash before a YAML escape that stands for a control character: \0 \a \b \e \f \r \v \N (U+0085), \x, \u, \U. */
const YAML_CONTROL_ESCAPE = /\\[0abefrvNxuU]/;

/** The characters of a run as `U+001B, U+0007`, each once. */
function codePoints(run: string): string {
  return [...new Set(run)].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
}

/** Every string in the front matter, keys and values, with its dotted path. */
function* strings(value: unknown, path: string): Generator<{ path: string; part: 'key' | 'value'; text: string }> {
  if (typeof value === 'string') yield { path, part: 'value', text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}.${i}`);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      yield { path: at, part: 'key', text: key };
      yield* strings(item, at);
    }
  }
}

/** The `no-control-characters` rule. */
export default defineRule({
  id: 'no-control-characters',
  defaultLevel: 'error',
  description: 'No control characters (escape sequences, bells, backspaces, lone CRs, C1) in the text.',
  fixable: false,
  docs: {
    what:
      'The file holds no control characters: none of U+0000–U+001F except tab and line feed (a CR only as part ' +
      'of a CRLF line end), no DEL (U+007F) and no C1 control (U+0080–U+009F), neither written raw in the ' +
      'front matter or the body nor as a YAML escape in a front-matter value (`"\\e[2J"`, `"\\x9b"`, `"\\a"`).',
    why:
      'A postmortem is printed in terminals and CI logs and published to sites and issue trackers. An escape ' +
      'sequence in a title or a table cell can clear the screen, rewrite what a reviewer reads, or set the ' +
      'clipboard (OSC 52) of whoever runs `postmortem render`; a lone CR or backspace hides text. `postmortem` ' +
      'shows them as `\\u001b` when it prints, but the file should not hold them at all.',
    fix: 'Delete the characters; they are usually pasted from a terminal by accident. The message names each one.',
    examples: { notOk: 'title: "Checkout down\\e]52;c;aGk=\\a"', ok: 'title: "Checkout down"' },
  },
  check: ({ pm, report }) => {
    let line = 1;
    let lineStart = 0;
    for (const match of pm.source.matchAll(CONTROL_RUN)) {
      // Lines are counted from the last run on, so the file is walked once however many runs it has.
      for (
        let i = pm.source.indexOf('\n', lineStart);
        i !== -1 && i < match.index;
        i = pm.source.indexOf('\n', i + 1)
      ) {
        line += 1;
        lineStart = i + 1;
      }
      const column = match.index - lineStart + 1;
      report({
        message: `Expected text without control characters, found ${codePoints(match[0])}.`,
        line,
        column,
        endLine: line,
        endColumn: column + match[0].length,
      });
    }
    // A YAML escape (`"\e"`) puts a control character in a value that the file does not hold raw.
    const raw = pm.frontMatter?.raw ?? '';
    // Only these YAML escapes (in double quotes) write a control character; without one, every
    // control character in a value is in the file raw, and walking every value finds nothing new.
    if (!YAML_CONTROL_ESCAPE.test(raw)) return;
    for (const { path, part, text } of strings(pm.data, '')) {
      // Characters the file holds raw are reported above, where they are.
      const escaped = [...(text.match(CONTROL_RUN)?.join('') ?? '')].filter((c) => !raw.includes(c)).join('');
      if (escaped === '') continue;
      const what = part === 'key' ? `the key \`${path}\`` : `\`${path}\``;
      report({
        message: `Expected ${what} without control characters, found ${codePoints(escaped)} written as an escape.`,
        ...keyPosition(pm, path, part),
      });
    }
  },
});
