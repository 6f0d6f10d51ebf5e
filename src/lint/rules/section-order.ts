import { SECTION_ORDER } from '../../model/format.js';
import { defineRule } from '../types.js';

let orderFor: readonly string[] | null = null;
let orderIndex = new Map<string, number>();

/**
 * Each title of a section order, lower case, with its place (the first, if a title comes twice),
 * worked out once for the run's settings, not once a file.
 */
function orderOf(sections: readonly string[]): ReadonlyMap<string, number> {
  if (sections !== orderFor) {
    orderIndex = new Map();
    sections.forEach((title, i) => {
      if (!orderIndex.has(title.toLowerCase())) orderIndex.set(title.toLowerCase(), i);
    });
    orderFor = sections;
  }
  return orderIndex;
}

/** The `section-order` rule. */
export default defineRule({
  id: 'section-order',
  defaultLevel: 'warn',
  description: 'Sections appear in the configured order.',
  fixable: false,
  dependsOn: ['sections'],
  format: true,
  docs: {
    what:
      "The level-2 sections appear in the configured order (FORMAT v1's order, or `sections` from the config). " +
      'Sections the order does not know are ignored.',
    why: 'Readers skim; the same order in every postmortem makes them comparable.',
    fix: 'Move the section to its place.',
    examples: { notOk: '## Impact\n…\n## Summary', ok: '## Summary\n…\n## Impact' },
  },
  check: ({ pm, settings, report }) => {
    const order = orderOf(settings.format.sections ?? SECTION_ORDER);
    let last = -1;
    let lastTitle = '';
    for (const section of pm.sections) {
      if (section.depth !== 2) continue;
      const index = order.get(section.title.toLowerCase());
      if (index === undefined) continue;
      if (index < last) {
        report({
          message: `Expected \`## ${section.title}\` before \`## ${lastTitle}\`, found it after.`,
          line: section.line,
          column: 1,
        });
      } else {
        last = index;
        lastTitle = section.title;
      }
    }
  },
});
