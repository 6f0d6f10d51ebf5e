import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError } from '../../src/render/engine.js';
import { runInProcess, tempDir } from '../helpers/cli.js';

const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';

describe('--templates must name an existing folder', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await writeFile(join(dir, 'a-file.hbs'), '{{title}}');
  });
  afterAll(() => cleanup());

  it.each([
    ['does-not-exist', 'found no such folder'],
    ['a-file.hbs', 'found a file'],
  ])('renderTemplate refuses %s', async (name, found) => {
    const attempt = renderTemplate('postmortem.md.hbs', {}, { templatesDir: join(dir, name) });
    await expect(attempt).rejects.toBeInstanceOf(TemplateError);
    await expect(attempt).rejects.toThrow(`${join(dir, name)}: expected a templates folder for --templates, ${found}`);
  });

  it.each([
    ['render', 'does-not-exist'],
    ['render', 'a-file.hbs'],
    ['notice', 'does-not-exist'],
    ['notice', 'a-file.hbs'],
  ])('%s --templates %s exits 2 with the path and prints nothing', async (command, name) => {
    const zone = command === 'notice' ? ['--timezone', 'UTC'] : [];
    const result = await runInProcess([command, EXAMPLE, ...zone, '--templates', join(dir, name)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${join(dir, name)}: expected a templates folder for --templates`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('compiled templates are reused only while their files are unchanged', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, 'partials'));
  });
  afterAll(() => cleanup());

  it('renders an edited template, an edited partial and a new partial afresh in the same process', async () => {
    const render = () => renderTemplate('page.hbs', { title: 'T' }, { templatesDir: dir });
    await writeFile(join(dir, 'page.hbs'), 'one {{title}} {{> part}}');
    await writeFile(join(dir, 'partials', 'part.hbs'), 'p1');
    expect(await render()).toBe('one T p1');
    expect(await render()).toBe('one T p1');
    await writeFile(join(dir, 'page.hbs'), 'two {{title}} {{> part}} {{> extra}}');
    await writeFile(join(dir, 'partials', 'extra.hbs'), 'x');
    expect(await render()).toBe('two T p1 x');
    await writeFile(join(dir, 'partials', 'part.hbs'), 'p2');
    expect(await render()).toBe('two T p2 x');
  });
});
