import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type AjvDraft04Module from 'ajv-draft-04';
import type AddFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { readAction, runCompositeAction } from './composite.js';
import { packPackage } from './pack.js';
import { BAD, GOOD, makePostmortemRepo } from './repo.js';

// The GitHub Action as the runner runs it: action.yml's steps with the inputs substituted, in a
// user's repository, installing the package from a tarball of this repository (the `package`
// input) instead of the registry, so the test needs no release and no network beyond npm's cache.

const require = createRequire(import.meta.url);
// CommonJS packages whose typings describe `exports.default`; require() gives the class itself.
const AjvDraft04 = require('ajv-draft-04') as typeof AjvDraft04Module.default;
const addFormats = require('ajv-formats') as typeof AddFormatsModule.default;
// The SARIF 2.1.0 schema (draft-04) as Microsoft's SARIF test package ships it; the schema's
// `language` pattern is not valid with the `u` flag, so Unicode regular expressions are off.
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

let work: { dir: string; cleanup: () => Promise<void> };
let tarball: string;
let temp = 0;

beforeAll(async () => {
  work = await tempDir('postmortem-action-');
  tarball = join(work.dir, (await packPackage(work.dir)).filename);
}, 60_000);

afterAll(async () => {
  await work?.cleanup();
});

/** The first run's install, which later runs link as the repository's own devDependency. */
let installed: string | null = null;

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
    // As after `npm ci` in a repository with postmortem-cli in its devDependencies.
    expect(installed).not.toBeNull();
    await mkdir(join(workspace, 'node_modules', '.bin'), { recursive: true });
    await symlink(installed as string, join(workspace, 'node_modules', '.bin', 'postmortem'));
  } else {
    installed = join(runnerTemp, 'postmortem-cli', 'node_modules', 'postmortem-cli', 'bin', 'postmortem.js');
  }
  const run = await runCompositeAction(ROOT, {
    workspace,
    temp: runnerTemp,
    inputs: { package: tarball, ...inputs },
    env: { npm_config_prefer_offline: 'true' },
  });
  return { run, workspace };
}

async function readSarif(path: string) {
  const log = JSON.parse(await readFile(path, 'utf8')) as {
    runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string; locations: unknown[] }> }>;
  };
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('action.yml (composite)', () => {
  it('declares a composite action whose scripts take inputs only through env', async () => {
    const action = await readAction(join(ROOT, 'action.yml'));
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['paths', 'sarif-file', 'max-warnings', 'package']),
    );
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(action.inputs.package?.default).toBe(`${pkg.name}@${pkg.version}`);
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      // Splicing an input into the script text would run a crafted path as shell code.
      expect(step.run).not.toMatch(/\$\{\{/);
    }
  });

  it('annotates the bad postmortem, fails the step, and writes valid SARIF for code scanning', async () => {
    const { run, workspace } = await runAction({});
    const [install, lint] = run.steps;
    expect(install?.stderr).toBe('');
    expect(install?.code).toBe(0);
    expect(install?.stdout).toMatch(/(^|\n)\d+\.\d+\.\d+\n$/);
    expect(existsSync(installed as string)).toBe(true);
    // Installed without optional dependencies: no native build of the pattern checker.
    const modules = join(work.dir, `runner-temp-${temp}`, 'postmortem-cli', 'node_modules');
    expect(existsSync(join(modules, 'recheck'))).toBe(true);
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
    const uris = (log.runs[0]?.results ?? []).map(
      (r) =>
        (r.locations[0] as { physicalLocation: { artifactLocation: { uri: string } } }).physicalLocation
          .artifactLocation.uri,
    );
    expect(new Set(uris)).toEqual(new Set([`postmortems/${BAD}.md`]));
  });

  it('passes a clean repository with its own postmortem-cli, with an empty SARIF report at the chosen path', async () => {
    const { run, workspace } = await runAction(
      { 'sarif-file': 'reports/pm.sarif', 'max-warnings': '0', package: 'no-such-package-is-installed' },
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
