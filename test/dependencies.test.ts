import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceTexts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceTexts(path);
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

const src = sourceTexts(join(ROOT, 'src'));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('dependencies', () => {
  // A dependency every user installs must do something: gray-matter once sat here as an empty shell.
  it.each(Object.keys(manifest.dependencies))('%s is imported by src/', (name) => {
    const imported = new RegExp(`(?:from\\s+|import\\(\\s*)'${escape(name)}(?:/[^']*)?'`);
    expect(src.some((text) => imported.test(text))).toBe(true);
  });

  // A prerelease (a beta test-matcher package once) gets no fixes and may vanish; pin released versions.
  it.each(Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }))(
    '%s is pinned to a released version',
    (_name, version) => {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    },
  );
});
