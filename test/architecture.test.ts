import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(join(ROOT, 'src')).map((path) => {
  const text = readFileSync(path, 'utf8');
  const imports = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms),
    ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1] as string);
  return { path: relative(join(ROOT, 'src'), path), text, imports };
});

const area = (path: string) => path.split('/')[0] as string;

describe('architecture: which way the arrows point', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.path === 'model/parse.ts')).toBe(true);
  });

  it.each(files.filter((f) => area(f.path) === 'model').map((f) => [f.path, f] as const))(
    'model file %s imports nothing of ours outside model',
    (_p, file) => {
      expect(file.imports.filter((i) => i.startsWith('../'))).toEqual([]);
    },
  );

  it.each([
    ['handlebars', ['render']],
    ['@inquirer/', ['interview']],
    ['mdast-util-', ['model', 'lint']],
    ['micromark', ['model', 'lint']],
    ['commander', ['cli']],
  ])('%s is imported only in %j', (pkg, allowed) => {
    const offenders = files.filter((f) => f.imports.some((i) => i.startsWith(pkg)) && !allowed.includes(area(f.path)));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('only cli/ touches process, console or exit codes', () => {
    const offenders = files
      .filter((f) => area(f.path) !== 'cli')
      .filter((f) =>
        /\bprocess\.(exit|argv|stdout|stderr|stdin|exitCode|cwd\(|on\()|\bconsole\./.test(
          f.text.replace(/^\s*(\/\/|\*).*$/gm, ''),
        ),
      )
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  // lint's notice rules call the pure checks in notice/; a notice module importing lint would close a cycle.
  it.each([['notice', 'lint']])('%s never imports %s (the arrow points lint → notice)', (from, to) => {
    const offenders = files.filter(
      (f) =>
        area(f.path) === from &&
        f.imports.some(
          (i) => i.startsWith('.') && area(relative(join(ROOT, 'src'), join(ROOT, 'src', f.path, '..', i))) === to,
        ),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  // One implementation per behaviour: a second page shell once drifted from the first (issue 21).
  it.each([
    ['an HTML page shell', /<!doctype html>/i, 'render/html-shell.ts'],
    ['a Jekyll or RFC 3339 date writer', /getUTCFullYear\(\)/, 'model/timestamp.ts'],
    // status once wrote a symlinked file with its own rename; lint --fix went through model/write.ts.
    ['an atomic replacement of a file (rename)', /\brename(?:Sync)?\(/, 'model/write.ts'],
    // stats once read --now with its own parser and accepted 2020-02-30.
    ['the --now refusal', /--now \$\{/, 'cli/now.ts'],
  ])('only one file writes %s', (_what, pattern, owner) => {
    expect(files.filter((f) => pattern.test(f.text)).map((f) => f.path)).toEqual([owner]);
  });

  it('core modules never import the cli', () => {
    const offenders = files.filter((f) => area(f.path) !== 'cli' && f.imports.some((i) => /(^|\/)cli\//.test(i)));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
