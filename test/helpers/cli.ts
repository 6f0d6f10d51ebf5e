import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built binary, as users run it. */
export const BIN = join(ROOT, 'bin', 'postmortem.js');

/** What a run of the real binary produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `postmortem` binary as a child process (no shell). */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
        timeout: options.timeout ?? 90_000, // below the test's timeout, so a hang reports the run's output
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** Makes a temporary folder and returns it with a cleanup function. */
export async function tempDir(prefix = 'postmortem-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A stream that keeps what is written to it. */
class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Set while an in-process run holds the machine's zone (TZ), which is the whole process's. */
let zoneHeld = false;

/**
 * Runs the CLI in this process through `run(argv, io)`, as markdownlint-cli2's tests call `main()`:
 * same arguments, working folder, environment and standard input as `runCli`, no child process.
 * `stderrTTY` makes stderr claim to be a terminal, for progress and colour decisions.
 * A `TZ` in `env` is also the machine's zone for the run, as for the binary: Node reads a change
 * of `process.env.TZ` at once; it is restored after, and two such runs may not overlap.
 * Keep `runCli` for the few end-to-end tests of the real binary.
 */
export async function runInProcess(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; stderrTTY?: boolean } = {},
): Promise<CliResult> {
  const { run } = await import('../../src/cli/run.js');
  const { wantsColor } = await import('../../src/cli/io.js');
  const { Chalk } = await import('chalk');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  const stdout = new Capture();
  const stderr = new Capture(options.stderrTTY ?? false);
  const stdin = Readable.from(options.input === undefined ? [] : [options.input]) as NodeJS.ReadableStream & {
    isTTY?: boolean;
  };
  const zone = options.env !== undefined && 'TZ' in options.env;
  if (zone && zoneHeld) throw new Error('runInProcess: two runs with their own TZ at once would share one zone');
  const machineZone = process.env.TZ;
  zoneHeld ||= zone;
  try {
    if (zone) setZone(options.env?.TZ);
    // The CLI's own colour decision, as processIo makes it for the process's streams.
    const code = await run(args, {
      stdout,
      stderr,
      stdin,
      cwd: options.cwd ?? ROOT,
      env,
      color: new Chalk({ level: wantsColor(stdout, env) ? 1 : 0 }),
      errorColor: new Chalk({ level: wantsColor(stderr, env) ? 1 : 0 }),
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    if (zone) {
      setZone(machineZone);
      zoneHeld = false;
    }
  }
}

/** Sets this process's zone (undefined: the system's). */
function setZone(tz: string | undefined): void {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
  // Were the change not taken, a test of zone independence would pass without proving anything.
  const now = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (tz?.includes('/') && now !== tz) throw new Error(`runInProcess: TZ=${tz} left the zone at ${now}`);
}
