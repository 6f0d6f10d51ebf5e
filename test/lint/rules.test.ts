import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../src/lint/catalog.js';
import { RULES } from '../../src/lint/rules/index.js';
import { FIXTURES, fixtures, lintFixture } from './fixtures.js';

const RULE_IDS = [
  'frontmatter-schema',
  'timestamp-offset',
  'moment-order',
  'status-requirements',
  'id-filename',
  'required-sections',
  'section-order',
  'timeline-format',
  'timeline-order',
  'timeline-moments',
  'action-item-owner',
  'action-item-due',
  'action-item-fields',
  'action-item-overdue',
  'root-cause-category',
  'blameless-language',
  'notice-leak',
  'no-placeholder',
];
const DEFAULTS: Record<string, string> = {
  'section-order': 'warn',
  'timeline-moments': 'warn',
  'blameless-language': 'warn',
  'action-item-overdue': 'off',
};

describe('rule fixtures', () => {
  it.each(fixtures().map((f) => [`${f.rule}/${f.file}`, f] as const))('%s', (_name, { rule, file, ok }) => {
    const messages = lintFixture(rule, file);
    if (ok) {
      expect(messages).toEqual([]);
      return;
    }
    const expectedFile = join(FIXTURES, rule, file.replace(/\.md$/, '.expected.json'));
    if (process.env.UPDATE_FIXTURES && !existsSync(expectedFile))
      writeFileSync(expectedFile, `${JSON.stringify(messages, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as unknown[];
    expect(expected.length).toBeGreaterThan(0);
    expect(messages).toEqual(expected);
  });
});

describe('rule registry', () => {
  it('registers exactly the rules of the interface, with their default severities', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULES) expect([rule.id, rule.defaultLevel]).toEqual([rule.id, DEFAULTS[rule.id] ?? 'error']);
  });

  it('the light catalog matches the rule files', () => {
    expect(RULE_CATALOG).toEqual(RULES.map(({ id, defaultLevel, description }) => ({ id, defaultLevel, description })));
  });

  it.each(RULE_IDS)('%s has a rule file with a doc header and both kinds of fixture', (id) => {
    const source = readFileSync(new URL(`../../src/lint/rules/${id}.ts`, import.meta.url), 'utf8');
    const header = /^\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
    expect(header).toContain(`Rule \`${id}\``);
    for (const part of ['What:', 'Why:', 'How to fix:', 'Examples']) expect(header).toContain(part);
    const files = readdirSync(join(FIXTURES, id));
    expect(files.some((f) => /^ok-.*\.md$/.test(f))).toBe(true);
    const notOk = files.filter((f) => /^not-ok-.*\.md$/.test(f));
    expect(notOk.length).toBeGreaterThan(0);
    for (const f of notOk) expect(files).toContain(f.replace(/\.md$/, '.expected.json'));
    const docs = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
    expect(docs).toContain(`### ${id}`);
  });
});
