/**
 * The one git runner, through execFile (never a shell), without the variables that point git at
 * another repository: publishing commits with it (no network, no push), `timeline` reads logs.
 */
import { execFile } from 'node:child_process';

/** A git command that failed or could not run. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** What a git command printed, and its exit code. */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Extra settings of one git run: text for its stdin, variables added to the environment. */
export interface GitRunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** The environment to start from instead of this process's (a command's `io.env`). */
  base?: NodeJS.ProcessEnv;
}

/**
 * Variables that make git use another repository, index, object store or ref namespace than the
 * one it finds from `cwd`. Git sets GIT_DIR (and GIT_INDEX_FILE, GIT_WORK_TREE) for hooks, also in a
 * linked work tree, so a publish run from a hook would commit into that repository and report the
 * site's. The list is `git rev-parse --local-env-vars` without the `-c` settings (which git passes
 * on to other repositories too), and the variables that change which refs or folders git looks at.
 */
export const REPOSITORY_ENV_VARS: readonly string[] = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_QUARANTINE_PATH',
];

/** The environment of every git run: `base` without REPOSITORY_ENV_VARS, settings for parsed output, then `extra`. */
export function gitEnvironment(
  extra: Record<string, string> = {},
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of REPOSITORY_ENV_VARS) delete env[name];
  // Plumbing output is parsed: no pager, no prompts, no translated messages.
  return { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...extra };
}

/** Runs git in `cwd` and resolves with its output, whatever the exit code; rejects only when git cannot run. */
export async function gitRaw(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  const result = await run(cwd, args, options);
  return { code: result.code, stdout: result.stdout.toString('utf8'), stderr: result.stderr };
}

/** Like `git`, with stdout as bytes: for output that gives sizes in bytes (`cat-file --batch`). */
export async function gitBytes(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  const result = await run(cwd, args, options);
  if (result.code !== 0) failed(args, result.stderr);
  return result.stdout;
}

function run(
  cwd: string,
  args: readonly string[],
  options: GitRunOptions,
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        env: gitEnvironment(options.env, options.base),
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          const why = error.code === 'ENOENT' ? 'git is not installed or not on PATH' : error.message;
          reject(new GitError(`cannot run git: ${why}`, stderr.toString('utf8')));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr: stderr.toString('utf8') });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** The first line of what git printed on stderr: the reason it gives. */
export function firstLine(stderr: string): string {
  return stderr.trim().split('\n')[0] ?? '';
}

/** Throws the GitError of a git run that failed: the command and git's reason. */
export function failed(args: readonly string[], stderr: string): never {
  throw new GitError(`\`git ${args.join(' ')}\` failed: ${firstLine(stderr)}`, stderr);
}

/** An object as `cat-file --batch` gives it: its id, its type and its bytes. */
export interface GitObject {
  id: string;
  type: string;
  data: Buffer;
}

/**
 * The objects that `names` (object names such as `<commit>:<path>`) name, in order, from one
 * `cat-file --batch` instead of a process per object; null for a name that names none. Sizes in
 * its output are bytes, so the output is split before anything is decoded.
 */
export async function readObjects(cwd: string, names: readonly string[]): Promise<(GitObject | null)[]> {
  if (names.length === 0) return [];
  // The batch protocol is a name per line.
  const broken = names.find((name) => name.includes('\n'));
  if (broken !== undefined) throw new GitError(`cannot look up "${broken}" with git: its path has a line break.`, '');
  const out = await gitBytes(cwd, ['cat-file', '--batch'], { input: names.map((name) => `${name}\n`).join('') });
  const objects: (GitObject | null)[] = [];
  let at = 0;
  for (const name of names) {
    const end = out.indexOf(0x0a, at);
    const header = out.toString('utf8', at, end === -1 ? out.length : end);
    const found = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/.exec(header);
    if (end !== -1 && !found && header === `${name} missing`) {
      objects.push(null);
      at = end + 1;
      continue;
    }
    if (end === -1 || !found) throw new GitError(`\`git cat-file --batch\` gave "${header}" for ${name}.`, '');
    const start = end + 1;
    const size = Number(found[3]);
    objects.push({ id: found[1] as string, type: found[2] as string, data: out.subarray(start, start + size) });
    at = start + size + 1;
  }
  return objects;
}

/** Runs git in `cwd` and returns stdout; throws GitError naming the command when it fails. */
export async function git(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  const result = await gitRaw(cwd, args, options);
  if (result.code !== 0) failed(args, result.stderr);
  return result.stdout;
}

/** The `-c` options that give a commit an identity when the repository has none configured. */
export async function identityFallback(cwd: string): Promise<string[]> {
  // Both keys in one run; exit 1 (no output) when neither is set.
  const set = await gitRaw(cwd, ['config', '--get-regexp', '^user\\.(name|email)$']);
  const has = (key: string) =>
    set.stdout.split('\n').some((line) => line.startsWith(`${key} `) && line.length > key.length + 1);
  const out: string[] = [];
  if (!has('user.name')) out.push('-c', 'user.name=postmortem');
  if (!has('user.email')) out.push('-c', 'user.email=postmortem@localhost');
  return out;
}
