/** Git for publishing, through execFile (never a shell): no network, no push. */
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
  input?: string;
  env?: Record<string, string>;
}

/** Runs git in `cwd` and resolves with its output, whatever the exit code; rejects only when git cannot run. */
export function gitRaw(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        // Plumbing output is parsed: no pager, no prompts, no translated messages.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          const why = error.code === 'ENOENT' ? 'git is not installed or not on PATH' : error.message;
          reject(new GitError(`cannot run git: ${why}`, String(stderr)));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs git in `cwd` and returns stdout; throws GitError naming the command when it fails. */
export async function git(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  const result = await gitRaw(cwd, args, options);
  if (result.code !== 0) {
    const detail = result.stderr.trim().split('\n')[0] ?? '';
    throw new GitError(`\`git ${args.join(' ')}\` failed: ${detail}`, result.stderr);
  }
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
