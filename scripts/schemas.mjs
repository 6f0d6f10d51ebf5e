// `npm run schemas` (after a build): writes the JSON Schemas in schema/ from the zod schemas in
// src/schema/ and the rule modules' options. test/schema/json-schemas.test.ts fails when one is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatted } from './format.mjs';
import { z } from 'zod';

const root = fileURLToPath(new URL('..', import.meta.url));
const { renderJsonSchemas } = await import(`${root}dist/schema/json-schemas.js`);
const { RULES } = await import(`${root}dist/lint/rules/index.js`);

const written = [];
for (const [file, text] of Object.entries(renderJsonSchemas(z, RULES))) {
  const path = `${root}schema/${file}`;
  writeFileSync(path, await formatted(path, text));
  written.push(`schema/${file}`);
}
console.log(`Wrote ${written.join(', ')}.`);
