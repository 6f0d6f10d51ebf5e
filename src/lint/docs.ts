/** The rule documentation that ships with the package (docs/lint.md, one anchor per rule id). */
export const BUNDLED_DOCS_URL = new URL('../../docs/lint.md', import.meta.url).href;

/** The documentation link of a rule, under a base (the bundled docs unless a formatter is told otherwise). */
export function ruleDocsUrl(ruleId: string, base: string = BUNDLED_DOCS_URL): string {
  return ruleId === '' ? base : `${base}#${ruleId}`;
}
