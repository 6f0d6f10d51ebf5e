import { regexString } from '../schema/regex.js';
import type { Zod } from './types.js';

/** The schema of a rule option that holds a regular expression's source (marked `format: regex`). */
export function patternOption(z: Zod) {
  return regexString(z);
}

/** The walk that finds every option a rule schema marks as a pattern; it lives with the schemas. */
export { patternsIn, type FoundPattern } from '../schema/patterns.js';
