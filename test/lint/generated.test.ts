import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DOCS_MARKERS,
  renderCatalog,
  renderRuleDocs,
  renderRuleIndex,
  renderRuleSection,
  ruleOrder,
} from '../../src/lint/rule-docs.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { Rule } from '../../src/lint/types.js';
import { formatted as format } from '../../scripts/format.mjs';

// The registry, the catalog and the rule sections of docs/lint.md are generated from the rule
// modules by `npm run docs`; these tests regenerate them in memory and fail when a file is stale.

const path = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const read = (relative: string) => readFileSync(path(relative), 'utf8');

const formatted = (relative: string, text: string) => format(path(relative), text);

describe('generated from the rule modules', () => {
  it('src/lint/rules/index.ts is current', async () => {
    const ids = RULES.map((r) => r.id);
    expect(await formatted('src/lint/rules/index.ts', renderRuleIndex(ids))).toBe(read('src/lint/rules/index.ts'));
  });

  it('src/lint/catalog.ts is current', async () => {
    expect(await formatted('src/lint/catalog.ts', renderCatalog(RULES))).toBe(read('src/lint/catalog.ts'));
  });

  it('the rule sections of docs/lint.md are current (run `npm run docs` when this fails)', () => {
    const docs = read('docs/lint.md');
    expect(docs).toContain(DOCS_MARKERS.start);
    expect(renderRuleDocs(docs, RULES)).toBe(docs);
  });

  it('the check can fail: a changed description makes the docs and the catalog stale', async () => {
    const changed: Rule[] = RULES.map((r, i) => (i === 0 ? { ...r, description: 'Something else.' } : r));
    expect(renderRuleDocs(read('docs/lint.md'), changed)).not.toBe(read('docs/lint.md'));
    expect(await formatted('src/lint/catalog.ts', renderCatalog(changed))).not.toBe(read('src/lint/catalog.ts'));
    expect(renderRuleSection(changed[0]!)).toContain('Something else.');
  });

  it('keeps the registry order and adds a new rule file by name', () => {
    const index = read('src/lint/rules/index.ts');
    const ids = RULES.map((r) => r.id);
    expect(ruleOrder(index, [...ids].sort())).toEqual(ids);
    expect(ruleOrder(index, [...ids, 'a-new-rule'])).toEqual([...ids, 'a-new-rule']);
    expect(ruleOrder(index, ids.slice(1))).toEqual(ids.slice(1));
  });
});
