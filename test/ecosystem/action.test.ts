import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { readAction, runCompositeAction } from './composite.js';
import { cleanEnv, exec } from './exec.js';
import { copyCheckout } from './pack.js';
import { readSarif, resultUris } from './sarif.js';
import { BAD, GOOD, makePostmortemRepo } from './repo.js';

// The GitHub Action as the runner runs it: action.yml's steps with the inputs substituted, in a
// user's repository. The action is a copy of this repository's files in a temporary folder (as
// the runner checks out `uses: OWNER/postmortem-cli@REF`), which installs itself from its own
// lockfile: npm runs offline, so nothing but the lockfile's packages (in npm's cache since
// `npm ci`) can be installed, and no registry release is needed.

let work: { dir: string; cleanup: () => Promise<void> };
/** The copy of this repository the runner would check out for `uses:`. */
let actionDir: string;
let temp = 0;

beforeAll(async () => {
  work = await tempDir('postmortem-action-', { memory: true });
  actionDir = join(work.dir, 'postmortem-cli');
  await copyCheckout(actionDir);
}, 60_000);

afterAll(async () => {
  await work?.cleanup();
});

/** Runs scripts/build.mjs of this repository with `args`; its output. */
async function build(...args: string[]): Promise<string> {
  const result = await exec(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), ...args], {
    cwd: ROOT,
    env: cleanEnv(),
    timeout: 120_000,
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.trim();
}

/** What dist/ is, as `node scripts/build.mjs --status` prints it, without a process of its own. */
async function distStatus(): Promise<string> {
  const stamp = (await import(join(ROOT, 'scripts', 'build-stamp.mjs'))) as { distStatus: () => string };
  return stamp.distStatus();
}

/** Every file under `dir` by its path there, with its text, in path order. */
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

async function runAction(
  inputs: Record<string, string>,
  options: { bad?: boolean; ownInstall?: boolean; files?: Record<string, string> } = {},
) {
  const workspace = join(work.dir, `repo-${++temp}`);
  const runnerTemp = join(work.dir, `runner-temp-${temp}`);
  await mkdir(runnerTemp, { recursive: true });
  await makePostmortemRepo(workspace, options);
  for (const [name, text] of Object.entries(options.files ?? {})) await writeFile(join(workspace, name), text);
  if (options.ownInstall) {
    // As after `npm ci` in a repository with postmortem-cli in its devDependencies; the binary is
    // the one the first test's run built in the action's checkout.
    const installed = join(actionDir, 'bin', 'postmortem.js');
    expect(existsSync(join(actionDir, 'dist', 'cli', 'main.js'))).toBe(true);
    await mkdir(join(workspace, 'node_modules', '.bin'), { recursive: true });
    await symlink(installed, join(workspace, 'node_modules', '.bin', 'postmortem'));
  }
  const run = await runCompositeAction(actionDir, {
    workspace,
    temp: runnerTemp,
    inputs,
    env: { npm_config_offline: 'true' },
  });
  return { run, workspace };
}

describe('action.yml (composite)', () => {
  it('declares a composite action whose scripts take inputs only through env', async () => {
    const action = await readAction(join(ROOT, 'action.yml'));
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'sarif-file', 'max-warnings']));
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      // Splicing an input into the script text would run a crafted path as shell code.
      expect(step.run).not.toMatch(/\$\{\{/);
    }
  });

  it('installs from its own checkout, annotates the bad postmortem in one lint run, and writes valid SARIF', async () => {
    const { run, workspace } = await runAction({});
    const [install, lint] = run.steps;
    expect(install?.code).toBe(0);
    expect(install?.stderr).not.toMatch(/npm (warn|error)|ERR!/i);
    expect(install?.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    // Installed without optional dependencies (no native build of the pattern checker) and of the
    // development tools only TypeScript, the lockfile's version, for the build.
    const modules = join(actionDir, 'node_modules');
    expect(existsSync(join(modules, 'recheck'))).toBe(true);
    const lock = JSON.parse(await readFile(join(actionDir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    const installedTs = JSON.parse(await readFile(join(modules, 'typescript', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(installedTs.version).toBe(lock.packages['node_modules/typescript']?.version);
    for (const tool of ['eslint', 'vitest', 'oxfmt', 'typescript-eslint', '@types/node']) {
      expect(existsSync(join(modules, tool)), tool).toBe(false);
    }
    expect(existsSync(join(modules, 'recheck-jar'))).toBe(false);
    expect(existsSync(join(modules, `recheck-${process.platform === 'darwin' ? 'macos' : process.platform}-x64`))).toBe(
      false,
    );
    expect(lint?.code).toBe(1);
    expect(run.outputs['sarif-file']).toBe('postmortem.sarif');
    const annotations = (lint?.stdout ?? '').split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContainEqual(
      expect.stringMatching(new RegExp(`^::error file=postmortems/${BAD}\\.md,line=5,col=\\d+.*frontmatter-schema`)),
    );
    expect(annotations.filter((a) => a.includes(GOOD))).toEqual([]);

    const log = await readSarif(join(workspace, 'postmortem.sarif'));
    expect(log.runs[0]?.tool.driver.name).toBe('postmortem');
    expect(new Set(resultUris(log))).toEqual(new Set([`postmortems/${BAD}.md`]));
  }, 900_000);

  // `prepare` (npm install in a checkout, the action's install as here, or from git) builds with
  // TypeScript's transpiler, file by file and without the type check; `npm run build` and `npm test`
  // emit from a type-checked program. Users get the first, the tests run the second: they must be the
  // same files, byte for byte. The install above ran the real `prepare`, so its dist/ is what users get.
  it('built dist/ on install (prepare: transpiled file by file) exactly as tsc emits it', async () => {
    const transpiled = join(actionDir, 'dist');
    expect(existsSync(join(transpiled, 'cli', 'main.js')), 'the install test above built nothing').toBe(true);
    // npm test has just written dist/ from the type-checked program (scripts/check.mjs); when
    // dist/ is anything else, tsc builds a copy here.
    let checked = join(ROOT, 'dist');
    if (!['checked', 'emitted'].includes(await distStatus())) {
      checked = join(work.dir, 'checked');
      await build('--out-dir', checked);
    }
    const expected = await tree(checked);
    const actual = await tree(transpiled);
    expect(expected.size).toBeGreaterThan(100);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [path, text] of expected) expect(actual.get(path), path).toBe(text);
  }, 120_000);

  it('annotates with paths relative to the workspace when it runs in a sub-project', async () => {
    const workspace = join(work.dir, `repo-${++temp}`);
    const runnerTemp = join(work.dir, `runner-temp-${temp}`);
    await mkdir(runnerTemp, { recursive: true });
    const sub = join(workspace, 'services', 'shop');
    await makePostmortemRepo(sub);
    await mkdir(join(sub, 'node_modules', '.bin'), { recursive: true });
    await symlink(join(actionDir, 'bin', 'postmortem.js'), join(sub, 'node_modules', '.bin', 'postmortem'));
    const run = await runCompositeAction(actionDir, {
      workspace,
      temp: runnerTemp,
      inputs: { 'working-directory': 'services/shop' },
    });
    expect(run.steps[1]?.code).toBe(1);
    expect(run.steps[1]?.stdout).toMatch(
      new RegExp(`^::error file=services/shop/postmortems/${BAD}\\.md,line=5,`, 'm'),
    );
    const log = await readSarif(join(sub, 'postmortem.sarif'));
    expect(resultUris(log)).toContain(`postmortems/${BAD}.md`);
  });

  it('passes a clean repository with its own postmortem-cli, with an empty SARIF report at the chosen path', async () => {
    const { run, workspace } = await runAction(
      { 'sarif-file': 'reports/pm.sarif', 'max-warnings': '0' },
      { bad: false, ownInstall: true },
    );
    expect(run.steps.map((s) => [s.id, s.code])).toEqual([
      ['install', 0],
      ['lint', 0],
    ]);
    expect(run.steps[1]?.stdout).not.toMatch(/^::/m);
    const log = await readSarif(join(workspace, 'reports', 'pm.sarif'));
    expect(log.runs[0]?.results).toEqual([]);
  });

  it('refuses a config pattern that can backtrack catastrophically, with that install (no native checker)', async () => {
    const config = { rules: { 'notice-leak': ['error', { patterns: ['(\\w+\\s?)+$'] }] } };
    const { run } = await runAction(
      { config: 'pm.json' },
      { bad: false, ownInstall: true, files: { 'pm.json': JSON.stringify(config) } },
    );
    expect(run.steps[1]?.code).toBe(2);
    expect(run.steps[1]?.stderr).toContain(
      '`rules.notice-leak[1].patterns[0]`: expected a pattern that cannot backtrack',
    );
    expect(run.steps[1]?.stderr).toContain('exponential backtracking');
  });

  it('takes paths as data: a path with $(...) in it is linted as a name, never run', async () => {
    const { run, workspace } = await runAction(
      { paths: `postmortems/${GOOD}.md $(touch${'\t'}pwned)` },
      { bad: false, ownInstall: true },
    );
    expect(existsSync(join(workspace, 'pwned'))).toBe(false);
    expect(run.steps[1]?.code).toBe(2);
    expect(run.steps[1]?.stderr).toContain('$(touch');
  });
});
