// `npm run docs` (after a build): regenerates the rule registry, the light catalog and the rule
// sections of docs/lint.md from the rule modules in src/lint/rules/. test/lint/generated.test.ts
// fails when one of them is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatted } from './format.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { renderCatalog, renderRuleDocs, renderRuleIndex, ruleOrder } = await import(`${root}dist/lint/rule-docs.js`);

const indexPath = `${root}src/lint/rules/index.ts`;
const fileIds = readdirSync(`${root}src/lint/rules`)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3));
const ids = ruleOrder(readFileSync(indexPath, 'utf8'), fileIds);
const rules = [];
for (const id of ids) rules.push((await import(`${root}dist/lint/rules/${id}.js`)).default);

async function writeFormatted(path, text) {
  writeFileSync(path, await formatted(path, text));
}

await writeFormatted(indexPath, renderRuleIndex(ids));
await writeFormatted(`${root}src/lint/catalog.ts`, renderCatalog(rules));
const docsPath = `${root}docs/lint.md`;
writeFileSync(docsPath, renderRuleDocs(readFileSync(docsPath, 'utf8'), rules));
console.log(
  `Wrote src/lint/rules/index.ts, src/lint/catalog.ts and the rule sections of docs/lint.md (${ids.length} rules).`,
);
