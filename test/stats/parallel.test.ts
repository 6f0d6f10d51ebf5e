import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempDir } from '../helpers/cli.js';
import { PARALLEL_THRESHOLD } from '../../src/stats/read-parallel.js';
import { postmortemText } from './fixture.js';

let dir: string;
let cleanup: () => Promise<void>;
const COUNT = PARALLEL_THRESHOLD + 100;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-stats-parallel-'));
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
    await writeFile(join(dir, `${id}.md`), text);
  }
});
afterAll(() => cleanup());

describe('stats over enough files to use worker threads (the built binary)', () => {
  it('gives the same report as one thread, file order kept', async () => {
    const args = ['stats', '.', '--format', 'json', '--now', '2021-06-01'];
    // A generous timeout: the machine running the tests may be shared.
    const threads = await runCli(args, { cwd: dir, timeout: 90_000 });
    // In process, vitest runs the TypeScript source, where the worker file does not exist; a
    // report equal to the spawned one shows that the worker path changes nothing.
    const single = await runInProcess(args, { cwd: dir });
    expect(threads.code).toBe(1);
    expect(single.code).toBe(1);
    expect(JSON.parse(threads.stdout)).toEqual(JSON.parse(single.stdout));
    const report = JSON.parse(threads.stdout) as { files: { total: number; unreadable: unknown[] } };
    expect(report.files.total).toBe(COUNT);
    expect(report.files.unreadable).toHaveLength(12);
  }, 120_000);
});
