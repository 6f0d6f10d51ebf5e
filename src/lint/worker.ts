import { parentPort, workerData } from 'node:worker_threads';
import { lintFile } from './lint-file.js';
import type { LintSettings } from './types.js';
import type { WorkerJob, WorkerReply } from './run.js';

// A lint worker: receives batches of files, lints them and posts the outcomes back; never throws.
const { settings, fix } = workerData as { settings: LintSettings; fix: boolean };

parentPort?.on('message', (jobs: WorkerJob[]) => void lintBatch(jobs));

async function lintBatch(jobs: WorkerJob[]): Promise<void> {
  const reply: WorkerReply = [];
  for (const job of jobs) {
    const outcome = await lintFile(job.path, settings, { fix, ...(job.bytes ? { bytes: job.bytes } : {}) });
    reply.push({ index: job.index, outcome });
  }
  parentPort?.postMessage(reply);
}
