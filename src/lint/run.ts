import { existsSync, statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { loadContentHash, LintCache, type FileStamp } from './cache.js';
import type { FileOutcome } from './engine.js';
import type { readBounded } from './read.js';
import type { LintResult, LintSettings, RuleTimings } from './types.js';

/** A file handed to a worker; `bytes` when the main thread has already read it (for the cache). */
export interface WorkerJob {
  index: number;
  path: string;
  bytes?: Uint8Array;
}

/** What a worker posts back for a batch: the outcomes and, when timing, the batch's time per rule. */
export interface WorkerReply {
  outcomes: Array<{ index: number; outcome: FileOutcome }>;
  timings?: RuleTimings;
}

/** statSync's options for a file that may have gone: made once, not once per file of a run. */
const NO_THROW = { throwIfNoEntry: false } as const;

/** Runs with at least this many files to lint are spread over worker threads; smaller ones stay in one thread. */
export const WORKER_THRESHOLD = 200;
const BATCH = 25;
/** The young generation of a lint worker's heap, in MB (see where the workers start). */
const WORKER_YOUNG_GENERATION_MB = 16;
/**
 * V8 flags for a run in worker threads (see where they are set). Each worker's isolate compiles the
 * parser and the rules afresh with TurboFan, which took 18 % of a 10,000-file run's CPU samples; a
 * smaller budget for inlining makes that compiling cheaper, while the code it makes runs as fast.
 */
export const LINT_WORKER_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=100';

/**
 * The compiled worker script, or null when it is not there: run from the TypeScript sources (as
 * tests do in-process) there is no `worker.js` beside this module, so every run stays in this thread.
 */
function workerScript(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(url) ? url : null;
}

/** How to run over many files. */
export interface RunOptions {
  settings: LintSettings;
  fix?: boolean;
  /** The cache file and the tool version its entries are valid for; none to lint everything. */
  cache?: { location: string; toolVersion: string };
  /** Worker threads to use for large runs; defaults to the cores available; 0 keeps every run in this thread. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Filled with each rule's time, summed over files and worker threads (`TIMING=1`). */
  timings?: RuleTimings;
}

/** True while this process runs without TurboFan, V8's optimising compiler (see holdTurbofan). */
let turbofanHeld = false;

/** V8 flags a user may have chosen for TurboFan; with one of them, this process's setting is left as it is. */
const OWN_TURBOFAN_CHOICE = /turbofan|--(?:no-)?opt\b|max[-_]opt|jitless/;

/**
 * Turns TurboFan off for a `lint --cache` run until it has files to lint (releaseTurbofan). A re-run
 * of untouched files is over in a fraction of a second, too soon for what TurboFan compiles in
 * background threads to pay for itself: without it, such a run of 10,000 files took a fifth less
 * CPU time (0.29 s against 0.37 s, 12 alternating runs), and no more wall time; its loops run in
 * Sparkplug, V8's baseline compiler. The flag is `--no-turbofan`, not `--max-opt=1`: the latter
 * turns TurboFan off by implication, and setting `--max-opt` back does not turn it on again.
 */
export async function holdTurbofan(): Promise<void> {
  if (turbofanHeld || OWN_TURBOFAN_CHOICE.test([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '))) return;
  turbofanHeld = await setV8Flag('--no-turbofan');
}

/** Sets a V8 flag; false where this Node refuses flags after start-up (the run then just keeps its compiler). */
async function setV8Flag(flag: string): Promise<boolean> {
  try {
    (await import('node:v8')).setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns TurboFan on again after holdTurbofan: before any file is linted (V8's flags are the
 * process's, so worker threads would run without it too), and when the command ends.
 */
export async function releaseTurbofan(): Promise<void> {
  if (!turbofanHeld) return;
  turbofanHeld = !(await setV8Flag('--turbofan'));
}

async function runInWorkers(
  script: URL,
  jobs: WorkerJob[],
  options: RunOptions,
  count: number,
  report: (n: number) => void,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(jobs.length);
  const byIndex = new Map(jobs.map((j, i) => [j.index, i]));
  // Loaded here, not at the top: a cached re-run that lints nothing never starts a thread.
  const { Worker } = await import('node:worker_threads');
  // V8's flags belong to the process, not to an isolate: set here, before the first worker starts,
  // they hold for every worker. Only `lint` comes here, and only for a run large enough for
  // workers; what the main thread does after them (the id check, the report) is not measurably
  // slower.
  (await import('node:v8')).setFlagsFromString(LINT_WORKER_V8_FLAGS);
  return new Promise((resolve, reject) => {
    let next = 0;
    let live = 0;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const send = (worker: Worker) => {
      if (next >= jobs.length) {
        live--;
        if (live === 0) finish();
        return;
      }
      const batch = jobs.slice(next, next + BATCH);
      next += batch.length;
      // Hand over whole buffers only; a view into a shared pool must be copied, not moved.
      const transfer = batch.flatMap((j) =>
        j.bytes && j.bytes.byteOffset === 0 && j.bytes.byteLength === j.bytes.buffer.byteLength
          ? [j.bytes.buffer as ArrayBuffer]
          : [],
      );
      worker.postMessage(batch, transfer);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, {
        workerData: { settings: options.settings, fix: options.fix ?? false, timing: options.timings !== undefined },
        // Each file's tree is garbage as soon as it is linted; a bounded young generation collects it
        // early, which keeps a 10,000-file run under 300 MB (382 MB without). 16 MB rather than 4: a
        // quarter of the scavenges (365 against 1,393 over 10,000 files), about 5 % less CPU per file
        // (one worker, 2,000 files, 6 alternating runs), for about 15 MB more peak (about 185 MB in all).
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      workers.push(worker);
      live++;
      worker.on('message', (reply: WorkerReply) => {
        for (const { index, outcome } of reply.outcomes) outcomes[byIndex.get(index) as number] = outcome;
        for (const [id, ms] of reply.timings ?? []) options.timings?.set(id, (options.timings.get(id) ?? 0) + ms);
        report(reply.outcomes.length);
        send(worker);
      });
      worker.on('error', (error) => finish(error));
      send(worker);
    }
  });
}

/**
 * Lints files and returns one result per file, in the order given. Large runs go to worker
 * threads (files stream through in batches; no thread holds more than one file's tree); with a
 * cache, unchanged files are not parsed at all. Ids are compared across all files at the end.
 */
export async function lintFiles(paths: readonly string[], options: RunOptions): Promise<LintResult[]> {
  const total = paths.length;
  let done = 0;
  const report = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const outcomes = new Array<FileOutcome>(total);
  let jobs: WorkerJob[];
  const useCache = options.cache && !options.fix;
  const cache = useCache ? LintCache.open(options.cache!.location, options.cache!.toolVersion, options.settings) : null;
  const hashes = new Map<number, { hash: string; stamp: FileStamp }>();
  let contentHash: ((bytes: Uint8Array) => string) | undefined;
  // The reader, like the hash, is loaded when a file has to be read: a re-run of untouched files reads none.
  let read: typeof readBounded | undefined;
  if (cache) {
    jobs = [];
    // Synchronous reads: the main thread has nothing else to do meanwhile, and they cost a
    // fraction of promise-based reads for thousands of small files. A job is made only for a file
    // to lint: a re-run of untouched files makes none.
    for (let index = 0; index < total; index++) {
      const path = paths[index] as string;
      const stat = statSync(path, NO_THROW);
      const stamp: FileStamp | null = stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : null;
      const untouched = stamp && cache.getByStamp(path, stamp);
      if (untouched) {
        outcomes[index] = untouched;
        report(1);
        continue;
      }
      read ??= (await import('./read.js')).readBounded;
      const got = stamp ? read(path) : null;
      if (!stamp || !got || 'problem' in got) {
        // Not cached: the lint thread reads it again and reports the problem.
        jobs.push({ index, path });
        continue;
      }
      const bytes = got.bytes;
      contentHash ??= await loadContentHash();
      const hash = contentHash(bytes);
      const hit = cache.get(path, hash, stamp);
      if (hit) {
        outcomes[index] = hit;
        report(1);
      } else {
        hashes.set(index, { hash, stamp });
        jobs.push({ index, path, bytes });
      }
    }
  } else {
    jobs = paths.map((path, index) => ({ index, path }));
  }
  // Linting is long enough for TurboFan to pay (see holdTurbofan).
  if (jobs.length > 0) await releaseTurbofan();
  // node:os is loaded only for a run that lints something.
  const cores = options.workers ?? (jobs.length > 0 ? (await import('node:os')).availableParallelism() : 0);
  const threads = Math.min(cores, 8, Math.ceil(jobs.length / 100));
  // Even one core gets a worker for a large run: its small young generation keeps 10,000 files at a
  // 160 MB peak where this thread's default heap let garbage pile up to 380 MB (what survives such
  // a run is 18 MB), for the same CPU time.
  const script = jobs.length >= WORKER_THRESHOLD && threads >= 1 ? workerScript() : null;
  if (script) {
    const linted = await runInWorkers(script, jobs, options, threads, report);
    jobs.forEach((job, i) => (outcomes[job.index] = linted[i] as FileOutcome));
  } else {
    // Loaded only when some file needs linting: a fully cached run never loads a parser.
    const { lintFile } = jobs.length > 0 ? await import('./lint-file.js') : { lintFile: null as never };
    for (const job of jobs) {
      outcomes[job.index] = await lintFile(job.path, options.settings, {
        fix: options.fix ?? false,
        ...(job.bytes ? { bytes: job.bytes } : {}),
        ...(options.timings ? { timings: options.timings } : {}),
      });
      report(1);
    }
  }
  if (cache) {
    for (const [index, { hash, stamp }] of hashes)
      cache.set(paths[index] as string, hash, outcomes[index] as FileOutcome, stamp);
    await cache.save();
  }
  // Answered wholly from a cache whose ids are distinct: no two of these files share an id.
  if (!(cache && jobs.length === 0 && cache.idsDistinct))
    (await import('./unique-ids.js')).checkUniqueIds(outcomes, options.settings);
  return outcomes.map((o) => o.result);
}
