import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from '../helpers/cli.js';
import { exampleLanguages, examplePostmortem, git, makeSite, SITE_FILES } from './site.js';

const CRM = '2018-05-15-crm-release-rollback-failed';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  delete process.env.GIT_TRACE;
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** The git commands a publish ran, as git itself records them (GIT_TRACE), e.g. `cat-file --batch`. */
async function tracedPublish(
  file: string,
  site: string,
  trace: string,
  zone = 'UTC',
): Promise<{ code: number; commands: string[] }> {
  await writeFile(trace, '');
  process.env.GIT_TRACE = trace;
  try {
    const result = await runInProcess(['publish', file, '--site', site, '--timezone', zone]);
    const lines = (await readFile(trace, 'utf8')).split('\n');
    const commands = lines.flatMap((line) => /trace: built-in: git (.*)$/.exec(line)?.[1] ?? []);
    return { code: result.code, commands };
  } finally {
    delete process.env.GIT_TRACE;
  }
}

/** A traced command with object ids and scratch paths replaced, so a sequence can be compared whole. */
function shape(command: string): string {
  return command
    .replace(/\b[0-9a-f]{40}\b/g, '<oid>')
    .replace(/\S*postmortem-index-[^/\s]+\/blob-\d+/g, '<blob>')
    .replace(/ '--format=[^']*'/, ' --format=…');
}

const REFS = `for-each-ref --format=… refs/remotes/origin/HEAD refs/heads/main refs/heads/master refs/heads/postmortem/${CRM}`;
const MESSAGE = (verb: string) => `'${verb} customer notice for ${CRM} (en, de, fr)'`;

describe('git processes of a publish', () => {
  it('runs exactly these: 8 for a new branch, 3 when nothing changed, 7 for an update', async () => {
    const site = await makeSite({ ...SITE_FILES.jekyll });
    const work = await tempDir();
    cleanups.push(site.cleanup, work.cleanup);
    const file = await examplePostmortem(work.dir, `${CRM}.md`);
    expect(exampleLanguages(`${CRM}.md`)).toEqual(['en', 'de', 'fr']);
    const trace = join(work.dir, 'trace');
    const start = [
      "rev-parse --show-toplevel --verify --quiet 'HEAD^{commit}'",
      // The base candidates and the post branch (its tip, where it is checked out) from one process.
      REFS,
      // Every tree on the way to every post, and every post's previous version, from one process.
      'cat-file --batch',
    ];
    const commit = (verb: string) => [
      'hash-object -w --no-filters -- <blob> <blob> <blob>',
      // The folders on the way to the posts (the top, _posts, de/ and de/_posts, fr/ and fr/_posts), from one process.
      'mktree -z --batch',
      // No `git config` for the identity: the site has one, and commit-tree uses it.
      `commit-tree <oid> -p <oid> -m ${MESSAGE(verb)}`,
      `update-ref -m ${MESSAGE(verb)} refs/heads/postmortem/${CRM} <oid> ${verb === 'Publish' ? "''" : '<oid>'}`,
    ];
    const created = await tracedPublish(file, site.dir, trace);
    expect(created.code).toBe(0);
    expect(created.commands.map(shape)).toEqual([
      ...start,
      // A new branch may be an unborn HEAD's in some work tree, which for-each-ref does not list.
      'worktree list --porcelain',
      ...commit('Publish'),
    ]);
    // Published again unchanged: nothing but the look-ups.
    const again = await tracedPublish(file, site.dir, trace);
    expect(again.code).toBe(0);
    expect(again.commands.map(shape)).toEqual(start);
    // Changed: the branch exists, so for-each-ref told where it is checked out (no worktree list).
    const updated = await tracedPublish(file, site.dir, trace, 'Europe/Berlin');
    expect(updated.code).toBe(0);
    expect(updated.commands.map(shape)).toEqual([...start, ...commit('Update')]);
  });

  it('still refuses a repository without a commit, and takes one whose HEAD is unborn but has a branch', async () => {
    const empty = await tempDir(undefined, { memory: true });
    const site = await makeSite({ ...SITE_FILES.jekyll });
    const work = await tempDir();
    cleanups.push(empty.cleanup, site.cleanup, work.cleanup);
    const file = await examplePostmortem(work.dir, `${CRM}.md`);
    await git(empty.dir, 'init', '-q');
    const refused = await runInProcess(['publish', file, '--site', empty.dir, '--timezone', 'UTC']);
    expect(refused.stderr).toContain('has no commit yet');
    expect(refused.code).toBe(1);
    await git(site.dir, 'symbolic-ref', 'HEAD', 'refs/heads/unborn');
    const unborn = await runInProcess(['publish', file, '--site', site.dir, '--timezone', 'UTC']);
    expect(unborn.stderr).toContain('Committed');
    expect(unborn.code).toBe(0);
  });
});
