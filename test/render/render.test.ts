import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Heading, Root, Table } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { renderPostmortem } from '../../src/render/postmortem.js';
import { escapeMarkdownInline, markdownTableCell } from '../../src/render/escape.js';
import { examples } from '../helpers/examples.js';
import { runInProcess, tempDir } from '../helpers/cli.js';

function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

const example = examples().find((e) => e.name.includes('carshare')) ?? examples()[0]!;

describe('renderPostmortem', () => {
  it('renders an example (snapshot)', async () => {
    const { postmortem } = parsePostmortem(example.text, example.path);
    const out = await renderPostmortem(postmortem);
    await expect(out).toMatchFileSnapshot(`__snapshots__/${example.name}`);
  });

  it('puts the header facts and every section in order', async () => {
    const { postmortem } = parsePostmortem(example.text, example.path);
    const out = await renderPostmortem(postmortem);
    const tree = parseMarkdown(out);
    const h2 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 2);
    const titles = h2.map((h) => (h.children[0] as { value: string }).value);
    expect(titles).toEqual(postmortem.sections.filter((s) => s.depth === 2).map((s) => s.title));
    for (const fact of [
      'Severity',
      'Status',
      'Started',
      'Duration of customer impact',
      'Time to detect',
      'Time to resolve',
      'Customers affected',
      'Data loss',
    ]) {
      expect(out).toContain(`**${fact}**`);
    }
  });
});

describe('escaping user text for Markdown', () => {
  const hostile = `---
id: 2017-09-21-escape
title: "Checkout *down* for <b>all</b> | users"
status: final
severity: SEV2
authors: [ana]
services: [checkout]
started: "2017-09-21T14:02:00+02:00"
detected: "2017-09-21T14:04:00+02:00"
mitigated: "2017-09-21T15:00:00+02:00"
resolved: "2017-09-21T16:00:00+02:00"
impact: { customers_affected: 1200, data_loss: false, description: "# not a heading" }
root_causes:
  - category: configuration
    summary: "# Not a heading either | and not a cell"
---

## Summary

Text.

## Impact

Text.

## Timeline

- 2017-09-21 14:02 +02:00 — Deploy
- 2017-09-21 14:04 +02:00 — Alert
- 2017-09-21 15:00 +02:00 — Mitigated
- 2017-09-21 16:00 +02:00 — Resolved

## Root cause

Text.

## Detection

Text.

## Resolution

Text.

## Action items

| Action | Type | Owner | Due | Status |
|---|---|---|---|---|
| Split the a \\| b flag | prevent | sre | 2017-10-01 | open |

## Lessons learned

### What went well

Text.

### What went wrong

Text.

### Where we got lucky

Text.
`;

  let out = '';
  let tree: Root;
  beforeAll(async () => {
    const { postmortem, problems } = parsePostmortem(hostile, '2017-09-21-escape.md');
    expect(problems).toEqual([]);
    expect(checkPostmortem(postmortem, {}, 'warning').filter((p) => p.severity === 'error')).toEqual([]);
    out = await renderPostmortem(postmortem);
    tree = parseMarkdown(out);
  });

  it('keeps a | in an action item inside its cell', () => {
    const tables = tree.children.filter((n): n is Table => n.type === 'table');
    const actions = tables.find((t) => JSON.stringify(t.children[0]).includes('Action'))!;
    expect(actions.children[1]!.children).toHaveLength(5);
    expect(JSON.stringify(actions.children[1]!.children[0])).toContain('Split the a | b flag');
  });

  it('does not turn a leading # in a summary into a heading', () => {
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
    expect(headings.some((h) => JSON.stringify(h).includes('Not a heading'))).toBe(false);
    expect(headings.some((h) => JSON.stringify(h).includes('not a heading'))).toBe(false);
    expect(out).toContain('Not a heading either \\| and not a cell');
  });

  it('shows the title literally: no emphasis, no HTML', () => {
    const title = tree.children[0] as Heading;
    expect(title.children.map((c) => c.type)).toEqual(['text']);
    expect((title.children[0] as { value: string }).value).toBe('Checkout *down* for <b>all</b> | users');
  });

  it.each([
    ['# heading', '\\# heading'],
    ['1. first', '1\\. first'],
    ['a|b', 'a\\|b'],
    ['[link](x)', '\\[link\\](x)'],
    ['two\nlines', 'two lines'],
  ])('escapeMarkdownInline(%j) = %j', (input, expected) => {
    expect(escapeMarkdownInline(input)).toBe(expected);
  });

  it.each([
    ['a | b', 'a \\| b'],
    ['a \\| b', 'a \\| b'],
    ['`code` and **bold**', '`code` and **bold**'],
  ])('markdownTableCell(%j) = %j', (input, expected) => {
    expect(markdownTableCell(input)).toBe(expected);
  });
});

describe('postmortem render (the command, in-process)', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(() => cleanup());

  it('prints the rendered Markdown on stdout', async () => {
    const result = await runInProcess(['render', example.path]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { postmortem } = parsePostmortem(example.text, example.path);
    expect(result.stdout).toBe(await renderPostmortem(postmortem));
  });

  it('uses a team template folder: a whole template or a single partial', async () => {
    const templates = join(dir, 'team-templates');
    await mkdir(join(templates, 'partials'), { recursive: true });
    await writeFile(
      join(templates, 'partials', 'header.md.hbs'),
      'TEAM HEADER {{severity}} for {{customersAffected}} customers\n',
    );
    const partial = await runInProcess(['render', example.path, '--templates', templates]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/^TEAM HEADER SEV\d for [\d,]+ customers$/m);
    expect(partial.stdout).toContain('## Timeline');

    await writeFile(join(templates, 'postmortem.md.hbs'), '# Incident {{id}}\n\n{{> header}}');
    const whole = await runInProcess(['render', example.path, '--templates', templates]);
    expect(whole.stdout).toMatch(/^# Incident \d{4}-\d{2}-\d{2}-/);
    expect(whole.stdout).not.toContain('## Timeline');
  });

  it('reports a broken team template with its path and exit 2', async () => {
    const templates = join(dir, 'broken');
    await mkdir(templates, { recursive: true });
    await writeFile(join(templates, 'postmortem.md.hbs'), '{{#each sections}}unclosed');
    const result = await runInProcess(['render', example.path, '--templates', templates]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(templates, 'postmortem.md.hbs'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes --out atomically and refuses to overwrite without --force', async () => {
    const out = join(dir, 'out.md');
    expect((await runInProcess(['render', example.path, '--out', out])).code).toBe(0);
    const first = await readFile(out, 'utf8');
    expect(first).toMatch(/^# /);
    await writeFile(out, 'keep me');
    const again = await runInProcess(['render', example.path, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    // The message names the path as the user wrote it.
    const relative = await runInProcess(['render', example.path, '--out', 'out.md'], { cwd: dir });
    expect([relative.code, relative.stderr]).toEqual([
      2,
      'error out.md already exists; use --force to overwrite it.\n',
    ]);
    expect((await runInProcess(['render', example.path, '--out', out, '--force'])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(first);
  });

  it('refuses an invalid postmortem with file:line:col messages and exit 1', async () => {
    const bad = join(dir, '2017-09-21-bad.md');
    await writeFile(
      bad,
      example.text.replace(/^severity: .*$/m, 'severity: SEV9').replace(/^id: .*$/m, 'id: 2017-09-21-bad'),
    );
    const result = await runInProcess(['render', bad], { cwd: dir });
    expect(result.code).toBe(1);
    const line = example.text.split('\n').findIndex((l) => l.startsWith('severity:')) + 1;
    expect(result.stderr).toContain(
      `2017-09-21-bad.md:${line}:11 error Expected \`severity\` to be one of SEV1, SEV2, SEV3, SEV4, found "SEV9".`,
    );
    expect(result.stdout).toBe('');
  });

  it.each([
    ['empty', ''],
    ['no front matter', '# Title\n'],
    ['unclosed', '---\nid: x\n'],
    ['invalid YAML', '---\nid: [\n---\n'],
    ['binary', '\u0000\u0001\u0002\u0003'],
    [
      'an alias bomb',
      '---\na: &a [x,x,x,x,x,x,x,x,x,x]\n' +
        Array.from(
          { length: 9 },
          (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`,
        ).join('\n') +
        '\n---\n',
    ],
    ['a 1 MB file', `---\ntitle: [${'x'.repeat(1_048_576)}\n---\n`],
  ])('gives a clear message for %s input and exit 1', async (_name, text) => {
    const file = join(dir, 'hostile.md');
    await writeFile(file, text);
    const result = await runInProcess(['render', file], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hostile\.md:\d+:\d+ error Expected/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
