import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtrackingProblem, patternsOf, plainlySafe } from '../../src/config/pattern-safety.js';
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

  it('finds internalPatterns and rule options named pattern(s)', () => {
    expect(
      patternsOf({
        internalPatterns: ['a'],
        rules: { 'notice-leak': ['error', { patterns: ['b', 'c'] }], x: ['warn', { pattern: 'd' }], y: 'off' },
      }),
    ).toEqual([
      { key: 'internalPatterns[0]', source: 'a' },
      { key: 'rules.notice-leak[1].patterns[0]', source: 'b' },
      { key: 'rules.notice-leak[1].patterns[1]', source: 'c' },
      { key: 'rules.x[1].pattern', source: 'd' },
    ]);
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
