import type { Zod } from './types.js';

/** Whether `source` compiles as a regular expression with the `u` flag, as the rules use it. */
function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** How patternOption marks its schema (zod metadata), so that the safety check finds every pattern-valued option. */
const PATTERN_FORMAT = 'regex';

/** The schema of a rule option that holds a regular expression's source. */
export function patternOption(z: Zod) {
  return z.string().refine(isRegExp, { error: 'expected a valid regular expression' }).meta({ format: PATTERN_FORMAT });
}

/** The parts of a zod schema's definition the walk below follows. */
interface SchemaDef {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  in?: Schema;
}
type Schema = { _zod: { def: SchemaDef } };

/** A regular expression found in options, and its key path inside them. */
export interface FoundPattern {
  path: PropertyKey[];
  source: string;
}

/**
 * The regular expressions in `value` (options that passed `schema`): every string that stands where
 * the schema has a patternOption, found by walking the schema, whatever the option is called.
 */
export function patternsIn(z: Zod, schema: unknown, value: unknown, path: PropertyKey[] = []): FoundPattern[] {
  if (value === undefined || value === null) return [];
  if (z.globalRegistry.get(schema as Parameters<typeof z.globalRegistry.get>[0])?.format === PATTERN_FORMAT)
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
  if (def.type === 'union' && def.options) {
    // The first option that finds a pattern there, so a value is not reported twice.
    for (const option of def.options) {
      const found = patternsIn(z, option, value, path);
      if (found.length > 0) return found;
    }
  }
  return [];
}
