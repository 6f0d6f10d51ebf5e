import { createRequire } from 'node:module';
import { keyPosition } from '../../model/validate.js';
import { frontMatterSchema, plainFrontMatterIssues } from '../../schema/frontmatter.js';
import type { Zod } from '../../schema/regex.js';
import { keyPath } from '../../schema/issues.js';
import { describeValue as describe } from '../describe-value.js';
import { defineRule, type RuleContext } from '../types.js';

// The checks are the front-matter schema's (src/schema/frontmatter.ts), the one that
// schema/postmortem.frontmatter.schema.json is generated from; its messages are templates filled in here.

let schema: ReturnType<typeof frontMatterSchema> | undefined;

// zod is loaded only for a file whose issues the fast check cannot tell, and then synchronously (a rule's
// check is synchronous): a run over valid files (or a wrong severity), in every lint thread, never loads it.
function loadSchema(): ReturnType<typeof frontMatterSchema> {
  const { z } = createRequire(import.meta.url)('zod') as { z: Zod };
  return frontMatterSchema(z);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );
}

function checkSchema({ pm, report }: RuleContext<Record<string, unknown>>): void {
  const issues = plainFrontMatterIssues(pm.data) ?? (schema ??= loadSchema()).safeParse(pm.data).error?.issues ?? [];
  for (const issue of issues) {
    const path = issue.path;
    const message = issue.message
      .replace('{key}', keyPath(path))
      .replace('{parent}', keyPath(path.slice(0, -1)))
      .replace('{found}', () => describe(valueAt(pm.data, path)));
    report({ message, ...keyPosition(pm, path.map(String).join('.')) });
  }
}

/** The `frontmatter-schema` rule. */
export default defineRule({
  id: 'frontmatter-schema',
  defaultLevel: 'error',
  description: 'Front matter has the keys, types and values of FORMAT v1.',
  fixable: false,
  format: true,
  docs: {
    what:
      'The front matter exists, is valid YAML (never a script), and holds the keys, types and values of FORMAT v1: ' +
      'the required keys `id`, `title`, `status`, `severity`, `authors`, `services`, `started`, `detected`, ' +
      '`impact.customers_affected` and `impact.data_loss`, their types and allowed values (`status`: draft, ' +
      'in-review, final, published; `severity`: SEV1–SEV4), and the shape of `root_causes` and `notice`. ' +
      'Problems that stop the file from being read at all (empty or binary file, missing or unclosed front matter, ' +
      'invalid YAML, duplicate keys, alias bombs, `---js`) are reported under this id too (see Exit codes).',
    why:
      'Every other command computes with these facts; a typo in `severity` or a missing `impact` silently breaks ' +
      'stats, notices and publishing.',
    fix: 'Add the missing key or correct the value as the message says.',
    examples: { notOk: 'severity: high', ok: 'severity: SEV2' },
  },
  check: checkSchema,
});
