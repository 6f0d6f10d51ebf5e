/** Where the rule documentation lives; each rule has an anchor named by its id. */
export const DOCS_BASE_URL = 'https://github.com/postmortem-cli/postmortem-cli/blob/main/docs/lint.md';

/** The documentation link of a rule. */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId}`;
}
