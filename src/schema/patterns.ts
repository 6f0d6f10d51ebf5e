import { REGEX_FORMAT, type Zod } from './regex.js';

/** The parts of a zod schema's definition the walk below follows. */
interface SchemaDef {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  items?: Schema[];
  options?: Schema[];
  in?: Schema;
}
type Schema = { _zod: { def: SchemaDef } };

/** A regular expression found in data, and its key path there. */
export interface FoundPattern {
  path: PropertyKey[];
  source: string;
}

/**
 * The regular expressions in `value` (data that passed `schema`): every string that stands where the
 * schema has a `regexString` (metadata `format: regex`), found by walking the schema, whatever the key
 * is called.
 */
export function patternsIn(z: Zod, schema: unknown, value: unknown, path: PropertyKey[] = []): FoundPattern[] {
  if (value === undefined || value === null) return [];
  if (z.globalRegistry.get(schema as Parameters<typeof z.globalRegistry.get>[0])?.format === REGEX_FORMAT)
    return typeof value === 'string' ? [{ path, source: value }] : [];
  const def = (schema as Schema)._zod.def;
  const entries = (v: unknown) => (typeof v === 'object' && v !== null ? Object.entries(v) : []);
  if (def.innerType) return patternsIn(z, def.innerType, value, path);
  if (def.in) return patternsIn(z, def.in, value, path);
  if (def.shape) {
    const shape = def.shape;
    return entries(value).flatMap(([k, v]) => (shape[k] ? patternsIn(z, shape[k], v, [...path, k]) : []));
  }
  if (def.type === 'record' && def.valueType) {
    const valueType = def.valueType;
    return entries(value).flatMap(([k, v]) => patternsIn(z, valueType, v, [...path, k]));
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.flatMap((v, i) => patternsIn(z, element, v, [...path, i]));
  }
  if (def.type === 'tuple' && def.items && Array.isArray(value)) {
    const items = def.items;
    return value.flatMap((v, i) => (items[i] ? patternsIn(z, items[i], v, [...path, i]) : []));
  }
  if (def.type === 'union' && def.options) {
    // The first option that finds a pattern there, so a value is not reported twice.
    for (const option of def.options) {
      const found = patternsIn(z, option, value, path);
      if (found.length > 0) return found;
    }
  }
  return [];
}
