import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { readIncidents } from '../../src/stats/collect.js';
import { BATCH_FILES, PARALLEL_THRESHOLD, threadsFor } from '../../src/stats/read-parallel.js';
import { postmortemText } from './fixture.js';

let dir: string;
let paths: string[];
let cleanup: () => Promise<void>;
const COUNT = 600;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-stats-parallel-'));
  paths = [];
  for (let i = 0; i < COUNT; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const id = `${day}-incident-${i}`;
    // Every 50th file is broken, so the lists of notes are merged in order too.
    const text =
      i % 50 === 7
        ? 'not a postmortem\n'
        : postmortemText({
            id,
            severity: `SEV${(i % 4) + 1}`,
            services: [['checkout', 'cart', 'search'][i % 3] as string],
            categories: [['capacity', 'network'][i % 2] as string],
            started: `${day}T10:00:00Z`,
            detected: `${day}T10:${String(i % 60).padStart(2, '0')}:00Z`,
            mitigated: `${day}T12:00:00Z`,
            customers: i,
            actions: [['Fix it', 'prevent', `team-${i % 5}`, day, i % 3 === 0 ? 'done' : 'open', '']],
          });
    const path = join(dir, `${id}.md`);
    await writeFile(path, text);
    paths.push(path);
  }
});
afterAll(() => cleanup());

describe('stats in worker threads (the built module, which has the worker file)', () => {
  it.each([false, true])(
    'reads the same records and notes as one thread, file order kept (texts: %s)',
    async (texts) => {
      // In process, vitest runs the TypeScript source, where the worker file does not exist.
      const built = (await import(
        join(ROOT, 'dist', 'stats', 'read-parallel.js')
      )) as typeof import('../../src/stats/read-parallel.js');
      const threads = await built.readIncidentsParallel(paths, { cwd: dir, threads: 3, texts });
      const single = await readIncidents(paths, { cwd: dir, texts });
      expect('action' in (single.records[0]?.actionItems[0] ?? {})).toBe(texts);
      expect(threads).toEqual(single);
      // The same keys in the same order too: the records from the workers are unpacked, not cloned.
      expect(JSON.stringify(threads)).toBe(JSON.stringify(single));
      expect(threads.files).toBe(COUNT);
      expect(threads.records).toHaveLength(COUNT - 12);
      expect(threads.unreadable).toHaveLength(12);
      // Batches enough that every thread gets some.
      expect(COUNT / BATCH_FILES).toBeGreaterThanOrEqual(6);
    },
    120_000,
  );
});

describe('how many threads stats reads in', () => {
  it.each([
    [PARALLEL_THRESHOLD - 1, 2, 0, 1],
    // Issue 22's 10,000 files: one thread was as fast as two on a quiet 2-core machine, with 0.8 s less CPU.
    [10_000, 2, 0, 1],
    [PARALLEL_THRESHOLD, 2, 0, 2],
    [PARALLEL_THRESHOLD, 2, 0.4, 2],
    [PARALLEL_THRESHOLD, 2, 0.6, 1],
    [PARALLEL_THRESHOLD, 2, 13, 1],
    [PARALLEL_THRESHOLD, 16, 2, 4],
    [PARALLEL_THRESHOLD, 1, 0, 1],
  ])('%i files, %i cores, load %d: %i', (files, cores, load, expected) => {
    expect(threadsFor(files, cores, load)).toBe(expected);
  });
});
