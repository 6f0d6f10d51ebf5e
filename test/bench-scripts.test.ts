import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const run = promisify(execFile);

// The bench scripts drive the built CLI through its modules (dist/cli/run.js, processIo); a move or a
// changed signature there broke `npm run bench` twice without failing a test. A tiny run of each
// script that imports CLI modules keeps them working; the figures themselves are not checked here.
describe('bench scripts still drive the built CLI', () => {
  it('bench-timeline imports a small Slack export and prints its timing line', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'scripts', 'bench-timeline.mjs'), '--messages', '300', '--runs', '1'],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(stdout).toMatch(
      /^timeline: 300 Slack messages over 7 days -> [1-9]\d* printed lines \(exit 0\); median of 1 runs: /m,
    );
  });
});
