/**
 * A git repository's commits (on HEAD) and tags inside the window, by their subject line, read
 * through the publish runner (execFile, never a shell, GIT_DIR and the other variables that point
 * git at another repository cleared). Authors are never read.
 */
import { basename } from 'node:path';
import { firstLine, gitRaw, GitError, type GitResult } from '../publish/git.js';
import { NameScrubber } from './blameless.js';
import { eventText } from './event-text.js';
import type { ReadContext, SourceEvent, SourceResult } from './types.js';

// The publish runner: one place that decides how git runs and which variables it must not see.
async function run(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<GitResult> {
  try {
    return await gitRaw(cwd, args, { base: env });
  } catch (error) {
    if (error instanceof GitError) return { code: -1, stdout: '', stderr: error.message };
    throw error;
  }
}

const SEP = '\u001f';

/** The name events give a repository: its folder's, without trailing separators and `.git`. */
export function repositoryName(dir: string): string {
  // The lookbehind starts a match only where a run of separators starts: linear on `a////…/b`.
  return basename(dir.replace(/(?<![\\/])[\\/]+$/, '')).replace(/\.git$/, '') || 'repository';
}

/** Reads commits and tags of the repository at `dir` inside the window. */
export async function readGit(
  dir: string,
  ctx: ReadContext,
  shown: string,
  env: NodeJS.ProcessEnv,
): Promise<SourceResult> {
  const inside = await run(dir, ['rev-parse', '--is-inside-work-tree', '--is-bare-repository'], env);
  if (inside.code !== 0)
    return {
      events: [],
      messages: [{ file: shown, message: `expected a git repository: ${firstLine(inside.stderr)}` }],
    };
  const repo = repositoryName(dir);
  const scrubber = new NameScrubber([], ctx.roles);
  const events: SourceEvent[] = [];
  const since = new Date(ctx.since).toISOString();
  const until = new Date(ctx.until).toISOString();
  const log = await run(
    dir,
    [
      '--no-pager',
      'log',
      '--no-color',
      `--format=%h${SEP}%ct${SEP}%s`,
      `--since=${since}`,
      `--until=${until}`,
      'HEAD',
      '--',
    ],
    env,
  );
  // A repository without commits has no HEAD: nothing to read, not a failure.
  if (log.code === 0) {
    for (const line of log.stdout.split('\n')) {
      const [hash, time, subject] = line.split(SEP);
      if (!hash || !time || subject === undefined) continue;
      const at = Number(time) * 1000;
      if (at < ctx.since || at > ctx.until) continue;
      const text = eventText(scrubber.scrub(`${repo}: ${subject} (commit ${hash})`));
      events.push({ at, text, kind: 'commit', origin: `${shown}@${hash}` });
    }
  }
  const tags = await run(
    dir,
    ['for-each-ref', `--format=%(refname:short)${SEP}%(creatordate:unix)${SEP}%(subject)`, 'refs/tags'],
    env,
  );
  if (tags.code === 0) {
    for (const line of tags.stdout.split('\n')) {
      const [tag, time, subject] = line.split(SEP);
      if (!tag || !time) continue;
      const at = Number(time) * 1000;
      if (!(at >= ctx.since && at <= ctx.until)) continue;
      const text = eventText(scrubber.scrub(`${repo}: tag ${tag}${subject ? ` (${subject})` : ''}`));
      events.push({ at, text, kind: 'tag', origin: `${shown}@${tag}` });
    }
  }
  return { events, messages: [] };
}
