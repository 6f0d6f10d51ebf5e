import { execFile } from 'node:child_process';

/** What a child process produced. */
export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell and resolves with its exit code and output; never rejects. */
export function exec(
  file: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number; input?: string },
): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeout ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({
          code,
          stdout,
          stderr: error && typeof error.code !== 'number' ? `${stderr}${error.message}` : stderr,
        });
      },
    );
    // A program that exits without reading its input must not fail the test with EPIPE.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

const KEPT_NPM_SETTINGS =
  /^npm_config_(cache|registry|userconfig|globalconfig|proxy|https_proxy|noproxy|cafile|strict_ssl|prefer_offline|offline|audit|fund|update_notifier)$/i;

/** The environment of this process without what would let a child find modules outside its own tree. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of Object.keys(env)) {
    // NODE_PATH would let the installed tool resolve this repository's devDependencies. `npm test`
    // sets npm_* for its own project (local prefix, package); only the user's npm settings stay.
    const npmKey = /^npm_/i.test(key) && !KEPT_NPM_SETTINGS.test(key);
    if (key === 'NODE_PATH' || key === 'FORCE_COLOR' || npmKey) delete env[key];
  }
  return env;
}
