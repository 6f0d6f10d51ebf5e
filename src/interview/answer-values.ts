/** Reading plain values out of parsed answers-file data. */
/** Collects the outcome of one check: `true`, or the message for `key`. */
export type Collect = (key: string, result: true | string) => void;

/** A scalar answer as text (YAML may read an unquoted timestamp as a Date); null for lists and mappings. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // YAML may read an unquoted timestamp as a Date.
  if (value instanceof Date) return value.toISOString();
  return null;
}

/** Text or a list of texts as a list; null for anything else. */
export function textList(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => asText(v) !== null)) return value.map((v) => asText(v) as string);
  return null;
}
