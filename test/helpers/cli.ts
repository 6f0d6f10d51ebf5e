import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync, statfsSync } from 'node:fs';
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

/**
 * Makes a temporary folder and returns it with a cleanup function. With `memory`, under
 * `memoryTmpdir()`: for the folders that take npm installs.
 */
export async function tempDir(
  prefix = 'postmortem-test-',
  options: { memory?: boolean } = {},
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(options.memory ? memoryTmpdir() : tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A RAM-backed file system (Linux's tmpfs) reports this type to statfs. */
const TMPFS_MAGIC = 0x01021994;
/** The ecosystem tests' installs take about 250 MB there at once; a smaller one (Docker's 64 MB) is not used. */
const MEMORY_ROOM = 1024 ** 3;
let memoryRoot: string | undefined;

/**
 * Where tests put the trees of many small files that npm installs: Linux's RAM-backed /dev/shm when
 * it is a tmpfs with room that lets programs run from it, else the system's temporary folder (and
 * always that when TMPDIR names one). On the project's machines /tmp is on the disk (ext4), where
 * creating and removing the 3,000 files of one install of the package costs the kernel 3-4 s of CPU
 * more than on tmpfs (npm ci of the tarball's lockfile: 9.0 s of CPU there, 5.8 s on tmpfs).
 */
export function memoryTmpdir(): string {
  memoryRoot ??= findMemoryRoot();
  return memoryRoot;
}

function findMemoryRoot(): string {
  const shm = '/dev/shm';
  if (process.platform !== 'linux' || process.env.TMPDIR) return tmpdir();
  try {
    const { type, bavail, bsize } = statfsSync(shm);
    if (type !== TMPFS_MAGIC || bavail * bsize < MEMORY_ROOM) return tmpdir();
    // A noexec mount would stop the installed package's bin link from running.
    const mount = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .findLast((fields) => fields[1] === shm);
    if (!mount || (mount[3] ?? '').split(',').includes('noexec')) return tmpdir();
    accessSync(shm, constants.W_OK);
    return shm;
  } catch {
    return tmpdir();
  }
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
