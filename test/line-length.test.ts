import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

// The formatter (oxfmt, printWidth 120) cannot break strings, template literals or regex sources, so this
// keeps the limit issue 8 set for the lines it leaves alone.
const MAX = 160;

/** The lines of `text` longer than `max` characters (code points), as `path:line: n characters`. */
function longLines(path: string, text: string, max = MAX): string[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const length = [...line].length;
    return length > max ? [`${path}:${i + 1}: ${length} characters (at most ${max})`] : [];
  });
}

// Tracked files and new ones not yet added (but not ignored), so a long line fails before its first commit.
const files = execFileSync(
  'git',
  ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', 'src', 'test', 'scripts'],
  { cwd: ROOT, encoding: 'utf8' },
)
  .split('\0')
  .filter((path) => /\.(?:ts|mjs|js)$/.test(path))
  .filter((path) => !/(?:^|\/)(?:fixtures|__snapshots__)\//.test(path))
  .filter((path) => existsSync(join(ROOT, path)));

describe(`no line over ${MAX} characters in src/, test/, scripts/`, () => {
  it('finds the files', () => {
    expect(files).toContain('src/cli/program.ts');
    expect(files).toContain('test/line-length.test.ts');
    expect(files).toContain('scripts/docs.mjs');
    expect(files.some((path) => path.startsWith('test/fixtures/'))).toBe(false);
  });

  it('names file and line of a long line', () => {
    expect(longLines('a.ts', `short\n${'x'.repeat(MAX)}\n${'ü'.repeat(MAX + 1)}\n`)).toEqual([
      `a.ts:3: ${MAX + 1} characters (at most ${MAX})`,
    ]);
  });

  it('finds none', () => {
    expect(files.flatMap((path) => longLines(path, readFileSync(join(ROOT, path), 'utf8')))).toEqual([]);
  });
});
