import { chmod, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { replaceStatus } from '../../src/lifecycle/status.js';
import { runInProcess } from '../helpers/cli.js';
import { EXAMPLE_NAME as NAME, exampleFolder } from '../helpers/example-folder.js';

// `status` reads and changes the value with the YAML parser the model reads with: every valid way
// of writing the value is read as the model reads it, and a change replaces only the value's own
// characters, or is refused (naming file:line:col) when a one-word value would change its meaning.

const example = exampleFolder('postmortem-status-value-');

const front = (lines: string) => `---\nid: x\n${lines}\ntitle: T\n---\n\nBody.\n`;
const statusOf = (text: string) => parsePostmortem(text, 'x.md').postmortem.data.status;

describe('replaceStatus', () => {
  it.each([
    ['status: draft', 'status: final'],
    ['status: !!str in-review', 'status: !!str final'],
    ['status: !<tag:yaml.org,2002:str> in-review', 'status: !<tag:yaml.org,2002:str> final'],
    ['status: &s in-review', 'status: &s final'],
    ["status:   'in-review'   # set by new", 'status:   final   # set by new'],
    ['status: "in\\x2Dreview"', 'status: final'],
    ['status: in-\n  review', 'status: final'],
    ['status:', 'status: final'],
    ['status: !!str', 'status: !!str final'],
    ['status: ~ # none yet', 'status: final # none yet'],
    ['notice:\n  status: { en: Resolved }\nstatus: draft', 'notice:\n  status: { en: Resolved }\nstatus: final'],
  ])('%j becomes %j, every other byte kept', (before, after) => {
    const changed = replaceStatus(front(before), 'final');
    expect(changed).toBe(front(after));
    expect(statusOf(changed as string)).toBe('final');
  });

  it.each([
    ['status: >-\n  in-review', 'x.md:3:9', 'a block scalar (`|` or `>`)'],
    ['status: |\n  draft', 'x.md:3:9', 'a block scalar (`|` or `>`)'],
    ['a: &s draft\nstatus: *s', 'x.md:4:9', 'an alias (`*s`)'],
    ['status: &s draft\ntags: [*s]', 'x.md:3:12', 'an anchor (`&s`) that other values refer to'],
    ['status: [draft]', 'x.md:3:9', 'a collection'],
    ['status: { s: draft }', 'x.md:3:9', 'a collection'],
    ['status: !!int 1', 'x.md:3:15', 'a value tagged `tag:yaml.org,2002:int`'],
  ])('%j is refused at %s: %s', (lines, where, found) => {
    expect(() => replaceStatus(front(lines), 'final', 'x.md')).toThrow(
      `${where}: status: Expected a plain value such as \`status: draft\`, found ${found};`,
    );
  });

  it('keeps CRLF line ends and a byte order mark', () => {
    const text = '\uFEFF---\r\nid: x\r\nstatus: !!str draft # c\r\n---\r\n\r\nstatus: body\r\n';
    expect(replaceStatus(text, 'final')).toBe(
      '\uFEFF---\r\nid: x\r\nstatus: !!str final # c\r\n---\r\n\r\nstatus: body\r\n',
    );
  });
});

describe('postmortem status with unusual YAML', () => {
  const { file } = example;

  it.each(['!!str in-review', '&s in-review', '"in-review"'])('reads and changes `status: %s`', async (value) => {
    const text = example.original.replace('\nstatus: final\n', `\nstatus: ${value}\n`);
    const path = await file(text);
    expect(await runInProcess(['status', NAME], { cwd: example.dir })).toMatchObject({
      code: 0,
      stdout: 'in-review\n',
    });
    const result = await runInProcess(['status', NAME, 'final'], { cwd: example.dir });
    expect(result).toMatchObject({ code: 0, stdout: `${NAME}: in-review → final\n` });
    const changed = await readFile(path, 'utf8');
    expect(changed).toBe(
      example.original.replace('\nstatus: final\n', `\nstatus: ${value.replace(/"?in-review"?/, 'final')}\n`),
    );
  });

  it('refuses a folded status, naming where, and leaves the file as it was', async () => {
    const text = example.original.replace('\nstatus: final\n', '\nstatus: >-\n  in-review\n');
    const path = await file(text);
    expect(await runInProcess(['status', NAME], { cwd: example.dir })).toMatchObject({
      code: 0,
      stdout: 'in-review\n',
    });
    const result = await runInProcess(['status', NAME, 'final'], { cwd: example.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${NAME}:4:9: status: Expected a plain value such as \`status: draft\`, found a block scalar`,
    );
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('writes a symlinked postmortem through its link, keeping the link and the mode', async () => {
    await mkdir(join(example.dir, 'store'));
    const target = join(example.dir, 'store', NAME);
    await writeFile(target, example.original);
    await chmod(target, 0o640);
    await symlink(join('store', NAME), join(example.dir, NAME));
    const result = await runInProcess(['status', NAME, 'in-review'], { cwd: example.dir });
    expect(result).toMatchObject({ code: 0, stdout: `${NAME}: final → in-review\n` });
    expect((await lstat(join(example.dir, NAME))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(example.dir, NAME))).toBe(join('store', NAME));
    expect(await readFile(target, 'utf8')).toBe(example.original.replace('\nstatus: final\n', '\nstatus: in-review\n'));
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });
});
