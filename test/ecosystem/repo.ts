import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { cleanEnv, exec } from './exec.js';

/** The example that stays clean under lint. */
export const GOOD = '2018-05-15-crm-release-rollback-failed';
/** An example given a severity that does not exist (frontmatter-schema, line 5). */
export const BAD = '2019-03-12-carshare-db-maintenance';

/** Runs git in `cwd` without a shell, with a fixed identity; rejects when git fails. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await exec('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1' }),
  });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Makes a git repository as a user's would be: `postmortems/` with one good and one bad postmortem,
 * committed on `main`. With `goodWithWarning`, the good one has no e-mail signature: a warning per
 * language (notice-signature), which fails nothing.
 */
export async function makePostmortemRepo(
  dir: string,
  options: { bad?: boolean; goodWithWarning?: boolean } = {},
): Promise<void> {
  await mkdir(join(dir, 'postmortems'), { recursive: true });
  const good = await readFile(join(ROOT, 'examples', `${GOOD}.md`), 'utf8');
  const unsigned = good.replace(/^ {2}signature:\n(?: {4}.*\n)+/m, '');
  if (options.goodWithWarning && unsigned === good) throw new Error(`${GOOD}.md has no notice.signature to drop`);
  await writeFile(join(dir, 'postmortems', `${GOOD}.md`), options.goodWithWarning ? unsigned : good);
  if (options.bad !== false) {
    const text = await readFile(join(ROOT, 'examples', `${BAD}.md`), 'utf8');
    await writeFile(join(dir, 'postmortems', `${BAD}.md`), text.replace(/^severity: SEV1$/m, 'severity: SEV9'));
  }
  await writeFile(join(dir, 'README.md'), '# Our postmortems\n');
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'Postmortems');
}
