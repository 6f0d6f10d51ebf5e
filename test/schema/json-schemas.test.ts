import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULES } from '../../src/lint/rules/index.js';
import { renderJsonSchemas } from '../../src/schema/json-schemas.js';
import { formatted as format } from '../../scripts/format.mjs';

// schema/*.json are generated from the zod schemas (scripts/schemas.mjs, `npm run schemas`); these
// tests regenerate them in memory and fail when a committed file is not what the generator writes.

const path = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

const formatted = (relative: string, text: string) => format(path(relative), text);

const generated = Object.entries(renderJsonSchemas(z, RULES));

describe('schema/ is generated from src/schema/', () => {
  it.each(generated)('schema/%s is current (run `npm run schemas` when this fails)', async (file, text) => {
    expect(await formatted(`schema/${file}`, text)).toBe(readFileSync(path(`schema/${file}`), 'utf8'));
  });

  it('the check can fail: a rule with another option makes the config schema stale', async () => {
    const changed = RULES.map((r) =>
      r.id === 'section-order' ? { id: r.id, options: () => z.strictObject({ x: z.string() }) } : r,
    );
    const text = renderJsonSchemas(z, changed)['postmortemrc.schema.json'] as string;
    expect(await formatted('schema/postmortemrc.schema.json', text)).not.toBe(
      readFileSync(path('schema/postmortemrc.schema.json'), 'utf8'),
    );
  });

  it('every generated schema names its $id, title and description for editors', () => {
    for (const [file, text] of generated) {
      const json = JSON.parse(text) as Record<string, unknown>;
      expect(json.$id).toBe(`https://unpkg.com/postmortem-cli/schema/${file}`);
      expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(typeof json.title).toBe('string');
      expect(typeof json.description).toBe('string');
    }
  });
});
