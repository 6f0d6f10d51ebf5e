/** True for a plain mapping (not null, not a list): what YAML gives for `key: value` blocks. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
