/** The zod namespace, handed to a schema builder so that a module which only needs a type does not load zod. */
export type Zod = typeof import('zod').z;

/** Any zod schema. */
export type ZodSchema = import('zod').ZodType;

/** How a schema marks a string that holds a regular expression's source (JSON Schema `format`). */
export const REGEX_FORMAT = 'regex';

/** Why `source` does not compile as a regular expression with the `u` flag (as every pattern is used), or null. */
function regExpProblem(source: string): string | null {
  try {
    new RegExp(source, 'u');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A string holding a regular expression's source, marked `format: regex` so that the slow-pattern
 * check (`patternsIn`) and editors find it whatever the key is called. `expected` words the error
 * from the reason the pattern does not compile; `base` is the string schema to refine.
 */
export function regexString(
  z: Zod,
  expected: (reason: string) => string = () => 'expected a valid regular expression',
  base: import('zod').ZodString = z.string(),
) {
  return base
    .superRefine((source, ctx) => {
      const problem = regExpProblem(source);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: expected(problem), input: source });
    })
    .meta({ format: REGEX_FORMAT });
}
