import { parentPort, workerData } from 'node:worker_threads';
import { lintFile } from './lint-file.js';
import type { LintSettings } from './types.js';
import type { WorkerJob, WorkerReply } from './run.js';

// A lint worker: receives batches of files, lints them and posts the outcomes back; never throws.
const { settings, fix, timing } = workerData as { settings: LintSettings; fix: boolean; timing: boolean };

parentPort?.on('message', (jobs: WorkerJob[]) => void lintBatch(jobs));

async function lintBatch(jobs: WorkerJob[]): Promise<void> {
  // Each batch's rule times go back with it; the main thread sums them over batches and workers.
  const reply: WorkerReply = { outcomes: [], ...(timing ? { timings: new Map() } : {}) };
  for (const job of jobs) {
    const outcome = await lintFile(job.path, settings, {
      fix,
      ...(job.bytes ? { bytes: job.bytes } : {}),
      ...(reply.timings ? { timings: reply.timings } : {}),
    });
    reply.outcomes.push({ index: job.index, outcome });
  }
  parentPort?.postMessage(reply);
}
