import { Chalk } from 'chalk';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/load.js';
import { reportError } from '../../src/cli/exit.js';
import type { Io } from '../../src/cli/io.js';
import {
  FileExistsError,
  InputError,
  InterruptedError,
  PostmortemError,
  RuntimeError,
  UsageError,
} from '../../src/model/index.js';
import { TemplateError } from '../../src/render/engine.js';

function captureIo(): { io: Io; stderr: () => string } {
  let text = '';
  const sink = { write: (s: string) => (text += s) };
  const io: Io = {
    stdout: sink,
    stderr: sink,
    stdin: Readable.from([]),
    cwd: '/',
    env: {},
    color: new Chalk({ level: 0 }),
    errorColor: new Chalk({ level: 0 }),
  };
  return { io, stderr: () => text };
}

describe('error kinds become exit codes in one place', () => {
  it.each([
    [new UsageError('--x: expected y.'), 2],
    [new InputError('a.md:1:1: expected y.'), 1],
    [new RuntimeError('cannot read b.'), 2],
    [new InterruptedError(), 130],
    [new PostmortemError('plain kind', 'input'), 1],
  ])('%s exits %i and prints its message without a stack trace', (error, code) => {
    const { io, stderr } = captureIo();
    expect(reportError(error, io)).toBe(code);
    expect(stderr()).toBe(`error ${error.message}\n`);
  });

  it.each([
    ['ConfigError', new ConfigError('.postmortemrc.json: rules.x: expected a severity.')],
    ['TemplateError', new TemplateError('t.hbs: cannot compile')],
    ['FileExistsError', new FileExistsError('/abs/out.md', 'out.md')],
  ])('core error %s carries the runtime kind', (name, error) => {
    expect(error).toBeInstanceOf(PostmortemError);
    expect([error.name, error.kind]).toEqual([name, 'runtime']);
  });

  it('names an existing file as the user wrote it and says how to replace it', () => {
    expect(new FileExistsError('/abs/out.md', 'out.md').message).toBe(
      'out.md already exists; use --force to overwrite it.',
    );
    expect(new FileExistsError('/abs/out.md').path).toBe('/abs/out.md');
  });

  it('reports a failed file operation with its path and exit 2, anything else as a bug', () => {
    const fsError = Object.assign(new Error('EACCES: permission denied'), {
      code: 'EACCES',
      path: '/x/y.md',
      syscall: 'open',
    });
    const fs = captureIo();
    expect(reportError(fsError, fs.io)).toBe(2);
    expect(fs.stderr()).toBe(
      'error /x/y.md: cannot open it: permission denied. Check the path and run the command again.\n',
    );
    const bug = captureIo();
    expect(reportError(new TypeError('x is undefined'), bug.io)).toBe(2);
    expect(bug.stderr()).toMatch(/^internal error x is undefined\nThis is a bug in postmortem/);
  });
});
