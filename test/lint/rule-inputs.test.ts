import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { RULE_INPUTS, type LintSettings, type RuleInput } from '../../src/lint/types.js';
import { SECTION_ORDER } from '../../src/model/index.js';
import { parsePostmortem, type Postmortem } from '../../src/model/index.js';
import { FIXTURES, fixtures, onlyRule } from './fixtures.js';

// The lint cache is keyed by what the rules declare they depend on (`dependsOn`). A rule that
// reads a setting it does not declare would let a cached run report stale results, so every
// rule runs over every fixture with each undeclared input changed, and must not notice.

const PARSED: Postmortem[] = fixtures().map(({ rule, file }) => {
  const source = readFileSync(join(FIXTURES, rule, file), 'utf8');
  const named = /<!-- fixture-path: (\S+) -->/.exec(source);
  return parsePostmortem(source, join(FIXTURES, rule, named ? (named[1] as string) : file)).postmortem;
});
const ALL_TEXT = fixtures()
  .map(({ rule, file }) => readFileSync(join(FIXTURES, rule, file), 'utf8'))
  .join('\n');
const everyName = { en: 'the service', de: 'der Dienst', fr: 'le service' };

/** A change of each input that some fixture of a rule declaring it notices. */
const CHANGES: Record<RuleInput, (s: LintSettings) => LintSettings> = {
  today: (s) => ({ ...s, now: '1990-01-01T00:00:00Z' }),
  categories: (s) => ({
    ...s,
    format: { ...s.format, categories: [...ALL_TEXT.matchAll(/category: (\S+)/g)].map((m) => m[1]!) },
  }),
  sections: (s) => ({ ...s, format: { ...s.format, sections: [...SECTION_ORDER].reverse() } }),
  requiredSections: (s) => ({ ...s, format: { ...s.format, requiredSections: ['Postscript'] } }),
  idMatchesFileName: (s) => ({ ...s, format: { ...s.format, idMatchesFileName: false } }),
  internalPatterns: (s) => ({ ...s, internalPatterns: ['[a-z]'] }),
  noticeLanguages: (s) => ({ ...s, notice: { signature: {}, services: {}, ...s.notice, languages: ['fr'] } }),
  company: (s) => ({ ...s, notice: { signature: {}, services: {}, ...s.notice, company: 'Two\nlines' } }),
  displayNames: (s) => ({
    ...s,
    notice: { signature: {}, ...s.notice, services: new Proxy({}, { get: () => everyName }) },
  }),
  signature: (s) => ({
    ...s,
    notice: { services: {}, ...s.notice, signature: { en: 'The team', de: 'Das Team', fr: "L'équipe" } },
  }),
  publicContacts: (s) => ({
    ...s,
    notice: {
      signature: {},
      services: {},
      ...s.notice,
      publicContacts: [...new Set(ALL_TEXT.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g))],
    },
  }),
};

function messagesOf(ruleId: string, settings: LintSettings): string[] {
  return PARSED.flatMap((pm) =>
    runRules(pm, settings).messages.map((m) => `${pm.path}:${m.line}:${m.column} ${m.message}`),
  );
}

const INPUTS = Object.keys(RULE_INPUTS) as RuleInput[];

describe('rule inputs (dependsOn)', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s notices no input it does not declare', (id, rule) => {
    const base = onlyRule(id);
    const before = messagesOf(id, base);
    for (const input of INPUTS.filter((i) => !rule.dependsOn?.includes(i))) {
      expect({ input, messages: messagesOf(id, CHANGES[input](base)) }).toEqual({ input, messages: before });
    }
  });

  it.each(INPUTS)('a change of %s is noticed by a rule that declares it (so the check above can fail)', (input) => {
    const declaring = RULES.filter((rule) => rule.dependsOn?.includes(input));
    expect(declaring.length).toBeGreaterThan(0);
    const noticed = declaring.some((rule) => {
      const base = onlyRule(rule.id);
      return JSON.stringify(messagesOf(rule.id, base)) !== JSON.stringify(messagesOf(rule.id, CHANGES[input](base)));
    });
    expect(noticed).toBe(true);
  });
});
