import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFiles, KNOWN_GLOBS } from '../../src/lint/files.js';
import { tempDir } from '../helpers/cli.js';

// The walk tests each name with the glob's regex directly, not through picomatch's matcher; these
// cases hold that it takes exactly the files picomatch takes, on names a glob can trip over.
const NAMES = [
  'a.md',
  '.hidden.md',
  '.md',
  'b.MD',
  'c.md.txt',
  'd.mdx',
  'space and (parens) [1].md',
  'line\nbreak.md',
  'star*.md',
  'sub/e.md',
  'sub/.dot/f.md',
  'sub/deep/g.md',
  'sub/deep/h.txt',
  'sub/deep/er/i.md',
  'ü/ünï.md',
];

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-glob-'));
  for (const name of NAMES) {
    await mkdir(join(dir, 'postmortems', name, '..'), { recursive: true });
    await writeFile(join(dir, 'postmortems', name), 'x');
  }
});
afterAll(async () => cleanup());

describe('findFiles matches globs as picomatch does', () => {
  it.each([
    ['postmortems/**/*.md', 'postmortems', '**/*.md'],
    ['postmortems/*.md', 'postmortems', '*.md'],
    ['postmortems/sub/*/*.md', 'postmortems/sub', '*/*.md'],
    ['postmortems/**/[a-f].md', 'postmortems', '**/[a-f].md'],
    ['postmortems/**/{e,g}.md', 'postmortems', '**/{e,g}.md'],
    ['postmortems/ü/*.md', 'postmortems/ü', '*.md'],
    ['postmortems', 'postmortems', '**/*.md'],
  ])('%s', (pattern, base, glob) => {
    const match = picomatch(glob);
    const expected = NAMES.map((n) => join(dir, 'postmortems', n))
      .filter((p) => !relative(join(dir, base), p).startsWith('..') && match(relative(join(dir, base), p)))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(findFiles([pattern], dir).files).toEqual(expected);
  });
});

describe('a file that more than one pattern names', () => {
  it('is found once, in order with the others', () => {
    const file = join(dir, 'postmortems', 'a.md');
    const patterns = ['postmortems/sub', 'postmortems/*.md', 'postmortems/a.md', 'postmortems/sub/e.md', 'postmortems'];
    const files = findFiles(patterns, dir).files;
    expect(files).toEqual(findFiles(['postmortems'], dir).files);
    expect(files.filter((f) => f === file)).toEqual([file]);
    expect(files.filter((f) => f === join(dir, 'postmortems/sub/e.md'))).toHaveLength(1);
  });
});

describe('the globs findFiles knows without picomatch', () => {
  it.each(Object.entries(KNOWN_GLOBS.regexes))('%s is the regex picomatch makes', (glob, regex) => {
    expect(regex.source).toBe(picomatch.makeRe(glob).source);
    expect(regex.flags).toBe(picomatch.makeRe(glob).flags);
  });

  it.each(Object.entries(KNOWN_GLOBS.scans))('%s is split as picomatch splits it', (pattern, scan) => {
    const { base, glob, isGlob } = picomatch.scan(pattern);
    expect(scan).toEqual({ base, glob, isGlob });
  });
});
