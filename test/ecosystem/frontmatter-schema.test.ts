import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRules } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { parsePostmortem, type Postmortem } from '../../src/model/index.js';
import { ROOT } from '../helpers/cli.js';
import { compileSchema, withValueAt } from './ajv.js';
import type { ValidateFunction } from 'ajv';

// schema/postmortem.frontmatter.schema.json must say what lint's frontmatter-schema rule says:
// valid per the schema if and only if the rule finds nothing, on every fixture and example and
// on generated variations of them.

const schemaRule = RULES.find((r) => r.id === 'frontmatter-schema');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const files = [...markdownUnder(join(ROOT, 'examples')), ...markdownUnder(join(ROOT, 'test', 'fixtures'))]
  .map((path) => ({ path, parsed: parsePostmortem(readFileSync(path, 'utf8'), path) }))
  // A file whose front matter cannot be read as YAML has no data to compare.
  .filter((f) => f.parsed.problems.length === 0);

function ruleFindsNothing(pm: Postmortem, data: Record<string, unknown>): boolean {
  const settings = {
    rules: { 'frontmatter-schema': { level: 'error' as const, options: {} } },
    format: {},
    internalPatterns: [],
    now: '2026-01-01T00:00:00Z',
  };
  return runRules({ ...pm, data }, settings).messages.length === 0;
}

let validate: ValidateFunction;
beforeAll(async () => {
  validate = await compileSchema('schema/postmortem.frontmatter.schema.json');
});

describe('postmortem.frontmatter.schema.json', () => {
  it('finds the fixtures and the rule', () => {
    expect(schemaRule).toBeDefined();
    expect(files.length).toBeGreaterThan(60);
  });

  it('agrees with the frontmatter-schema rule on every fixture and example', () => {
    const disagreements = files
      .map((f) => ({
        file: relative(ROOT, f.path),
        rule: ruleFindsNothing(f.parsed.postmortem, f.parsed.postmortem.data),
        schema: validate(f.parsed.postmortem.data),
      }))
      .filter((r) => r.rule !== r.schema);
    expect(disagreements).toEqual([]);
    // Both sides are exercised: the examples pass, and a changed copy fails.
    expect(files.filter((f) => f.path.includes('/examples/')).every((f) => validate(f.parsed.postmortem.data))).toBe(
      true,
    );
  });

  it('agrees with the rule on generated changes to the examples (a key removed, or set to any value)', () => {
    const examples = files.filter((f) => f.path.includes('/examples/'));
    const paths = [
      'id',
      'title',
      'status',
      'severity',
      'authors',
      'services',
      'tags',
      'started',
      'detected',
      'mitigated',
      'resolved',
      'impact',
      'impact.customers_affected',
      'impact.data_loss',
      'impact.description',
      'root_causes',
      'root_causes.0',
      'root_causes.0.category',
      'root_causes.0.summary',
      'notice',
      'notice.languages',
      'notice.languages.0',
      'notice.headline',
      'notice.headline.en',
      'notice.apology',
      'authors.0',
      'services.0',
      'tags.0',
      'timezone',
      'unknown_key',
    ];
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom(
        '',
        ' ',
        'SEV1',
        'SEV9',
        'final',
        'en',
        'fr',
        'A title.',
        'Two\nlines',
        'ok',
        '2024-03-01T14:02:00Z',
      ),
      fc.string(),
      fc.integer({ min: -3, max: 5 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('en', 'de', 'category', 'summary'), fc.oneof(fc.string(), fc.integer())),
    );
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.constantFrom(...paths), value, (index, path, v) => {
        const file = examples[index] as (typeof examples)[number];
        const data = withValueAt(file.parsed.postmortem.data, path, v);
        fc.pre(data !== null);
        expect(validate(data), JSON.stringify({ file: relative(ROOT, file.path), path, v })).toBe(
          ruleFindsNothing(file.parsed.postmortem, data),
        );
      }),
      { numRuns: 1500, seed: 13 },
    );
  });
});
