import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// Each rule declares the schema of its options; bad options in the config exit 2 and name the
// rule and the key (issue 10: `{"patterns": ["("]}` used to disable the check silently).

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-options-'));
  file = await readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');
});
afterAll(async () => cleanup());

async function lintWith(name: string, rules: Record<string, unknown>, text = file) {
  const root = join(dir, name);
  await mkdir(join(root, 'postmortems'), { recursive: true });
  await writeFile(join(root, 'postmortems/2020-01-01-api-outage.md'), text);
  await writeFile(join(root, '.postmortemrc.json'), JSON.stringify({ rules }));
  return runInProcess(['lint', '--format', 'json'], { cwd: root });
}

describe('rule options are checked against the rule schema', () => {
  it.each([
    [
      'an invalid regular expression',
      { 'notice-leak': ['error', { patterns: ['('] }] },
      'rules.notice-leak[1].patterns[0]',
    ],
    ['an unknown key', { 'notice-leak': ['error', { pattern: ['x'] }] }, 'rules.notice-leak[1].pattern'],
    ['a wrong type', { 'blameless-language': ['warn', { words: 'clumsy' }] }, 'rules.blameless-language[1].words'],
    ['a wrong entry type', { 'blameless-language': ['warn', { words: [3] }] }, 'rules.blameless-language[1].words[0]'],
    [
      'options for a rule that takes none',
      { 'section-order': ['warn', { strict: true }] },
      'rules.section-order[1].strict',
    ],
    [
      'bad options of a rule that is off',
      { 'notice-leak': ['off', { patterns: ['[a-'] }] },
      'rules.notice-leak[1].patterns[0]',
    ],
  ])('exits 2 on %s, naming the rule and the key', async (name, rules, key) => {
    const result = await lintWith(name.replace(/\W+/g, '-'), rules);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.postmortemrc.json');
    expect(result.stderr).toContain(`\`${key}\``);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names what was expected and found', async () => {
    const bad = await lintWith('messages', { 'notice-leak': ['error', { patterns: ['ok', '('] }] });
    expect(bad.stderr).toMatch(/expected a valid regular expression, found "\("/);
    const unknown = await lintWith('unknown', { 'section-order': ['warn', { strict: true }] });
    expect(unknown.stderr).toMatch(/expected no options \(section-order takes none\), found the unknown key `strict`/);
  });

  it('takes valid options, and they work', async () => {
    const text = file.replace('en: "Our API was unavailable"', 'en: "Project Falcon: our API was unavailable"');
    expect(text).not.toBe(file);
    const plain = await lintWith('valid-plain', {}, text);
    expect(plain.code).toBe(0);
    const result = await lintWith('valid', { 'notice-leak': ['error', { patterns: ['\\bProject Falcon\\b'] }] }, text);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('notice-leak');
  });
});
