import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/model/frontmatter.js';

// The front-matter language after `---`: YAML is read, script languages are refused and never run,
// anything else is refused as unsupported (as before, when gray-matter dispatched the languages).
describe('front-matter languages', () => {
  it.each([
    ['js', 'Expected YAML front matter, found `---js`: script front matter is refused and never run.'],
    ['javascript', 'Expected YAML front matter, found `---js`: script front matter is refused and never run.'],
    ['coffee', 'Expected YAML front matter, found `---coffee`: script front matter is refused and never run.'],
    ['coffeescript', 'Expected YAML front matter, found `---coffee`: script front matter is refused and never run.'],
    ['cson', 'Expected YAML front matter, found `---cson`: script front matter is refused and never run.'],
    ['json', 'Expected YAML front matter, found `---json`: script front matter is refused and never run.'],
    ['toml', 'Expected YAML front matter, found `---toml` (an unsupported front-matter language).'],
    ['JS', 'Expected YAML front matter, found `---JS` (an unsupported front-matter language).'],
  ])('---%s is refused at line 1, column 4, and nothing is read', (language, message) => {
    const result = readFrontMatter(`---${language}\nid: x\nglobalThis.pwned = true\n---\nbody\n`);
    expect(result.problems.map((p) => [p.line, p.column, p.message])).toEqual([[1, 4, message]]);
    expect(result.data).toEqual({});
    expect(result.body).toBe('body\n');
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it.each([['yaml'], ['yml'], ['']])('---%s is YAML', (language) => {
    const result = readFrontMatter(`---${language}\nid: x\ntags: [a, b]\n---\nbody\n`);
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({ id: 'x', tags: ['a', 'b'] });
  });

  it('reads a block of only comments and blank lines as no data, without a problem', () => {
    const result = readFrontMatter('---yaml\n# a comment\n\n  # another\n---\nbody\n');
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({});
    expect(result.body).toBe('body\n');
  });
});
