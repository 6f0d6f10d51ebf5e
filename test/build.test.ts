import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, exec } from './ecosystem/exec.js';
import { ROOT, tempDir } from './helpers/cli.js';

// `prepare` (npm install in a clone, as pre-commit installs the hook; npm pack) builds with
// TypeScript's transpiler, file by file and without the type check; `npm run build` and `npm test`
// emit from a type-checked program. Users get the first, the tests run the second: they must be
// the same files, byte for byte.

const BUILD = join(ROOT, 'scripts', 'build.mjs');

async function build(...args: string[]): Promise<string> {
  const result = await exec(process.execPath, [BUILD, ...args], { cwd: ROOT, env: cleanEnv(), timeout: 120_000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.trim();
}

async function tree(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const entries = await Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length + 1), await readFile(path, 'utf8')] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe('the build', () => {
  let work: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    work = await tempDir('postmortem-build-');
  });
  afterAll(async () => {
    await work?.cleanup();
  });

  it('transpiles every source to exactly what tsc emits', async () => {
    // npm test has just written dist/ from the type-checked program (scripts/check.mjs); when
    // dist/ is anything else, tsc builds a copy here.
    let checked = join(ROOT, 'dist');
    if (!['checked', 'emitted'].includes(await build('--status'))) {
      checked = join(work.dir, 'checked');
      await build('--out-dir', checked);
    }
    const transpiled = join(work.dir, 'transpiled');
    await build('--transpile', '--out-dir', transpiled);
    const expected = await tree(checked);
    const actual = await tree(transpiled);
    expect(expected.size).toBeGreaterThan(100);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [path, text] of expected) expect(actual.get(path), path).toBe(text);
  }, 120_000);
});
