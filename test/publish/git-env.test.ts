import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { REPOSITORY_ENV_VARS } from '../../src/publish/git.js';
import { runCli, runInProcess, tempDir } from '../helpers/cli.js';
import { exampleLanguages, examplePostmortem, git, jekyllPosts, makeSite, SITE_FILES, withProcessEnv } from './site.js';

const exec = promisify(execFile);
const CRM = '2018-05-15-crm-release-rollback-failed';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/**
 * Everything a stray commit would change in a repository: its refs (every namespace) and its
 * objects, each file under .git/objects by name (no git process for a count of them).
 */
async function repositoryState(dir: string): Promise<string> {
  const refs = await git(dir, 'for-each-ref', '--format=%(refname) %(objectname)');
  const objects = (await readdir(join(dir, '.git', 'objects'), { recursive: true })).sort();
  return `${refs}\n${objects.join('\n')}`;
}

describe('publish commits into the site, whatever repository the environment points at', () => {
  // As git sets them for a hook (GIT_DIR in a linked work tree, too), and more that move a repository.
  const hook = (gitDir: string, workTree: string) => ({
    GIT_DIR: gitDir,
    GIT_WORK_TREE: workTree,
    GIT_INDEX_FILE: join(gitDir, 'index'),
  });
  type Variables = (gitDir: string, workTree: string, site: string) => Record<string, string>;
  // The binary once, with all of them, as a hook starts it; the smaller sets in-process (the same
  // environment reaches git through process.env), which costs no Node start-up.
  it.each<[string, 'in-process' | 'the real binary', Variables]>([
    ['GIT_DIR', 'in-process', (gitDir) => ({ GIT_DIR: gitDir })],
    ['GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE', 'in-process', hook],
    [
      'those and GIT_OBJECT_DIRECTORY, GIT_COMMON_DIR, GIT_NAMESPACE, GIT_CEILING_DIRECTORIES',
      'the real binary',
      (gitDir, workTree, site) => ({
        ...hook(gitDir, workTree),
        GIT_OBJECT_DIRECTORY: join(gitDir, 'objects'),
        GIT_COMMON_DIR: gitDir,
        GIT_NAMESPACE: 'elsewhere',
        GIT_CEILING_DIRECTORIES: site,
      }),
    ],
  ])('%s of another repository: ignored (%s)', async (_name, how, variables) => {
    const site = await makeSite({ ...SITE_FILES.jekyll });
    const other = await makeSite({ 'README.md': 'Another repository\n' });
    const work = await tempDir();
    cleanups.push(site.cleanup, other.cleanup, work.cleanup);
    const file = await examplePostmortem(work.dir, `${CRM}.md`);
    const env = variables(join(other.dir, '.git'), other.dir, site.dir);
    const before = await repositoryState(other.dir);
    const args = ['publish', file, '--site', site.dir, '--timezone', 'UTC'];
    const result =
      how === 'in-process' ? await withProcessEnv(env, () => runInProcess(args)) : await runCli(args, { env });
    const langs = exampleLanguages(`${CRM}.md`);
    expect(result.stderr).toContain(`Committed ${langs.length} jekyll post(s)`);
    expect(result.code).toBe(0);
    expect(await repositoryState(other.dir)).toBe(before);
    const commit = await git(site.dir, 'rev-parse', `refs/heads/postmortem/${CRM}`);
    expect(await git(site.dir, 'diff', '--name-only', 'main', commit)).toBe(jekyllPosts(CRM, langs).join('\n'));
  });

  it('every variable git itself calls local to a repository is cleared (git rev-parse --local-env-vars)', async () => {
    const listed = (await exec('git', ['rev-parse', '--local-env-vars'])).stdout.split('\n').filter(Boolean);
    // Settings given with `git -c`: git passes them on to other repositories too.
    const passedOn = ['GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT'];
    expect(listed.filter((name) => !passedOn.includes(name) && !REPOSITORY_ENV_VARS.includes(name))).toEqual([]);
  });
});
