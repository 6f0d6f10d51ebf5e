import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readIncidents } from './collect.js';
import type { StatsInput } from './types.js';

/**
 * Below this many files a second thread cannot pay for itself (an estimate): a worker starts an
 * isolate, loads the modules, warms up the compiler again and posts its records back; over 10,000
 * files two threads used 1.1 s more CPU than one (3.54 s against 2.43 s, medians of 7).
 */
export const PARALLEL_THRESHOLD = 4000;

/**
 * How many threads to read `files` files in: one below PARALLEL_THRESHOLD, else the cores not
 * already busy (the one-minute load average), at most 4. On a busy machine a worker only adds
 * CPU: 10,000 files on 2 cores at a load of 13 took 8.3 s in two threads, 5.4 s in one.
 */
export function threadsFor(files: number, cores: number, load: number): number {
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(4, cores, Math.round(cores - load)));
}

function inWorker(paths: string[], cwd: string, started: Worker[]): Promise<StatsInput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { paths, cwd } });
    started.push(worker);
    worker.once('message', (input: StatsInput) => {
      resolve(input);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * Reads files as `readIncidents` does, spread over the free cores for large sets (`threads`, when
 * given, decides instead): the main thread reads the first share while worker threads read the
 * others; shares are contiguous, so the order of the files (and of every list in the report) is
 * the same as in one thread.
 */
export async function readIncidentsParallel(
  paths: readonly string[],
  options: { cwd: string; threads?: number },
): Promise<StatsInput> {
  // Run from the TypeScript source (as the tests do in process), there is no worker.js to start.
  const built = import.meta.url.endsWith('.js');
  const threads = built ? (options.threads ?? threadsFor(paths.length, availableParallelism(), loadavg()[0] ?? 0)) : 1;
  if (threads <= 1) return readIncidents(paths, options);
  const size = Math.ceil(paths.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => paths.slice(i * size, (i + 1) * size));
  // Workers start first so that their module loading overlaps the main thread's share.
  const started: Worker[] = [];
  const others = shares.slice(1).map((share) => inWorker(share, options.cwd, started));
  const all = Promise.all(others);
  // Handled below, after the main thread's share: a thread failing meanwhile is not an unhandled rejection.
  all.catch(() => undefined);
  const first = await readIncidents(shares[0] as string[], options);
  let rest: StatsInput[];
  try {
    rest = await all;
  } catch (error) {
    // One failed thread fails the run; the others must not keep the process alive meanwhile.
    await Promise.all(started.map((w) => w.terminate()));
    throw error;
  }
  const parts = [first, ...rest];
  return {
    files: paths.length,
    records: parts.flatMap((p) => p.records),
    unreadable: parts.flatMap((p) => p.unreadable),
    warnings: parts.flatMap((p) => p.warnings),
  };
}
