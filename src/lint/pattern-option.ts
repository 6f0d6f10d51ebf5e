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

/** The schema of a rule option that holds a regular expression's source. */
export function patternOption(z: Zod) {
  return z.string().refine(isRegExp, { error: 'expected a valid regular expression' });
}
