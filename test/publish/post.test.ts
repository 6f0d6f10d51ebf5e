import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cstateSeverity, detectFlavor, slugOf } from '../../src/publish/flavors.js';
import { recordedPostmortemId, stringifyPost } from '../../src/publish/publish.js';
import { tempDir } from '../helpers/cli.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('post front matter', () => {
  it('quotes timestamps and keeps hostile text as YAML text', () => {
    const text = stringifyPost(
      { title: 'a: "b" # c\n---', date: '2018-05-15 14:02:00 +0200', draft: false, postmortem_id: 'x' },
      'Body\n',
    );
    expect(text).toContain('date: "2018-05-15 14:02:00 +0200"\n');
    expect(text.endsWith('---\n\nBody\n')).toBe(true);
    expect(recordedPostmortemId(text)).toBe('x');
  });

  it.each([
    ['---\npostmortem_id: 2018-05-15-a\n---\n\nx', '2018-05-15-a'],
    ['---\ntitle: hand-written\n---\n', null],
    ['no front matter', null],
    ['---\n: : [broken\n---\n', null],
    ['---\npostmortem_id: 42\n---\n', null],
  ])('recordedPostmortemId(%j) = %s', (text, id) => {
    expect(recordedPostmortemId(text)).toBe(id);
  });

  it.each([
    ['SEV1', 'down'],
    ['SEV2', 'disrupted'],
    ['SEV3', 'notice'],
    ['SEV4', 'notice'],
  ])('cState severity of %s is %s', (severity, expected) => {
    expect(cstateSeverity(severity)).toBe(expected);
  });

  it('slugOf drops the date', () => {
    expect(slugOf('2018-05-15-crm-release')).toBe('crm-release');
  });
});

describe('detectFlavor', () => {
  it.each([
    [{ '_config.yml': 'title: x\n' }, 'jekyll'],
    [{ 'hugo.toml': 'title = "x"\n' }, 'hugo'],
    [{ 'config.toml': 'title = "x"\n' }, 'hugo'],
    [{ 'hugo.yaml': 'title: x\n' }, 'hugo'],
    [{ 'config.yml': 'theme: cstate\n' }, 'cstate'],
    [{ 'themes/cstate/theme.toml': 'name = "cState"\n' }, 'cstate'],
    [{ 'content/issues/a.md': '' }, 'cstate'],
    [{ 'README.md': '# x\n' }, null],
  ])('%j -> %s', async (files, expected) => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    expect(await detectFlavor(dir)).toBe(expected);
  });
});
