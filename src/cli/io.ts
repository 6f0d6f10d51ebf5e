import { Chalk, type ChalkInstance } from 'chalk';

/** A stream the CLI writes to. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Everything a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colours for stdout. */
  color: ChalkInstance;
  /** Colours for stderr. */
  errorColor: ChalkInstance;
}

/** Whether a stream should get colour: a TTY, `NO_COLOR` unset, not a dumb terminal; `FORCE_COLOR` wins. */
export function wantsColor(stream: OutputStream, env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Builds the Io of this process. */
export function processIo(): Io {
  const env = process.env;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env,
    color: new Chalk({ level: wantsColor(process.stdout, env) ? 1 : 0 }),
    errorColor: new Chalk({ level: wantsColor(process.stderr, env) ? 1 : 0 }),
  };
}

/** Turns colour off on an Io (for `--no-color`). */
export function withoutColor(io: Io): Io {
  return { ...io, color: new Chalk({ level: 0 }), errorColor: new Chalk({ level: 0 }) };
}
