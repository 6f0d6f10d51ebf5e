import { parentPort, workerData } from 'node:worker_threads';
import { readIncidents } from './collect.js';
import { packInput } from './transfer.js';

// A stats worker: claims batches of the files from the counter it shares with the main thread and
// the other workers, reads each and posts it back packed, with the batch's number; never throws on
// bad files. It stops when no batch is left. The items keep their texts when the main thread's do.
const { paths, cwd, texts, counter, batchSize } = workerData as {
  paths: string[];
  cwd: string;
  texts: boolean;
  counter: Int32Array;
  batchSize: number;
};
for (;;) {
  const batch = Atomics.add(counter, 0, 1);
  const start = batch * batchSize;
  if (start >= paths.length) break;
  const input = await readIncidents(paths.slice(start, start + batchSize), { cwd, texts });
  parentPort?.postMessage({ batch, packed: packInput(input, texts) });
}
