import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { renderPostmortem } from '../../src/render/postmortem.js';
import { markdownTableCell } from '../../src/render/escape.js';
import { examples } from '../helpers/examples.js';

function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

describe('markdownTableCell escapes every bare pipe, adjacent ones too', () => {
  it.each([
    ['a||b', 'a\\|\\|b'],
    ['a\\|\\|b', 'a\\|\\|b'],
    ['`a||b`', '`a\\|\\|b`'],
    ['|||', '\\|\\|\\|'],
    ['\\\\|', '\\\\\\|'],
    ['\\\\\\|', '\\\\\\|'],
    ['a|', 'a\\|'],
    ['a\\|', 'a\\|'],
    ['|a', '\\|a'],
    ['a \\ b | c', 'a \\ b \\| c'],
    ['no pipes', 'no pipes'],
  ])('markdownTableCell(%j) = %j', (input, expected) => {
    expect(markdownTableCell(input)).toBe(expected);
  });
});

describe('render keeps consecutive escaped pipes of an action item in their cell', () => {
  it("a row with `x \\|\\| y` and code `a\\|\\|b` stays one row of the table's width", async () => {
    const example = examples()[0]!;
    const source = example.text.replace(
      /(## Action items\n[\s\S]*?\|[-: |]+\|\n)\|[^\n]*?\|/,
      '$1| Treat x \\|\\| y and `a\\|\\|b` as a miss |',
    );
    expect(source).toContain('Treat x \\|\\| y');
    const { postmortem } = parsePostmortem(source, example.path);
    const out = await renderPostmortem(postmortem);
    const tables = parseMarkdown(out).children.filter((n): n is Table => n.type === 'table');
    const actions = tables.find((t) => JSON.stringify(t.children[0]).includes('"Action"'))!;
    const width = actions.children[0]!.children.length;
    for (const row of actions.children) expect(row.children).toHaveLength(width);
    const first = JSON.stringify(actions.children[1]!.children[0]);
    expect(first).toContain('Treat x || y and ');
    expect(first).toContain('"value":"a||b"');
  });
});
