import { answersSchema } from './answers.js';
import { configSchema } from './config.js';
import { frontMatterSchema } from './frontmatter.js';
import { statsReportSchema } from './stats.js';
import type { Zod, ZodSchema } from './regex.js';

// The JSON Schemas in schema/ are generated from the zod schemas by scripts/schemas.mjs (`npm run schemas`);
// test/schema/json-schemas.test.ts fails when a committed file is not what the generator writes.
// Editors (yaml-language-server, VS Code) read them by their `$id`, which is where the package serves them.

const BASE = 'https://unpkg.com/postmortem-cli/schema/';

/** What the generator needs of a rule: its id and its options schema. */
export interface RuleSchemaSource {
  id: string;
  options?: (z: Zod) => ZodSchema;
}

/**
 * A tuple with optional tail items (`[severity, options?]`) as one exact-length tuple per length, in place:
 * strict validators (ajv's strictTuples) and some editors take `prefixItems` only with a fixed length.
 */
function exactTuples(json: Record<string, unknown>): void {
  const { prefixItems, minItems, maxItems } = json;
  if (!Array.isArray(prefixItems) || typeof minItems !== 'number' || minItems === maxItems) return;
  const lengths = Array.from({ length: prefixItems.length - minItems + 1 }, (_, i) => minItems + i);
  for (const key of ['type', 'prefixItems', 'items', 'minItems', 'maxItems']) delete json[key];
  json.anyOf = lengths.map((n) => ({
    type: 'array',
    prefixItems: prefixItems.slice(0, n),
    items: false,
    minItems: n,
    maxItems: n,
  }));
}

/** One zod schema as a JSON Schema (draft 2020-12, the input side: what a user writes), with its `$id`. */
function toJson(z: Zod, schema: ZodSchema, file: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => exactTuples(jsonSchema as Record<string, unknown>),
  });
  // The heading keys first, so that a reader of the file sees what it describes before its properties.
  const { $schema, title, description, ...rest } = json as Record<string, unknown>;
  return { $schema, $id: `${BASE}${file}`, title, description, ...rest };
}

/** The generated JSON Schemas by file name in schema/, as the text written there (before formatting). */
export function renderJsonSchemas(z: Zod, rules: readonly RuleSchemaSource[]): Record<string, string> {
  const ruleOptions = Object.fromEntries(rules.map((r) => [r.id, r.options ? r.options(z) : z.strictObject({})]));
  const schemas: Record<string, Record<string, unknown>> = {
    'answers.schema.json': toJson(z, answersSchema(z), 'answers.schema.json'),
    'postmortem.frontmatter.schema.json': toJson(z, frontMatterSchema(z), 'postmortem.frontmatter.schema.json'),
    'postmortemrc.schema.json': toJson(z, configSchema(z, ruleOptions), 'postmortemrc.schema.json'),
    'stats.schema.json': toJson(z, statsReportSchema(z), 'stats.schema.json'),
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([file, json]) => [file, `${JSON.stringify(json, null, 2)}\n`]),
  );
}
