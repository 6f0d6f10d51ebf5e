import { describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.js';

// eslint-disable-next-line no-control-regex -- the escape character is what is looked for
const ANSI = /\u001b\[\d+m/;

// The in-process runner must see what the binary sees, or tests that use it prove nothing.
describe('runInProcess', () => {
  it.each([
    [['--version'], {}],
    [['lint', 'examples'], {}],
    [['render', 'examples/2018-05-15-crm-release-rollback-failed.md'], {}],
    [['no-such-command'], {}],
    [['lint', '--no-such-flag'], {}],
    [['--no-color', 'render', 'no-such-file.md'], { NO_COLOR: undefined, FORCE_COLOR: '1' }],
  ])('gives the same exit code and output as the binary for %j %j', async (args, env: NodeJS.ProcessEnv) => {
    const [inProcess, spawned] = await Promise.all([runInProcess(args, { env }), runCli(args, { env })]);
    expect(inProcess).toEqual(spawned);
  });

  // The colour decision: runInProcess must make the one the binary makes, which loads chalk only for it.
  it.each([
    ['on with FORCE_COLOR', { NO_COLOR: undefined, FORCE_COLOR: '1' }, true],
    ['off when no stream is a terminal', { NO_COLOR: undefined }, false],
  ])('colours as the binary does: %s', async (_name, env: NodeJS.ProcessEnv, coloured) => {
    const args = ['render', 'no-such-file.md'];
    const [inProcess, spawned] = await Promise.all([runInProcess(args, { env }), runCli(args, { env })]);
    expect(spawned.stderr).toMatch(/no such file/);
    expect(ANSI.test(spawned.stderr)).toBe(coloured);
    expect(inProcess).toEqual(spawned);
  });
});
