import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceStatus } from '../../src/lifecycle/status.js';
import { runInProcess } from '../helpers/cli.js';
import { EXAMPLE_NAME as NAME, exampleFolder } from '../helpers/example-folder.js';

const example = exampleFolder('postmortem-status-');
const { file } = example;

describe('postmortem status', () => {
  it('prints the status', async () => {
    await file(example.original);
    const result = await runInProcess(['status', NAME], { cwd: example.dir });
    expect(result).toMatchObject({ code: 0, stdout: 'final\n' });
  });

  it('sets a status by changing only its value, atomically, keeping the mode', async () => {
    const path = await file(example.original, 0o640);
    const result = await runInProcess(['status', NAME, 'in-review'], { cwd: example.dir });
    expect(result).toMatchObject({ code: 0, stdout: `${NAME}: final → in-review\n` });
    expect(await readFile(path, 'utf8')).toBe(example.original.replace('\nstatus: final\n', '\nstatus: in-review\n'));
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    const again = await runInProcess(['status', NAME, 'in-review'], { cwd: example.dir });
    expect(again).toMatchObject({ code: 0, stdout: `${NAME}: already in-review\n` });
  });

  it('refuses final while the file has a placeholder, and leaves the file as it was', async () => {
    const draft = example.original
      .replace('\nstatus: final\n', '\nstatus: draft\n')
      .replace('## Detection\n', '## Detection\n\nTODO: who noticed first?\n');
    const path = await file(draft);
    const result = await runInProcess(['status', NAME, 'final'], { cwd: example.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^${NAME}:\\d+:\\d+ error Expected finished text in a final postmortem, found the placeholder "TODO"`),
    );
    expect(result.stderr).toContain('(no-placeholder)');
    expect(result.stderr).toContain('Status stays draft: final needs the problems above fixed first');
    expect(await readFile(path, 'utf8')).toBe(draft);
    // A draft may hold placeholders: in-review does not ask for finished text.
    expect((await runInProcess(['status', NAME, 'in-review'], { cwd: example.dir })).code).toBe(0);
  });

  it('refuses published without `resolved`, naming the rule', async () => {
    const draft = example.original.replace('\nstatus: final\n', '\nstatus: draft\n').replace(/\nresolved: .*\n/, '\n');
    await file(draft);
    const result = await runInProcess(['status', NAME, 'published'], { cwd: example.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(status-requirements)');
  });

  it('keeps CRLF line ends, a byte order mark, quotes and a comment', () => {
    const text = '\uFEFF---\r\nid: x\r\nstatus: "draft" # set by new\r\ntitle: T\r\n---\r\n\r\nstatus: body\r\n';
    expect(replaceStatus(text, 'final')).toBe(
      '\uFEFF---\r\nid: x\r\nstatus: final # set by new\r\ntitle: T\r\n---\r\n\r\nstatus: body\r\n',
    );
    expect(replaceStatus('---\nid: x\nnotice:\n  status: draft\n---\n', 'final')).toBeNull();
  });

  it.each([
    [['status', NAME, 'done'], 2, 'done: expected a status out of draft → in-review → final → published.'],
    [['status', 'missing.md'], 2, 'missing.md: no such file.'],
  ])('%j exits %i', async (args, code, message) => {
    await file(example.original);
    const result = await runInProcess(args, { cwd: example.dir });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('reports a file it cannot read as file:line:col and exits 1', async () => {
    await file('---\nid: [unclosed\n---\n\n# Nothing\n');
    const result = await runInProcess(['status', NAME, 'final'], { cwd: example.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${NAME}:\\d+:\\d+ error`));
  });

  it('reports a broken config as a configuration failure, exit 2, and leaves the file alone', async () => {
    await file(example.original);
    await writeFile(join(example.dir, 'broken.json'), '{ "rules": ');
    const result = await runInProcess(['status', NAME, 'draft', '--config', 'broken.json'], { cwd: example.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error .*broken\.json/m);
    expect(await readFile(join(example.dir, NAME), 'utf8')).toBe(example.original);
  });

  it('says what to add when the front matter has no status line', async () => {
    await file(example.original.replace('\nstatus: final\n', '\n'));
    const result = await runInProcess(['status', NAME, 'draft'], { cwd: example.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${NAME}: status: Expected a \`status:\` line in the front matter, found none`);
  });
});
