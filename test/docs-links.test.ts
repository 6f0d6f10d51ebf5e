import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

// The package ships README.md and docs/*.md: a link or a pointer in them (or in a comment) must lead
// to a file the repository holds, never to a contract kept outside it.
const docs = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(`${dir}/${entry.name}`)
      : entry.name.endsWith('.ts')
        ? [`${dir}/${entry.name}`]
        : [],
  );
}

describe('documentation is self-contained', () => {
  it('docs/format.md holds the file format contract', () => {
    expect(readFileSync(join(ROOT, 'docs/format.md'), 'utf8')).toMatch(/^# The postmortem file: contract v1\.\d/);
  });

  it.each(docs)('every relative link in %s leads to a file of the repository', (doc) => {
    const text = readFileSync(join(ROOT, doc), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1] as string)
      .filter((t) => !/^[a-z]+:/.test(t) && t !== '…');
    const missing = targets.filter((t) => !existsSync(join(ROOT, dirname(doc), t)));
    expect(missing).toEqual([]);
    expect(text).not.toContain('../shared/');
  });

  it('no source file points to a FORMAT.md the repository does not hold', () => {
    const offenders = [...sourceFiles('src'), ...sourceFiles('test')]
      .filter((f) => f !== 'test/docs-links.test.ts')
      .filter((f) => /\bFORMAT\.md|\.\.\/shared\//.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
