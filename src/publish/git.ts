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

/** Runs git in `cwd` and resolves with its output, whatever the exit code; rejects only when git cannot run. */
export function gitRaw(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        const why = error.code === 'ENOENT' ? 'git is not installed or not on PATH' : error.message;
        reject(new GitError(`cannot run git: ${why}`, String(stderr)));
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Runs git in `cwd` and returns stdout; throws GitError naming the command when it fails. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  const result = await gitRaw(cwd, args);
  if (result.code !== 0) {
    const detail = result.stderr.trim().split('\n')[0] ?? '';
    throw new GitError(`\`git ${args.join(' ')}\` failed: ${detail}`, result.stderr);
  }
  return result.stdout;
}

/** The `-c` options that give a commit an identity when the repository has none configured. */
export async function identityFallback(cwd: string): Promise<string[]> {
  const name = await gitRaw(cwd, ['config', 'user.name']);
  const email = await gitRaw(cwd, ['config', 'user.email']);
  const out: string[] = [];
  if (name.code !== 0 || name.stdout.trim() === '') out.push('-c', 'user.name=postmortem');
  if (email.code !== 0 || email.stdout.trim() === '') out.push('-c', 'user.email=postmortem@localhost');
  return out;
}
