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
async function tracedPublish(file: string, site: string, trace: string): Promise<{ code: number; commands: string[] }> {
  await writeFile(trace, '');
  process.env.GIT_TRACE = trace;
  try {
    const result = await runInProcess(['publish', file, '--site', site, '--timezone', 'UTC']);
    const lines = (await readFile(trace, 'utf8')).split('\n');
    const commands = lines.flatMap((line) => /trace: built-in: git (.*)$/.exec(line)?.[1] ?? []);
    return { code: result.code, commands };
  } finally {
    delete process.env.GIT_TRACE;
  }
}

describe('git processes of a publish', () => {
  it("reads every post's previous version with one cat-file, however many languages", async () => {
    const site = await makeSite({ ...SITE_FILES.jekyll });
    const work = await tempDir();
    cleanups.push(site.cleanup, work.cleanup);
    const file = await examplePostmortem(work.dir, `${CRM}.md`);
    expect(exampleLanguages(`${CRM}.md`).length).toBeGreaterThan(1);
    const trace = join(work.dir, 'trace');
    expect((await tracedPublish(file, site.dir, trace)).code).toBe(0);
    // Published again unchanged: every post is on the branch and each previous version is read.
    const again = await tracedPublish(file, site.dir, trace);
    expect(again.code).toBe(0);
    expect(again.commands.filter((command) => command.startsWith('cat-file'))).toEqual(['cat-file --batch']);
  });

  it('finds the top folder and HEAD in one rev-parse, then the base and the branch tip', async () => {
    const site = await makeSite({ ...SITE_FILES.jekyll });
    const work = await tempDir();
    cleanups.push(site.cleanup, work.cleanup);
    const file = await examplePostmortem(work.dir, `${CRM}.md`);
    const traced = await tracedPublish(file, site.dir, join(work.dir, 'trace'));
    expect(traced.code).toBe(0);
    expect(traced.commands.filter((command) => command.startsWith('rev-parse'))).toEqual([
      "rev-parse --show-toplevel --verify --quiet 'HEAD^{commit}'",
      "rev-parse --verify --quiet 'refs/heads/main^{commit}'",
      `rev-parse --verify --quiet 'refs/heads/postmortem/${CRM}^{commit}'`,
    ]);
  });

  it('still refuses a repository without a commit, and takes one whose HEAD is unborn but has a branch', async () => {
    const empty = await tempDir();
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
