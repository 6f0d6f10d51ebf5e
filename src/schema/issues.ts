import type { Position } from '../model/types.js';

/** The parts of a zod issue that our messages use. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  input?: unknown;
  errors?: SchemaIssue[][];
}

/** What is wrong where: the key path in the data, what was expected, the value found there. */
export interface IssueReport {
  path: PropertyKey[];
  expected: string;
  found: unknown;
  /** True when the key itself is wrong (an unknown key), so a position points at the key. */
  atKey: boolean;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );
}

/**
 * A union branch that failed on the value's kind itself (a list where it takes text) says nothing
 * useful; the branch that took the value's kind and failed inside does.
 */
function wrongKind(issue: SchemaIssue | undefined, value: unknown): boolean {
  if (!issue || issue.path.length > 0) return false;
  return (
    issue.code === 'invalid_type' || (issue.code === 'invalid_value' && typeof value === 'object' && value !== null)
  );
}

/**
 * The user's view of a zod issue on `data`: for a union, the issue of the branch that matches the
 * value's kind (else the union's own message); for an unknown key, the key. Zod's default messages
 * ("Invalid input: expected string, received number") are cut to the "expected …" part.
 */
export function describeIssue(issue: SchemaIssue, data: unknown, base: PropertyKey[] = []): IssueReport {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors) {
    const value = valueAt(data, path);
    const branch = issue.errors.find((errors) => errors.length > 0 && !wrongKind(errors[0], value));
    if (branch?.[0]) return describeIssue(branch[0], data, path);
  }
  const expected = issue.message
    .replace(/^Invalid input: /, '')
    .replace(/, received \w+$/, '')
    .replace(/^expected /, '');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys?.[0] ?? '';
    return { path: [...path, key], expected, found: key, atKey: true };
  }
  if (issue.code === 'invalid_key') {
    // A wrong key of a record (an empty handle): the record is named, the key is what was found.
    return { path: path.slice(0, -1), expected, found: path.at(-1), atKey: true };
  }
  const found = issue.code === 'custom' && 'input' in issue ? issue.input : valueAt(data, path);
  return { path, expected, found, atKey: false };
}

/** A key path as the user writes it: `rules.notice-leak[1].patterns[0]`; `(root)` for the whole. */
export function keyPath(path: readonly PropertyKey[], base = ''): string {
  const out = path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`),
    base,
  );
  return out === '' ? '(root)' : out;
}

/**
 * Where `path` stands in a file's text (a JSON or YAML file), by its positions table
 * (`keyPositionsOf`): the key itself, or its value; the nearest enclosing key when the path is absent.
 */
export function positionOf(
  keys: ReadonlyMap<string, { key: Position; value: Position }>,
  path: readonly PropertyKey[],
  atKey: boolean,
): Position | null {
  for (let n = path.length; n > 0; n--) {
    const found = keys.get(path.slice(0, n).map(String).join('.'));
    if (found) return n === path.length && !atKey ? found.value : found.key;
  }
  return null;
}
