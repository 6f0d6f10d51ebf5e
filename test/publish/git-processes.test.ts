import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from '../helpers/cli.js';
import { exampleLanguages, examplePostmortem, makeSite, SITE_FILES } from './site.js';

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
});
