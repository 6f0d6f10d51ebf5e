/** How a found value reads in a message: `"text"` (shortened), `a list`, `a mapping`, `number 3`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
  // The YAML reader gives a `!!binary` value as bytes.
  if (value instanceof Uint8Array) return 'binary data (a !!binary value)';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value) ?? ''}`;
}
