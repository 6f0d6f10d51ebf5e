import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { markdownSection } from '../../src/render/escape.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

describe('answers files: long text and encodings', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let base: Record<string, unknown> = {};
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    // new lints what it writes: with the project's e-mail signature, the example leaves nothing to report.
    const signature = { en: 'The Relata team', de: 'Ihr Relata-Team' };
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify({ notice: { signature } }));
    base = parseYaml(await readFile(join(ROOT, 'examples/answers/crm-release-rollback.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
  });
  afterAll(() => cleanup());

  async function written(folder: string): Promise<string> {
    const [name] = await readdir(join(folder, 'postmortems'));
    return readFile(join(folder, 'postmortems', name!), 'utf8');
  }

  it('keeps paragraphs and lists of section answers, but never lets them open a section', async () => {
    const folder = join(dir, 'multi');
    const answers = {
      ...base,
      summary: 'Para one.\n\nPara two with a list:\n\n- a\n- b\n',
      detection: 'The alert fired.\n## Impact\nNot a section.',
    };
    await writeFile(join(dir, 'multi.json'), JSON.stringify(answers));
    const result = await runInProcess(
      ['new', '--answers', join(dir, 'multi.json'), '--dir', join(folder, 'postmortems')],
      {
        cwd: dir,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await written(folder);
    expect(text).toContain('Para one.\n\nPara two with a list:\n\n- a\n- b\n');
    expect(text.match(/^## Impact$/gm)).toHaveLength(1);
    expect(text).toContain('\\## Impact');
    const { postmortem, problems } = parsePostmortem(text, 'x.md');
    expect(problems).toEqual([]);
    expect(checkPostmortem(postmortem, { idMatchesFileName: false }, 'warning')).toEqual([]);
  });

  it('reads a JSON answers file that starts with a byte-order mark', async () => {
    const folder = join(dir, 'bom');
    await writeFile(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(base)}`);
    const result = await runInProcess(
      ['new', '--answers', join(dir, 'bom.json'), '--dir', join(folder, 'postmortems')],
      {
        cwd: dir,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await written(folder)).toMatch(/^---\n/);
  });

  it.each([
    ['# Heading', '\\# Heading'],
    ['text\n---', 'text\n\\---'],
    ['text\n===', 'text\n\\==='],
    ['- item\n- item', '- item\n- item'],
    ['a `code` and **bold**', 'a `code` and **bold**'],
    ['  ### indented', '  \\### indented'],
    ['#hashtag', '#hashtag'],
  ])('markdownSection(%j) = %j', (input, expected) => {
    expect(markdownSection(input)).toBe(expected);
  });
});
