import { describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.js';

// The in-process runner must see what the binary sees, or tests that use it prove nothing.
describe('runInProcess', () => {
  it.each([
    [['--version'], {}],
    [['lint', 'examples'], {}],
    [['render', 'examples/2018-05-15-crm-release-rollback-failed.md'], {}],
    [['no-such-command'], {}],
    [['lint', '--no-such-flag'], {}],
    // The colour decision: runInProcess must make the one the binary makes.
    [['render', 'no-such-file.md'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
    [['--no-color', 'render', 'no-such-file.md'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
  ])('gives the same exit code and output as the binary for %j %j', async (args, env: NodeJS.ProcessEnv) => {
    const [inProcess, spawned] = await Promise.all([runInProcess(args, { env }), runCli(args, { env })]);
    expect(inProcess).toEqual(spawned);
  });
});
