/**
 * Rule `no-placeholder` (default: error)
 *
 * What: a postmortem with status `final` or `published` contains no `TODO`, `TBD`, `FIXME`,
 * `XXX`, `???`, `<...>`-style placeholders (`<owner>`, `<describe the impact>`), `{{ … }}` or
 * "lorem ipsum", neither in the front matter nor in the body. Code spans, fenced code and HTML
 * comments are not scanned; HTML tags and autolinks (`<br>`, `<https://…>`) are not placeholders.
 *
 * Why: a final postmortem is read by people who were not there; a placeholder means a question
 * nobody answered.
 *
 * How to fix: fill in the text, or set the status back to `draft` or `in-review`.
 *
 * Examples:
 *   not ok:  status: final … Root cause: TBD
 *   ok:      status: draft … Root cause: TBD
 */
import type { Rule, RuleReport } from '../types.js';
import { proseLines } from '../prose.js';

const PLACEHOLDER = /(?<![\p{L}\p{N}_])(?:TODO|TBD|TBA|FIXME|XXX)(?![\p{L}\p{N}_])|\?{3,}|\{\{[^{}\n]*\}\}|lorem ipsum|<([^<>\n]{1,80})>/giu;

const HTML_TAGS = new Set(
  'a abbr b br code del details div em h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody td th thead tr u ul var'.split(' '),
);

/** True when `<inner>` is an HTML tag, an autolink or a comment rather than a placeholder. */
function isMarkup(inner: string): boolean {
  if (/^[!/?]/.test(inner) || /^(?:https?|mailto|ftp):/i.test(inner) || /^[^\s@]+@[^\s@]+$/.test(inner)) return true;
  const tag = /^([a-z][a-z0-9]*)(?:\s+[a-z-]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?$/i.exec(inner);
  return tag !== null && HTML_TAGS.has((tag[1] as string).toLowerCase());
}

const rule: Rule = {
  id: 'no-placeholder',
  defaultLevel: 'error',
  description: 'No TODO, TBD, FIXME, ???, <...> or template text in final/published files.',
  fixable: false,
  check: ({ pm }) => {
    const status = pm.data.status;
    if (status !== 'final' && status !== 'published') return [];
    const out: RuleReport[] = [];
    for (const { line, text } of proseLines(pm)) {
      for (const m of text.matchAll(PLACEHOLDER)) {
        const found = m[0];
        // Lower-case "todo"/"xxx" are words, not markers; only the upper-case markers count.
        if (/^[a-z]+$/i.test(found) && found !== found.toUpperCase()) continue;
        if (m[1] !== undefined && isMarkup(m[1])) continue;
        out.push({
          message: `Expected finished text in a ${String(status)} postmortem, found the placeholder "${found}".`,
          line,
          column: (m.index ?? 0) + 1,
          endLine: line,
          endColumn: (m.index ?? 0) + 1 + found.length,
        });
      }
    }
    return out;
  },
};

export default rule;
