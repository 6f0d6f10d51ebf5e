import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULE_CATALOG } from '../../src/lint/catalog.js';
import { RULES } from '../../src/lint/rules/index.js';
import { FIXTURES, fixtures, lintFixture, lintFixtureMessages } from './fixtures.js';

const RULES_DIR = new URL('../../src/lint/rules/', import.meta.url);
const RULE_FILES = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

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
  it('registers every rule file, once, under its file name', () => {
    expect(RULE_FILES.length).toBeGreaterThan(10);
    expect(RULES.map((r) => r.id).sort()).toEqual(RULE_FILES);
  });

  it('the light catalog matches the rule modules', () => {
    expect(RULE_CATALOG).toEqual(
      RULES.map(({ id, defaultLevel, description, dependsOn }) => ({
        id,
        defaultLevel,
        description,
        ...(dependsOn?.length ? { dependsOn } : {}),
      })),
    );
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s is documented and has both kinds of fixture', (id, rule) => {
    expect(rule.description).toMatch(/^\S.*\.$/);
    for (const text of [rule.docs.what, rule.docs.why, rule.docs.fix, rule.docs.examples.ok, rule.docs.examples.notOk])
      expect(text.trim().length).toBeGreaterThan(5);
    expect(Boolean(rule.docs.options)).toBe(rule.options !== undefined);
    const files = readdirSync(join(FIXTURES, id));
    expect(files.some((f) => /^ok-.*\.md$/.test(f))).toBe(true);
    const notOk = files.filter((f) => /^not-ok-.*\.md$/.test(f));
    expect(notOk.length).toBeGreaterThan(0);
    for (const f of notOk) expect(files).toContain(f.replace(/\.md$/, '.expected.json'));
    const docs = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
    expect(docs).toContain(`### ${id}\n\n[${rule.defaultLevel}] ${rule.description}`);
  });

  // A rule whose normalise rewrites text under --fix is fixable too, though none of its reports carries a fix.
  it.each(RULES.map((r) => [r.id, r.fixable] as const))('%s: fixable is %s, and so are its fixtures', (id, fixable) => {
    const files = fixtures().filter((f) => f.rule === id && !f.ok);
    const fixed = files.some((f) => lintFixtureMessages(id, f.file).some((m) => m.fixable));
    const rule = RULES.find((r) => r.id === id);
    expect(fixed || rule?.normalise !== undefined).toBe(fixable);
  });

  it.each(RULES.filter((r) => r.options).map((r) => [r.id, r] as const))(
    '%s accepts empty options and refuses an unknown key',
    (_id, rule) => {
      const schema = rule.options!(z);
      expect(schema.safeParse({}).success).toBe(true);
      expect(schema.safeParse({ noSuchOption: true }).success).toBe(false);
    },
  );
});
