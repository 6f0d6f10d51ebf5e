// How the benchmark scripts time a command: wall seconds, CPU seconds (user + system of all
// threads) and peak RSS, from GNU time when the machine has it, as the median of several runs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT } from './bench-args.mjs';

/**
 * Runs a command once, its output counted and discarded; wall seconds, CPU seconds and peak MB (NaN
 * without GNU time), the exit code, stdout's size and the tail of its stderr (where `TIMING=1` writes
 * its table). With `timeoutSeconds`, the command and its children are killed then (`timedOut`).
 */
export function measure(cmd, cmdArgs, { cwd = ROOT, env = {}, timeoutSeconds } = {}) {
  const gnuTime = existsSync('/usr/bin/time');
  const [file, argv] = gnuTime
    ? ['/usr/bin/time', ['-f', '__PEAK_KB__ %M __CPU__ %U %S', cmd, ...cmdArgs]]
    : [cmd, cmdArgs];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
      detached: timeoutSeconds !== undefined,
    });
    let outBytes = 0;
    let timedOut = false;
    const timer =
      timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            process.kill(-child.pid, 'SIGKILL');
          }, timeoutSeconds * 1000);
    child.stdout.on('data', (d) => (outBytes += d.length));
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 1e6) stderr = stderr.slice(-1e5);
    });
    child.on('error', () => resolve({ seconds: NaN, cpuSeconds: NaN, peakMb: NaN, code: -1, stderr: '' }));
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const peak = /__PEAK_KB__ (\d+)/.exec(stderr);
      const cpu = /__CPU__ ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        seconds,
        code,
        timedOut,
        outBytes,
        peakMb: peak ? Number(peak[1]) / 1024 : NaN,
        // On a shared machine wall time depends on the other load; CPU time much less so.
        cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
        stderr: stderr.replace(/^(Command exited with non-zero status \d+|__PEAK_KB__ .*)\n?/gm, ''),
      });
    });
  });
}

/** The middle value. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of `runs` measurements (wall, CPU and peak each taken as the median); `before` runs before each. */
export async function measureRuns(runs, cmd, cmdArgs, { before, ...options } = {}) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    if (before) await before();
    all.push(await measure(cmd, cmdArgs, options));
  }
  return {
    seconds: median(all.map((r) => r.seconds)),
    peakMb: median(all.map((r) => r.peakMb)),
    cpuSeconds: median(all.map((r) => r.cpuSeconds)),
    code: all[0].code,
    stderr: all[0].stderr,
    all: all.map((r) => r.seconds),
  };
}

/** A number with `d` decimals, or n/a. */
export const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
