import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/stats/formats/actions.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { writeIncidents } from './fixture.js';

const run = promisify(execFile);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('postmortem-actions-')));
afterEach(() => cleanup());

const NOW = ['--now', '2023-06-01'];
const NASTY = `Stop "it" – don't run $(rm -rf ~) or \`id\`; echo $HOME & exit \\ ! *`;

async function folder(): Promise<string> {
  return writeIncidents(join(dir, 'pm'), [
    {
      id: '2023-01-10-cart',
      started: '2023-01-10T10:00:00Z',
      actions: [
        [NASTY, 'prevent', 'cart-team', '2023-02-01', 'open', ''],
        ['Alert on queue depth', 'detect', 'sre-team', '2023-07-01', 'in-progress', '-'],
        ['Write the runbook', 'process', 'sre-team', '2023-02-01', 'done', ''],
        ['Add capacity', 'mitigate', 'cart-team', '2023-03-01', 'open', 'CART-12'],
      ],
    },
  ]);
}

describe('postmortem actions', () => {
  it('lists every item by default, earliest due date first, marking the overdue ones', async () => {
    const r = await runInProcess(['actions', await folder(), ...NOW], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^due +status +type +owner +ticket +action +file$/);
    expect(lines[1]).toMatch(/^2023-02-01 ! +open +prevent +cart-team +– +Stop/);
    expect(lines[4]).toMatch(/^2023-07-01 +in-progress/);
    expect(r.stdout).toContain('4 items, 2 overdue on 2023-06-01 (marked !).');
  });

  it.each([
    [['--open'], ['2023-02-01:open', '2023-03-01:open', '2023-07-01:in-progress']],
    [['--overdue'], ['2023-02-01:open', '2023-03-01:open']],
    [['--open', '--overdue', '--now', '2023-02-15'], ['2023-02-01:open']],
  ])('filters with %j', async (args, expected) => {
    const r = await runInProcess(['actions', await folder(), '--format', 'json', ...NOW, ...args], { cwd: dir });
    const items = JSON.parse(r.stdout) as Array<{ due: string; status: string }>;
    expect(items.map((i) => `${i.due}:${i.status}`)).toEqual(expected);
  });

  it('prints gh issue create commands for items without a ticket that sh runs with the exact words', async () => {
    const r = await runInProcess(
      ['actions', await folder(), '--open', '--format', 'gh', '--repo', 'relata/crm', '--label', "it's", ...NOW],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const script = join(dir, 'issues.sh');
    await writeFile(script, r.stdout);
    // A stand-in `gh` that prints each argument on its own line: the script must never reach GitHub.
    const bin = join(dir, 'bin');
    await writeFile(
      join(dir, 'gh-args.js'),
      'for (const a of process.argv.slice(2)) console.log(JSON.stringify(a));\n',
    );
    await mkdir(bin);
    await writeFile(join(bin, 'gh'), `#!/bin/sh\nexec "${process.execPath}" "${join(dir, 'gh-args.js')}" "$@"\n`);
    await chmod(join(bin, 'gh'), 0o755);
    const { stdout } = await run('sh', [script], { cwd: dir, env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir } });
    const args = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string);
    // Two open items lack a ticket (the `-` counts as none); CART-12 has one.
    expect(args.filter((a) => a === 'issue')).toHaveLength(2);
    expect(args.slice(0, 6)).toEqual(['issue', 'create', '--repo', 'relata/crm', '--title', NASTY]);
    expect(args[6]).toBe('--body');
    expect(args[7]).toContain('Action item of the postmortem 2023-01-10-cart (pm/2023-01-10-cart.md, line ');
    expect(args[7]).toContain('- Due: 2023-02-01');
    expect(args.slice(8, 10)).toEqual(['--label', "it's"]);
    expect(args).toContain('Alert on queue depth');
    expect(args).not.toContain('Add capacity');
  });

  it.each([
    ['plain', `'plain'`],
    ["it's", `'it'\\''s'`],
    ['$(x) `y` "z"', `'$(x) \`y\` "z"'`],
  ])('shell-quotes %s', (text, quoted) => {
    expect(shellQuote(text)).toBe(quoted);
  });

  it('writes CSV with formulas defused', async () => {
    await writeIncidents(join(dir, 'pm'), [
      {
        id: '2023-01-10-csv',
        started: '2023-01-10T10:00:00Z',
        actions: [['=HYPERLINK("x")', 'detect', 'sre, team', '2023-02-01', 'open', '']],
      },
    ]);
    const r = await runInProcess(['actions', 'pm', '--format', 'csv', ...NOW], { cwd: dir });
    expect(r.stdout.split('\r\n')[1]).toBe(
      `2023-01-10-csv,pm/2023-01-10-csv.md,28,"'=HYPERLINK(""x"")",detect,"sre, team",2023-02-01,open,,true,true`,
    );
  });

  it('rejects a --repo that is not OWNER/NAME', async () => {
    const r = await runInProcess(['actions', join(ROOT, 'examples'), '--format', 'gh', '--repo', 'a b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--repo a b: expected OWNER/NAME');
  });
});
