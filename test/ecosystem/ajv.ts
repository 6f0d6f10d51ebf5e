import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Ajv2020Module from 'ajv/dist/2020.js';
import type AddFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { ROOT } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
// CommonJS packages whose typings describe `exports.default`; require() gives the function itself.
const Ajv2020 = require('ajv/dist/2020') as typeof Ajv2020Module.default;
const addFormats = require('ajv-formats') as typeof AddFormatsModule.default;

/** Compiles one of the repository's JSON Schemas (draft 2020-12), strictly, with format checks. */
export async function compileSchema(relativePath: string): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(join(ROOT, relativePath), 'utf8')) as object;
  // strictTypes off: `anyOf` branches that add `null` are meant, and strict mode would reject them.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
