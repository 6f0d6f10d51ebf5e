import { parentPort, workerData } from 'node:worker_threads';
import { readIncidents } from './collect.js';

// A stats worker: reads its share of the files and posts the records back; never throws on bad files.
const { paths, cwd } = workerData as { paths: string[]; cwd: string };
parentPort?.postMessage(await readIncidents(paths, { cwd }));
