import { MAX_INDENT, MAX_NESTING, tooDeepLine } from '../../model/body.js';
import { TIMELINE_PREFIX, normaliseZone } from '../../model/timestamp.js';
import type { TimelineItem } from '../../model/types.js';
import { defineRule, type Edit } from '../types.js';

/** The separator `--fix` writes between a timeline timestamp and its event. */
const CANONICAL_SEPARATOR = ' — ';

/** An item's text as a message quotes it, cut at 40 characters (built only for an item reported). */
function quoted(item: TimelineItem): string {
  return item.text.length > 40 ? `"${item.text.slice(0, 37)}..."` : `"${item.text}"`;
}

/** The `timeline-format` rule. */
export default defineRule({
  id: 'timeline-format',
  defaultLevel: 'error',
  description: 'Timeline items start with a timestamp with a zone and a separator.',
  fixable: true,
  format: true,
  docs: {
    what:
      'The Timeline section is a list, and each item starts with a timestamp `YYYY-MM-DD HH:MM[:SS]`, a zone ' +
      '(`Z`, `UTC` or `±HH:MM`), a separator (`—`, `–`, `-` or `:`) and the event. Lines nested more than ' +
      `${MAX_NESTING} list or quote levels deep (or starting past column ${MAX_INDENT}) are reported here and not ` +
      'read, so a hostile file cannot make the parser take minutes.',
    why:
      'The timeline is checked against the front-matter moments and rendered for readers in their own zone; both ' +
      'need a parsable time with a zone.',
    fix:
      'Write the item as `- 2017-09-21 14:02 +02:00 — what happened`. `--fix` writes the prefix of every valid ' +
      'item in one form: `UTC` as `Z`, `+0200` as `+02:00`, a `T` between date and time as a space, and every ' +
      'separator as ` — `.',
    examples: { notOk: '- 14:02 Release deployed', ok: '- 2017-09-21 14:02 +02:00 — Release deployed' },
  },
  check: ({ pm, report }) => {
    const section = pm.sections.find((s) => s.depth === 2 && s.title.toLowerCase() === 'timeline');
    if (section && pm.timeline.length === 0) {
      report({
        message: 'Expected a list of timeline items (`- YYYY-MM-DD HH:MM ±HH:MM — event`), found none.',
        line: section.line,
        column: 1,
      });
    }
    const deep = section ? tooDeepLine(section) : null;
    if (deep !== null) {
      report({
        message:
          `Expected timeline items nested at most ${MAX_NESTING} levels (or ${MAX_INDENT} columns) deep, ` +
          'found deeper nesting; those lines are not read.',
        line: deep,
        column: 1,
      });
    }
    for (const item of pm.timeline) {
      const stamp = item.timestamp;
      let message: string | null = null;
      if (!stamp)
        message = `Expected the item to start with a timestamp \`YYYY-MM-DD HH:MM\` and a zone, found ${quoted(item)}.`;
      else if (!stamp.zone)
        message = `Expected a zone (\`Z\`, \`UTC\` or \`±HH:MM\`) after "${stamp.text}", found none.`;
      else if (stamp.instant === null) message = `Expected a real date and time, found "${stamp.text}".`;
      else if (!item.separator)
        message = `Expected a separator (\`—\`, \`–\`, \`-\` or \`:\`) after "${stamp.text}", found ${quoted(item)}.`;
      else if (item.event === '') message = `Expected a description of the event after "${stamp.text}", found none.`;
      if (message === null) continue;
      report({ message, line: item.line, column: item.column, endLine: item.endLine, endColumn: item.endColumn });
    }
  },
  normalise: ({ pm, source }) => {
    const edits: Edit[] = [];
    for (const item of pm.timeline) {
      const stamp = item.timestamp;
      if (!stamp?.zone || !item.separator || item.event === '') continue;
      const lineStart = source.offset(item.line);
      const start = lineStart + stamp.column - 1;
      const m = TIMELINE_PREFIX.exec(pm.source.slice(start, source.lineEnd(item.line)));
      if (!m || !m[4] || !m[5] || m[1] !== stamp.text) continue;
      const text = `${m[2]} ${m[3]} ${normaliseZone(m[4])}${CANONICAL_SEPARATOR}`;
      edits.push({ from: start, to: start + m[0].length, text });
    }
    return edits;
  },
});
