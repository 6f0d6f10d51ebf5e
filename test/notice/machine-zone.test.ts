import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempDir, ROOT } from '../helpers/cli.js';

// The machine's zone is the process's: runInProcess sets it from TZ for a run, and one run of the
// binary (build first) checks the zone a process starts with.
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
    // One after the other: the zone is the whole process's.
    const tokyo = await runInProcess(args, { env: { TZ: 'Asia/Tokyo' } });
    const newYork = await runInProcess(args, { env: { TZ: 'America/New_York' } });
    expect(tokyo.code).toBe(0);
    expect(tokyo.stdout).toBe(newYork.stdout);
    expect(tokyo.stdout).toContain(`from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM ${zone}`);
  });

  it('nor in the binary, whose zone is the one it starts with', async () => {
    const args = ['notice', noZone, '--channel', 'status'];
    const auckland = await runCli(args, { env: { TZ: 'Pacific/Auckland' } });
    expect(auckland.code).toBe(0);
    expect(auckland.stdout).toContain('from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM (UTC+2)');
    expect(auckland).toEqual(await runInProcess(args, { env: { TZ: 'America/New_York' } }));
  });
});
