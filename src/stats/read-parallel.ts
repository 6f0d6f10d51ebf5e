import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readIncidents } from './collect.js';
import type { StatsInput } from './types.js';

/** Below this many files, starting a thread costs more than it saves. */
export const PARALLEL_THRESHOLD = 500;

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
 * Reads files as `readIncidents` does, spread over the cores for large sets: the main thread reads
 * the first share while worker threads read the others; shares are contiguous, so the order of the
 * files (and of every list in the report) is the same as in one thread.
 */
export async function readIncidentsParallel(
  paths: readonly string[],
  options: { cwd: string; threads?: number },
): Promise<StatsInput> {
  // Run from the TypeScript source (as the tests do in process), there is no worker.js to start.
  const built = import.meta.url.endsWith('.js');
  const threads = built ? Math.max(1, Math.min(options.threads ?? availableParallelism(), 4)) : 1;
  if (threads === 1 || paths.length < PARALLEL_THRESHOLD) return readIncidents(paths, options);
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
