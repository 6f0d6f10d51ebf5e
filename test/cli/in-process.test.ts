import { describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.js';

// The in-process runner must see what the binary sees, or tests that use it prove nothing.
describe('runInProcess', () => {
  it.each([
    [['--version']],
    [['lint', 'examples']],
    [['render', 'examples/2018-05-15-crm-release-rollback-failed.md']],
    [['no-such-command']],
    [['lint', '--no-such-flag']],
  ])('gives the same exit code and output as the binary for %j', async (args) => {
    const [inProcess, spawned] = await Promise.all([runInProcess(args), runCli(args)]);
    expect(inProcess).toEqual(spawned);
  });
});
