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

/**
 * A copy of `data` with the value at a dotted `path` replaced by `value` (an `undefined` value
 * removes the key, or the list element: YAML has no holes in lists), or null when the path's
 * parent is not an object or list in `data`.
 */
export function withValueAt(data: object, path: string, value: unknown): Record<string, unknown> | null {
  const copy = structuredClone(data) as Record<string, unknown>;
  const parts = path.split('.');
  let node: Record<string, unknown> | undefined = copy;
  for (const part of parts.slice(0, -1)) {
    const next: unknown = node?.[part];
    node = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : undefined;
  }
  if (node === undefined) return null;
  const last = parts.at(-1) as string;
  if (value === undefined && Array.isArray(node)) node.splice(Number(last), 1);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
