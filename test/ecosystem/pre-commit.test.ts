import { readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ROOT, tempDir } from '../helpers/cli.js';
import { hasTool, needTool } from '../helpers/tools.js';
import { cleanEnv, exec } from './exec.js';
import { installedPackage } from './installed.js';
import { BAD, GOOD, git, makePostmortemRepo } from './repo.js';

// The hook of .pre-commit-hooks.yaml run by the real pre-commit (Debian's, installed by .ci/run) in
// a user's repository with one good and one bad postmortem. Its `language: node` install (npm
// install with the devDependencies, `prepare`, npm pack, npm install -g) is what the other ecosystem
// tests check step by step (action.test.ts: an install in a checkout runs `prepare`; package.test.ts:
// npm pack and an install of the tarball); done by pre-commit into a fresh store, it took five minutes
// of mostly waiting on the registry on a machine that had never run the suite, and minutes of CPU.
// So the hook runs here as a `repo: local` hook with the same id, entry, files and types, `language:
// system`, with the package installed from the tarball (installed.ts, shared with package.test.ts)
// on PATH, as `npm install -g` would put it.

const PRE_COMMIT = hasTool('pre-commit');
const INSTALL = 'apt-get install pre-commit';

/** A hook of .pre-commit-hooks.yaml, as far as this test reads it. */
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
  [key: string]: unknown;
}

const HOOKS = parseYaml(await readFile(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const HOOK = HOOKS.find((hook) => hook.id === 'postmortem-lint');

let work: { dir: string; cleanup: () => Promise<void> };
let userRepo: string;
let bin: string;

/** The finding lines stylish printed under `file`'s heading. */
function findingsOf(stdout: string, file: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.trim() === file);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end).map((line) => line.trim());
}

/** `pre-commit run` in the user's repository, with the installed package's commands on PATH. */
function runHook(...args: string[]) {
  const env = cleanEnv({ PRE_COMMIT_HOME: join(work.dir, 'pre-commit-home') });
  env.PATH = [bin, env.PATH ?? ''].join(delimiter);
  return exec('pre-commit', ['run', '--verbose', ...args], { cwd: userRepo, env, timeout: 120_000 });
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  beforeAll(async () => {
    if (!PRE_COMMIT) return; // each test says why it is skipped (or fails, in CI)
    work = await tempDir('postmortem-pre-commit-');
    userRepo = join(work.dir, 'user-repo');
    bin = join((await installedPackage()).project, 'node_modules', '.bin');
    await makePostmortemRepo(userRepo, { goodWithWarning: true });
    const local = { ...HOOK, language: 'system' };
    await writeFile(
      join(userRepo, '.pre-commit-config.yaml'),
      stringifyYaml({ repos: [{ repo: 'local', hooks: [local] }] }),
    );
    await git(userRepo, 'add', '.pre-commit-config.yaml'); // pre-commit refuses an unstaged config
  }, 600_000);

  afterAll(async () => {
    await work?.cleanup();
  });

  it('declares one node hook that lints Markdown under postmortems/', () => {
    expect(HOOKS.map((hook) => hook.id)).toEqual(['postmortem-lint']);
    expect(HOOK).toMatchObject({ entry: 'postmortem lint', language: 'node', types: ['markdown'] });
    const files = new RegExp(HOOK!.files);
    expect(files.test('postmortems/2018-05-15-x.md')).toBe(true);
    expect(files.test('team/postmortems/2018-05-15-x.md')).toBe(true);
    expect(files.test('README.md')).toBe(false);
    expect(files.test('mypostmortems/x.md')).toBe(false);
  });

  // One run covers everything, as a first `pre-commit run --all-files` in a team's repository
  // would: the good postmortem carries warnings (no e-mail signature), which show that the hook
  // linted it and that warnings do not fail it; the bad one fails it; README.md is outside the
  // hook's `files:` pattern and must not reach lint, which would fail it.
  let result: Awaited<ReturnType<typeof runHook>>;
  beforeAll(async () => {
    if (PRE_COMMIT) result = await runHook('--all-files');
  }, 120_000);

  it('lints the postmortems, and only them', (context) => {
    needTool(context, PRE_COMMIT, 'pre-commit', INSTALL);
    expect(result.stdout).toMatch(/^postmortem lint\.+Failed$/m);
    expect(result.stdout).toContain(`postmortems/${GOOD}.md`);
    expect(result.stdout).toContain(`postmortems/${BAD}.md`);
    expect(result.stdout).not.toContain('README.md');
  });

  it('passes the good postmortem: its findings are warnings (no signature in en, de and fr)', (context) => {
    needTool(context, PRE_COMMIT, 'pre-commit', INSTALL);
    const good = findingsOf(result.stdout, `postmortems/${GOOD}.md`);
    expect(good).toEqual([
      expect.stringMatching(/^\d+:\d+\s+warning\s.* in en, .*notice-signature$/),
      expect.stringMatching(/^\d+:\d+\s+warning\s.* in de, .*notice-signature$/),
      expect.stringMatching(/^\d+:\d+\s+warning\s.* in fr, .*notice-signature$/),
    ]);
  });

  it('fails the bad postmortem with the finding and its position', (context) => {
    needTool(context, PRE_COMMIT, 'pre-commit', INSTALL);
    expect(findingsOf(result.stdout, `postmortems/${BAD}.md`)).toContainEqual(
      expect.stringMatching(/^5:\d+\s+error\s+Expected `severity` to be one of SEV1.*frontmatter-schema$/),
    );
    expect(result.code).toBe(1);
  });
});
