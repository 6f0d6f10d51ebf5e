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
import { findPlaceholders } from '../../model/index.js';

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
      for (const { text: found, index } of findPlaceholders(text)) {
        out.push({
          message: `Expected finished text in a ${String(status)} postmortem, found the placeholder "${found}".`,
          line,
          column: index + 1,
          endLine: line,
          endColumn: index + 1 + found.length,
        });
      }
    }
    return out;
  },
};

export default rule;
