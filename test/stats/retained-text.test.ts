import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { readIncidents } from '../../src/stats/collect.js';
import { ROOT, tempDir } from '../helpers/cli.js';

// The garbage collector on demand, so that the heap measured holds only what is still reachable.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const example = readFileSync(join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md'), 'utf8');

describe('stats records', () => {
  const temp = tempDir('postmortem-stats-retained-');
  afterAll(async () => (await temp).cleanup());

  it('do not keep the text of the files they were read from alive', async () => {
    const { dir } = await temp;
    // 20 files of about 1 MB of prose each, with a letter beyond Latin-1 (two bytes a character in V8).
    const prose = `\n\n## Supporting information\n\n${'Die Störung dauerte länger als erwartet. '.repeat(25_000)}\n`;
    const paths: string[] = [];
    for (let i = 0; i < 20; i++) {
      const path = join(dir, `2018-05-15-big-${i}.md`);
      await writeFile(path, example.replace(/^id: .*$/m, `id: 2018-05-15-big-${i}`) + prose);
      paths.push(path);
    }
    gc();
    const before = process.memoryUsage().heapUsed;
    // With the action items' texts, the most a record keeps.
    const input = await readIncidents(paths, { cwd: dir, texts: true });
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    expect(input.records).toHaveLength(20);
    expect(input.records[0]?.actionItems).toHaveLength(5);
    // The records' own strings are a few kB a file; the files are 40 MB as strings.
    expect(kept).toBeLessThan(4 * 1024 * 1024);
  });
});
