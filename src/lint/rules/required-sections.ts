import { LESSONS_SUBSECTIONS, REQUIRED_SECTIONS } from '../../model/format.js';
import type { Section } from '../../model/types.js';
import { defineRule } from '../types.js';

/** The `required-sections` rule. */
export default defineRule({
  id: 'required-sections',
  defaultLevel: 'error',
  description: 'The required level-2 sections exist.',
  fixable: false,
  dependsOn: ['requiredSections'],
  format: true,
  docs: {
    what:
      'The body has the level-2 sections `Summary`, `Impact`, `Timeline`, `Root cause`, `Detection`, `Resolution`, ' +
      '`Action items`, `Lessons learned` (with `### What went well`, `### What went wrong`, `### Where we got ' +
      'lucky`). A project replaces the list with `sections` in its config; the `Lessons learned` subsections are ' +
      'required when `Lessons learned` is in the list.',
    why:
      'A postmortem without, say, action items teaches nothing; a fixed outline also lets readers find their way ' +
      'around any postmortem.',
    fix: 'Add the section with a `## Title` heading (the name as the message says).',
    examples: { notOk: '## Summary\n…\n(no `## Action items` heading)', ok: '## Action items\n\n| Action | Type | …' },
  },
  check: ({ pm, settings, report }) => {
    const required = settings.format.requiredSections ?? REQUIRED_SECTIONS;
    // Each title is lowered once, not once for every required section it is compared with.
    const level2 = new Set<string>();
    for (const s of pm.sections) if (s.depth === 2) level2.add(s.title.toLowerCase());
    for (const title of required) {
      if (!level2.has(title.toLowerCase()))
        report({ message: `Expected a section \`## ${title}\`, found none.`, line: pm.bodyStartLine, column: 1 });
    }
    if (!level2.has('lessons learned') || !required.some((s) => s.toLowerCase() === 'lessons learned')) return;
    const lessons = pm.sections.find((s) => s.depth === 2 && s.title.toLowerCase() === 'lessons learned') as Section;
    const subs = new Set<string>();
    for (const s of pm.sections)
      if (s.depth === 3 && s.line > lessons.line && s.line <= lessons.endLine) subs.add(s.title.toLowerCase());
    for (const title of LESSONS_SUBSECTIONS) {
      if (!subs.has(title.toLowerCase())) {
        report({
          message: `Expected a subsection \`### ${title}\` under Lessons learned, found none.`,
          line: lessons.line,
          column: 1,
        });
      }
    }
  },
});
