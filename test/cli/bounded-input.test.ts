import { execFile, execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// Every file a command reads as input goes through the bounded reader: a FIFO or a device is
// refused at once (exit 2, the file named), never waited on or read without end. A hang fails
// the test by its timeout instead of blocking the run.
const TIMEOUT = 15_000;
const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
const ANSWERS = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const fifos: string[] = [];
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-bounded-'));
});
afterEach(async () => {
  // A reader still blocked on a FIFO (the bug) is released, so a failing test cannot hang the run.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader is waiting.
    }
  }
  await cleanup();
});

async function fifoAt(path: string): Promise<string> {
  await promisify(execFile)('mkfifo', [path]);
  fifos.push(path);
  return path;
}

describe('single-file commands on a FIFO', () => {
  it.each([
    ['render', (f: string) => ['render', f]],
    ['notice', (f: string) => ['notice', f]],
    ['status', (f: string) => ['status', f]],
    ['status (change)', (f: string) => ['status', f, 'final']],
    ['publish', (f: string) => ['publish', f, '--site', 'site', '--no-commit']],
  ])(
    '%s refuses it promptly with exit 2 and names it',
    async (_name, args) => {
      execFileSync('git', ['init', '-q', join(dir, 'site')]);
      await writeFile(join(dir, 'site', '_config.yml'), 'title: Status\n');
      await fifoAt(join(dir, 'pm.md'));
      const result = await runInProcess(args('pm.md'), { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('pm.md');
      expect(result.stderr).toContain('a FIFO (named pipe)');
    },
    TIMEOUT,
  );

  it(
    'new --answers refuses a FIFO answers file',
    async () => {
      await fifoAt(join(dir, 'answers.yaml'));
      const result = await runInProcess(['new', '--answers', 'answers.yaml'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('answers.yaml');
      expect(result.stderr).toContain('a FIFO (named pipe)');
    },
    TIMEOUT,
  );

  it(
    'new --resume refuses a FIFO draft, naming it',
    async () => {
      await mkdir(join(dir, '.postmortem', 'drafts'), { recursive: true });
      await fifoAt(join(dir, '.postmortem', 'drafts', 'stuck.json'));
      const result = await runInProcess(['new', '--resume', 'stuck', '--answers', ANSWERS], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(join('.postmortem', 'drafts', 'stuck.json'));
      expect(result.stderr).toContain('a FIFO (named pipe)');
    },
    TIMEOUT,
  );

  it.each(['.postmortemrc.json', 'package.json'])(
    'a config file %s that is a FIFO is refused by render and lint',
    async (name) => {
      await copyFile(EXAMPLE, join(dir, 'pm.md'));
      await fifoAt(join(dir, name));
      for (const args of [
        ['render', 'pm.md'],
        ['lint', 'pm.md'],
      ]) {
        const result = await runInProcess(args, { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(name);
        expect(result.stderr).toContain('a FIFO (named pipe)');
      }
    },
    TIMEOUT,
  );

  it(
    'render --templates refuses a template override that is a FIFO',
    async () => {
      await copyFile(EXAMPLE, join(dir, 'pm.md'));
      await mkdir(join(dir, 'tpl'));
      await fifoAt(join(dir, 'tpl', 'postmortem.md.hbs'));
      const result = await runInProcess(['render', 'pm.md', '--templates', 'tpl'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('postmortem.md.hbs');
      expect(result.stderr).toContain('a FIFO (named pipe)');
    },
    TIMEOUT,
  );
});

describe('a symbolic link to /dev/zero', () => {
  it.each([
    ['render', ['render', 'pm.md'], 'pm.md'],
    ['status', ['status', 'pm.md'], 'pm.md'],
    ['new --answers', ['new', '--answers', 'pm.md'], 'pm.md'],
    ['a config', ['render', 'real.md', '--config', 'pm.md'], 'pm.md'],
  ])(
    '%s refuses it promptly with exit 2 and names it',
    async (_name, args, shown) => {
      await copyFile(EXAMPLE, join(dir, 'real.md'));
      await symlink('/dev/zero', join(dir, 'pm.md'));
      const result = await runInProcess(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(shown);
      expect(result.stderr).toContain('a character device');
    },
    TIMEOUT,
  );

  it(
    'a config file found by the search (.postmortemrc.json) is refused, not read without end',
    async () => {
      await copyFile(EXAMPLE, join(dir, 'pm.md'));
      await symlink('/dev/zero', join(dir, '.postmortemrc.json'));
      const result = await runInProcess(['render', 'pm.md'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('.postmortemrc.json');
      expect(result.stderr).toContain('a character device');
    },
    TIMEOUT,
  );
});

describe('a file over the size limit', () => {
  it(
    'render refuses a 6 MB postmortem with exit 2, naming it and the limit',
    async () => {
      await writeFile(join(dir, 'big.md'), 'x'.repeat(6 * 1024 * 1024));
      const result = await runInProcess(['render', 'big.md'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('big.md');
      expect(result.stderr).toContain('5 MB');
    },
    TIMEOUT,
  );
});
