import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readIncidents } from './collect.js';
import { unpackInput } from './transfer.js';
import type { ItemOf, ReadOptions, StatsInput } from './types.js';

/**
 * Below this many files a second thread cannot pay for itself: a worker starts an isolate, loads
 * the modules, warms up the compiler again and posts its records back, and one thread already keeps
 * a second core partly busy (the garbage collector's and the compiler's threads: 1.9 s of CPU in
 * 1.5 s of wall). On a quiet 2-core machine, real prose, wall medians: 10,000 files 1.49 s in one
 * thread, 1.55 s in two (which used 0.8 s more CPU); 20,000 files 2.60 s in one, 2.29 s in two. The
 * two lines cross near 12,000 files.
 */
export const PARALLEL_THRESHOLD = 12_000;

/**
 * How many threads to read `files` files in: one below PARALLEL_THRESHOLD, else the cores not
 * already busy (the one-minute load average), at most 4. On a busy machine a worker only adds
 * CPU: 10,000 files on 2 cores at a load of 13 took 8.3 s in two threads, 5.4 s in one.
 */
export function threadsFor(files: number, cores: number, load: number): number {
  if (files < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(4, cores, Math.round(cores - load)));
}

/**
 * Files a batch: what a thread claims at a time. Small enough that the threads finish within a
 * batch of each other (a batch of real prose is a few milliseconds), large enough that the
 * messages cost little.
 */
export const BATCH_FILES = 50;

/** Waits for the next macrotask, so that messages from the workers are handled meanwhile. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads files as `readIncidents` does, spread over the free cores for large sets (`threads`, when
 * given, decides instead). The threads claim batches of BATCH_FILES files from a shared counter
 * until none is left, so a worker that starts late or a core that is busy takes fewer; the main
 * thread reads too, and unpacks the batches the workers post between its own, while they read on.
 * The batches are put together in their order, so the order of the files (and of every list in the
 * report) is the same as in one thread.
 */
export async function readIncidentsParallel<Texts extends boolean = false>(
  paths: readonly string[],
  options: ReadOptions<Texts> & { threads?: number },
): Promise<StatsInput<ItemOf<Texts>>> {
  // Run from the TypeScript source (as the tests do in process), there is no worker.js to start.
  const built = import.meta.url.endsWith('.js');
  const threads = built ? (options.threads ?? threadsFor(paths.length, availableParallelism(), loadavg()[0] ?? 0)) : 1;
  if (threads <= 1) return readIncidents(paths, options);
  const batches = Math.ceil(paths.length / BATCH_FILES);
  const parts: StatsInput<ItemOf<Texts>>[] = [];
  const counter = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  let exited = 0;
  let failed: Error | undefined;
  let wake = (): void => undefined;
  const workers = Array.from({ length: threads - 1 }, () => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { paths, cwd: options.cwd, texts: options.texts === true, counter, batchSize: BATCH_FILES },
    });
    worker.on('message', ({ batch, packed }: { batch: number; packed: string }) => {
      parts[batch] = unpackInput(packed, options.texts);
      done++;
      wake();
    });
    worker.once('error', (error) => {
      failed ??= error;
      wake();
    });
    worker.once('exit', (code) => {
      exited++;
      if (code !== 0) failed ??= new Error(`A stats worker thread stopped with exit code ${code}.`);
      wake();
    });
    return worker;
  });
  try {
    for (let batch = Atomics.add(counter, 0, 1); batch < batches && failed === undefined;) {
      const start = batch * BATCH_FILES;
      parts[batch] = await readIncidents(paths.slice(start, start + BATCH_FILES), options);
      done++;
      await nextTurn();
      batch = Atomics.add(counter, 0, 1);
    }
    while (done < batches && failed === undefined) {
      // Every batch is claimed; a worker that ended without posting its own would leave us waiting.
      if (exited === workers.length) failed = new Error('A stats worker thread ended before posting all its files.');
      else await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failed !== undefined) throw failed;
  } catch (error) {
    // One failed thread fails the run; the others must not keep the process alive meanwhile.
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  return {
    files: paths.length,
    records: parts.flatMap((p) => p.records),
    unreadable: parts.flatMap((p) => p.unreadable),
    warnings: parts.flatMap((p) => p.warnings),
  };
}
