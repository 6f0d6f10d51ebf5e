/**
 * A git repository's commits (on HEAD) and tags inside the window, by their subject line, run
 * through execFile (never a shell). Authors are never read. The environment's GIT_DIR,
 * GIT_WORK_TREE, GIT_INDEX_FILE and the like are cleared: a hook or a terminal that sets them
 * would otherwise point git at another repository than the folder named.
 */
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { NameScrubber } from './blameless.js';
import { eventText } from './event-text.js';
import type { ReadContext, SourceEvent, SourceResult } from './types.js';

const CLEARED = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
];

/** The environment for git: this process's, without the variables that redirect it. */
export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_PAGER: 'cat' };
  for (const key of CLEARED) delete out[key];
  for (const key of Object.keys(out)) if (/^GIT_CONFIG_(?:KEY|VALUE)_\d+$/.test(key)) delete out[key];
  return out;
}

function run(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const why =
        error && typeof error.code !== 'number'
          ? error.code === 'ENOENT'
            ? 'git is not installed'
            : error.message
          : '';
      resolve({ code, stdout: String(stdout), stderr: why || String(stderr) });
    });
  });
}

const SEP = '\u001f';

/** Reads commits and tags of the repository at `dir` inside the window. */
export async function readGit(
  dir: string,
  ctx: ReadContext,
  shown: string,
  env: NodeJS.ProcessEnv,
): Promise<SourceResult> {
  const gitEnv = gitEnvironment(env);
  const inside = await run(dir, ['rev-parse', '--is-inside-work-tree', '--is-bare-repository'], gitEnv);
  if (inside.code !== 0)
    return {
      events: [],
      messages: [{ file: shown, message: `expected a git repository: ${firstLine(inside.stderr)}` }],
    };
  const repo = basename(dir.replace(/[\\/]+$/, '')).replace(/\.git$/, '') || 'repository';
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
    gitEnv,
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
    gitEnv,
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

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
