import { findPlaceholders, MAY_HOLD_LOREM, PLACEHOLDER_NEEDLES } from '../../model/placeholders.js';
import { linesHolding, proseLinesAt } from '../prose.js';
import { defineRule } from '../types.js';

/** The `no-placeholder` rule. */
export default defineRule({
  id: 'no-placeholder',
  defaultLevel: 'error',
  description: 'No TODO, TBD, FIXME, ???, <...> or template text in final/published files.',
  fixable: false,
  docs: {
    what:
      'A postmortem with status `final` or `published` contains no `TODO`, `TBD`, `TBA`, `FIXME`, `XXX` (upper ' +
      'case), `???`, `<…>` placeholders such as `<owner>` or `<describe the impact>`, `{{ … }}` or "lorem ipsum", ' +
      'neither in the front matter nor in the body. Code spans, fenced code and HTML comments are not scanned; HTML ' +
      'tags and autolinks (`<br>`, `<https://…>`) are not placeholders.',
    why: 'A final postmortem is read by people who were not there; a placeholder means a question nobody answered.',
    fix: 'Fill in the text, or set the status back to `draft` or `in-review`.',
    examples: { notOk: 'status: final\n…\nRoot cause: TBD', ok: 'status: draft\n…\nRoot cause: TBD' },
  },
  check: ({ pm, report }) => {
    const status = pm.data.status;
    if (status !== 'final' && status !== 'published') return;
    for (const { line, text } of proseLinesAt(pm, linesHolding(pm.source, PLACEHOLDER_NEEDLES, MAY_HOLD_LOREM))) {
      for (const { text: found, index } of findPlaceholders(text)) {
        report({
          message: `Expected finished text in a ${String(status)} postmortem, found the placeholder "${found}".`,
          line,
          column: index + 1,
          endLine: line,
          endColumn: index + 1 + found.length,
        });
      }
    }
  },
});
