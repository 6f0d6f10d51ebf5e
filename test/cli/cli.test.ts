import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, runInProcess, tempDir, type CliResult } from '../helpers/cli.js';
import { examples } from '../helpers/examples.js';

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
// eslint-disable-next-line no-control-regex -- the escape character is what is looked for
const ANSI = /\u001b\[\d+m/;

describe('postmortem CLI shell', () => {
  // In-process where it can: the binary's own runs are below (closed pipes, colour, start-up cost,
  // which also checks its --version), and in-process.test.ts holds the two to the same output.
  it('prints help with the commands and exit codes', async () => {
    const result = await runInProcess(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: postmortem/);
    expect(result.stdout).toMatch(/render/);
    expect(result.stdout).toMatch(/Exit codes:/);
  });

  it('prints per-command help', async () => {
    const result = await runInProcess(['render', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: postmortem render \[options\] <file>/);
    expect(result.stdout).toMatch(/--templates <dir>/);
  });

  it.each([
    [['rendr', 'x.md'], /unknown command 'rendr'[\s\S]*Did you mean render\?/],
    [['render', '--bogus', 'x.md'], /unknown option '--bogus'/],
    [['render'], /missing required argument 'file'/],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('reports a missing file without a stack trace, exit 2', async () => {
    const result = await runInProcess(['render', 'no/such/file.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no\/such\/file\.md: no such file/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('path mistakes are usage problems, not internal errors', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await writeFile(join(dir, 'afile'), '');
    await mkdir(join(dir, 'adir'));
  });
  afterAll(() => cleanup());

  it.each([
    [['render', examples()[0]!.path, '--out', 'afile/x.md'], 'afile'],
    [['lint', examples()[0]!.path, '--output-file', 'adir'], 'adir'],
    [['new', '--answers', join(ROOT, 'examples/answers/crm-release-rollback.yaml'), '--dir', 'afile'], 'afile'],
    // The write fails on the temp file; the message names the file asked for.
    [['render', examples()[0]!.path, '--out', '/proc/postmortem-test.md'], '/proc/postmortem-test.md'],
  ])('%j names the path and exits 2', async (args, name) => {
    const result = await runInProcess(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(name.startsWith('/') ? `${name}: cannot` : join(dir, name));
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

/**
 * The binary's run of `args` into `| head -c 10` (bash), its output and exit code, and with `record`
 * the module URLs it resolved: the render run is also the start-up test's proof that render loads
 * the renderer, so that one run of it (0.7 s of CPU) serves both.
 */
async function piped(args: string[], record?: string): Promise<{ stdout: string; stderr: string; urls: string[] }> {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const recorder = join(ROOT, 'test/helpers/record-imports.mjs');
  const env = record ? { POSTMORTEM_IMPORT_LOG: record, NODE_OPTIONS: `--import=${recorder}` } : {};
  const { stdout, stderr } = await promisify(execFile)(
    'bash',
    ['-c', `node '${BIN}' ${quoted} | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`],
    { env: { ...process.env, ...env } },
  );
  return { stdout, stderr, urls: record ? (await readFile(record, 'utf8')).split('\n').filter(Boolean) : [] };
}

const RENDER = ['render', 'long.md'];
let renderDir: { dir: string; cleanup: () => Promise<void> } | undefined;
let renderRun: ReturnType<typeof piped> | undefined;
/**
 * The render run into a closed pipe, with its imports recorded; made once for the file. It renders
 * the first example with 2,000 lines added to its last section: about 175 KB of output, more than a
 * pipe holds (64 KiB), so the writer meets the closed pipe. The example alone (6 KB) fitted in the
 * pipe, and the test passed without the EPIPE handler.
 */
function pipedRender(): ReturnType<typeof piped> {
  return (renderRun ??= tempDir().then(async (made) => {
    renderDir = made;
    const lines = Array.from({ length: 2000 }, (_, i) => `- Graph ${i}: the web role's error rate, a point a minute.`);
    const long = join(made.dir, 'long.md');
    await writeFile(long, `${await readFile(examples()[0]!.path, 'utf8')}\n${lines.join('\n')}\n`);
    return piped(['render', long], join(made.dir, 'imports.log'));
  }));
}
afterAll(async () => renderDir?.cleanup());

describe('closed pipes', () => {
  it.each([
    [['--help'], () => piped(['--help'])],
    [RENDER, pipedRender],
  ])('%j | head -1 ends quietly with exit 0', async (_args, run) => {
    const { stdout, stderr } = await run();
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe('exit=0');
  });
});

describe('colour', () => {
  const args = ['render', 'no-such-file.md'];
  it('is off when stderr is not a TTY', async () => {
    expect((await runInProcess(args, { env: { NO_COLOR: undefined } })).stderr).not.toMatch(ANSI);
  });
  it('is on with FORCE_COLOR, off again with NO_COLOR or --no-color', async () => {
    expect((await runInProcess(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stderr).toMatch(ANSI);
    expect((await runInProcess(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stderr).not.toMatch(ANSI);
    expect(
      (await runInProcess(['--no-color', ...args], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stderr,
    ).not.toMatch(ANSI);
  });
  it('is on in a real terminal (script gives a pseudo-terminal) unless NO_COLOR is set', async () => {
    const run = promisify(execFile);
    const command = `node ${BIN} render no-such-file.md`;
    const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, TERM: 'xterm' };
    const tty = await run('script', ['-qec', command, '/dev/null'], { env }).catch((e: { stdout: string }) => e);
    expect(tty.stdout).toMatch(ANSI);
    const plain = await run('script', ['-qec', command, '/dev/null'], { env: { ...env, NO_COLOR: '1' } }).catch(
      (e: { stdout: string }) => e,
    );
    expect(plain.stdout).toMatch(/no such file/);
    expect(plain.stdout).not.toMatch(ANSI);
  });
});

describe('start-up cost', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(() => cleanup());

  /** The binary's run with `args`, and the module URLs it resolved. */
  async function importsOf(args: string[]): Promise<CliResult & { urls: string[] }> {
    const log = join(dir, `imports-${args.join('-').replace(/[^a-z]/gi, '')}.log`);
    const recorder = join(ROOT, 'test/helpers/record-imports.mjs');
    const result = await runCli(args, { env: { POSTMORTEM_IMPORT_LOG: log, NODE_OPTIONS: `--import=${recorder}` } });
    return { ...result, urls: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
  }

  it('--version prints the version from package.json and loads no module of the CLI (bin/postmortem.js answers it)', async () => {
    const { urls, ...result } = await importsOf(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(urls.filter((u) => /\/dist\/|handlebars|mdast|micromark|remark|inquirer|yaml|commander/.test(u))).toEqual(
      [],
    );
  });

  it('render does load the CLI and the renderer (the check above can fail)', async () => {
    // The closed-pipe test's run of render, which records its imports.
    const { urls } = await pipedRender();
    expect(urls.some((u) => u.includes('/dist/cli/main.js'))).toBe(true);
    expect(urls.some((u) => u.includes('handlebars'))).toBe(true);
    expect(urls.some((u) => u.includes('inquirer'))).toBe(false);
  });
});
