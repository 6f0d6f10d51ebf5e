import { cp, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { hasTool, needTool } from '../helpers/tools.js';
import { cleanEnv, exec } from './exec.js';
import { BAD, GOOD, git, makePostmortemRepo } from './repo.js';

// The hook as users run it: the real `pre-commit try-repo` (Debian's pre-commit, installed by
// .ci/run) installs this repository with `language: node` (npm install, npm pack, npm install -g
// into its own environment; only the npm registry is reached, and npm's cache is preferred) and
// runs the hook in a user's repository with one good and one bad postmortem.

const PRE_COMMIT = hasTool('pre-commit');
const INSTALL = 'apt-get install pre-commit';

let work: { dir: string; cleanup: () => Promise<void> };
let hookRepo: string;
let userRepo: string;

/**
 * A committed snapshot of this work tree (tracked and new files, not ignored ones): try-repo on a
 * dirty tree makes a new shadow repository every run, and pre-commit would install it each time.
 */
async function snapshotOfWorkTree(dir: string): Promise<void> {
  const files = (await git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'))
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await cp(join(ROOT, file), join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      // A file deleted in the work tree but still in the index.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'snapshot');
}

/** The finding lines stylish printed under `file`'s heading. */
function findingsOf(stdout: string, file: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.trim() === file);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end).map((line) => line.trim());
}

function tryRepo(...args: string[]) {
  return exec('pre-commit', ['try-repo', hookRepo, 'postmortem-lint', '--verbose', ...args], {
    cwd: userRepo,
    env: cleanEnv({
      PRE_COMMIT_HOME: join(work.dir, 'pre-commit-home'),
      // The hook's install runs npm; the cache npm ci filled serves it, and no audit request goes out.
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    }),
    timeout: 300_000,
  });
}

describe('pre-commit hook (.pre-commit-hooks.yaml, language node)', () => {
  beforeAll(async () => {
    if (!PRE_COMMIT) return; // each test says why it is skipped (or fails, in CI)
    work = await tempDir('postmortem-pre-commit-');
    hookRepo = join(work.dir, 'hook-repo');
    userRepo = join(work.dir, 'user-repo');
    await snapshotOfWorkTree(hookRepo);
    await makePostmortemRepo(userRepo, { goodWithWarning: true });
  }, 60_000);

  afterAll(async () => {
    await work?.cleanup();
  });

  // try-repo installs the hook into a fresh store on every run (npm install, npm pack, npm install
  // -g: half a minute of CPU), so one run covers everything, as a first `pre-commit run --all-files`
  // in a team's repository would: the good postmortem carries warnings (no e-mail signature),
  // which show that the hook linted it and that warnings do not fail it; the bad one fails it;
  // README.md is outside the hook's `files:` pattern and must not reach lint, which would fail it.
  let result: Awaited<ReturnType<typeof tryRepo>>;
  beforeAll(async () => {
    if (PRE_COMMIT) result = await tryRepo('--all-files');
  }, 300_000);

  it('installs the hook and lints the postmortems, and only them', (context) => {
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
