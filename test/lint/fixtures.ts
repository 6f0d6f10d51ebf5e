import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { LintMessage, LintSettings } from '../../src/lint/types.js';

/** Root of the rule fixtures: one folder per rule id. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));

/** The clock rule fixtures are linted with (for action-item-overdue). */
export const FIXTURE_NOW = '2020-03-01T00:00:00Z';

/** Settings with only `ruleId` on, at error, so a fixture shows exactly that rule's messages. */
export function onlyRule(ruleId: string): LintSettings {
  return { rules: { [ruleId]: { level: 'error', options: {} } }, format: {}, internalPatterns: [], now: FIXTURE_NOW };
}

/** Every fixture: rule id, file name, and whether it is an `ok-` fixture. */
export function fixtures(): Array<{ rule: string; file: string; ok: boolean }> {
  return RULES.flatMap((rule) => {
    let files: string[];
    try {
      files = readdirSync(join(FIXTURES, rule.id))
        .filter((f) => f.endsWith('.md'))
        .sort();
    } catch {
      files = [];
    }
    return files.map((file) => ({ rule: rule.id, file, ok: file.startsWith('ok-') }));
  });
}

/** Lints a fixture with only its rule on; `<!-- fixture-path: NAME.md -->` sets the file name the linter sees. */
export function lintFixtureMessages(rule: string, file: string): LintMessage[] {
  const source = readFileSync(join(FIXTURES, rule, file));
  const named = /<!-- fixture-path: (\S+) -->/.exec(source.toString('utf8'));
  const path = join(FIXTURES, rule, named ? (named[1] as string) : file);
  return lintText(new Uint8Array(source), path, onlyRule(rule)).result.messages;
}

/** A fixture's messages as its `.expected.json` holds them: line, column and text. */
export function lintFixture(rule: string, file: string) {
  return lintFixtureMessages(rule, file).map(({ line, column, message }) => ({ line, column, message }));
}
