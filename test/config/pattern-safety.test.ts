import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { backtrackingProblem, plainlySafe } from '../../src/config/pattern-safety.js';
import { configSchema } from '../../src/schema/config.js';
import { patternsIn } from '../../src/lint/pattern-option.js';
import { RULES } from '../../src/lint/rules/index.js';
import { runInProcess, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-patterns-'));
});
afterAll(async () => cleanup());

describe('config patterns that can backtrack catastrophically', () => {
  it.each(['(\\w+\\s?)+$', '(a+)+b', '(a|a)*b', '^(a|aa)+$'])('refuses %s', async (source) => {
    expect(await backtrackingProblem(source)).toMatch(/^exponential backtracking \(e\.g\. on /);
  });

  it.each(['\\bcorp-vpn\\b', '\\bprod-[a-z]+-\\d+\\b', '(?:\\d{1,3}\\.){3}\\d{1,3}', '\\w+\\d+', '('])(
    'accepts %s (safe, quadratic at most, or invalid: that is reported elsewhere)',
    async (source) => {
      expect(await backtrackingProblem(source)).toBeNull();
    },
  );

  it('skips the checker for patterns that plainly cannot blow up', () => {
    expect(plainlySafe('\\bcorp-vpn\\b')).toBe(true);
    expect(plainlySafe('[(+*]x+')).toBe(true);
    expect(plainlySafe('(ab)+')).toBe(false);
    expect(plainlySafe('a+b*')).toBe(false);
  });

  it('finds internalPatterns by walking the config schema, not by key name', () => {
    expect(patternsIn(z, configSchema(z), { internalPatterns: ['a', 'b'], categories: ['(a+)+$'] })).toEqual([
      { path: ['internalPatterns', 0], source: 'a' },
      { path: ['internalPatterns', 1], source: 'b' },
    ]);
  });

  it('finds every option a rule schema marks as a pattern, whatever its name', async () => {
    const wording = RULES.find((r) => r.id === 'notice-wording')!;
    const leak = RULES.find((r) => r.id === 'notice-leak')!;
    expect(patternsIn(z, wording.options!(z), { words: { en: ['a', 'b'], de: ['c'] } })).toEqual([
      { path: ['words', 'en', 0], source: 'a' },
      { path: ['words', 'en', 1], source: 'b' },
      { path: ['words', 'de', 0], source: 'c' },
    ]);
    expect(patternsIn(z, leak.options!(z), { patterns: ['d'] })).toEqual([{ path: ['patterns', 0], source: 'd' }]);
    // Options that are words, not patterns, are not checked as patterns.
    const blameless = RULES.find((r) => r.id === 'blameless-language')!;
    expect(patternsIn(z, blameless.options!(z), { words: ['(a+)+$'] })).toEqual([]);
  });

  it('lint exits 2 naming the file, the key path and the pattern of a slow notice-wording word', async () => {
    // `words` was never checked: this config and a headline ending in thirty a's hung lint.
    const root = join(dir, 'redos-words');
    await mkdir(root, { recursive: true });
    await writeFile(
      join(root, '.postmortemrc.json'),
      JSON.stringify({ rules: { 'notice-wording': ['error', { words: { en: ['(a+)+$'] } }] } }),
    );
    const result = await runInProcess(['lint'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(root, '.postmortemrc.json')}: \`rules.notice-wording[1].words.en[0]\`: ` +
        'expected a pattern that cannot backtrack catastrophically, found "(a+)+$"',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('lint exits 2 naming the key', async () => {
    const root = join(dir, 'redos');
    await mkdir(root, { recursive: true });
    await writeFile(
      join(root, '.postmortemrc.json'),
      JSON.stringify({ rules: { 'notice-leak': ['error', { patterns: ['\\bok\\b', '(\\w+\\s?)+$'] }] } }),
    );
    const result = await runInProcess(['lint'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '`rules.notice-leak[1].patterns[1]`: expected a pattern that cannot backtrack catastrophically',
    );
    expect(result.stderr).toContain('exponential backtracking');
  });
});
