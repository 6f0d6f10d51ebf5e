import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, ROOT } from '../helpers/cli.js';

// End to end: only a child process can run under another machine zone (TZ). Build first.
const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';

describe("postmortem notice never uses the machine's zone", () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let noZone = '';
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    noZone = join(dir, 'crm.md');
    await writeFile(noZone, (await readFile(join(ROOT, EXAMPLE), 'utf8')).replace(/^timezone: .*\n/m, ''));
  });
  afterAll(() => cleanup());

  it.each([
    ['the file names its zone', EXAMPLE, '(CEST)'],
    ['nothing names a zone: the offset of started', 'NOZONE', '(UTC+2)'],
  ])('%s', async (_name, file, zone) => {
    const args = ['notice', file === 'NOZONE' ? noZone : file, '--channel', 'status'];
    const [berlin, newYork] = await Promise.all([
      runCli(args, { env: { TZ: 'Asia/Tokyo' } }),
      runCli(args, { env: { TZ: 'America/New_York' } }),
    ]);
    expect(berlin.code).toBe(0);
    expect(berlin.stdout).toBe(newYork.stdout);
    expect(berlin.stdout).toContain(`from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM ${zone}`);
  });
});
