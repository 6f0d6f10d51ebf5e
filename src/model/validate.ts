import { MOMENTS } from './format.js';
import { parseInstant } from './timestamp.js';
import type { Position, Postmortem } from './types.js';

// The facts the lint rules and the other commands share; the checks themselves are lint rules
// (src/lint/rules/), so `lint`, `render`, `notice` and `new` agree on what a valid file is.

/** Where a front-matter key (or its value) stands; the front matter's first line when absent. */
export function keyPosition(pm: Postmortem, path: string, part: 'key' | 'value' = 'value'): Position {
  const found = pm.keys.get(path);
  if (found) return found[part];
  const parent = path.includes('.') ? pm.keys.get(path.slice(0, path.lastIndexOf('.'))) : undefined;
  if (parent) return parent.key;
  return { line: 1, column: 1 };
}

/** The moments of a postmortem as epoch milliseconds; absent or invalid moments are left out. */
export function momentInstants(data: Record<string, unknown>): Partial<Record<(typeof MOMENTS)[number], number>> {
  const out: Partial<Record<(typeof MOMENTS)[number], number>> = {};
  for (const moment of MOMENTS) {
    const v = data[moment];
    const ms = typeof v === 'string' ? parseInstant(v) : null;
    if (ms !== null) out[moment] = ms;
  }
  return out;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseInstant(`${text}T00:00Z`) !== null;
}
