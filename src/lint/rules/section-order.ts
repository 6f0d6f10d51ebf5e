import { SECTION_ORDER } from '../../model/format.js';
import { defineRule } from '../types.js';

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
    const order = (settings.format.sections ?? SECTION_ORDER).map((s) => s.toLowerCase());
    let last = -1;
    let lastTitle = '';
    for (const section of pm.sections) {
      if (section.depth !== 2) continue;
      const index = order.indexOf(section.title.toLowerCase());
      if (index === -1) continue;
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
