import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { List, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { renderPostmortem } from '../../src/render/postmortem.js';
import { examples } from '../helpers/examples.js';

function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** The text of a node, without its Markdown (mdast-util-to-string is not a dependency of ours). */
function toString(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(toString).join('') : '';
}

/** The top-level nodes between `## title` and the next level-2 heading. */
function sectionNodes(tree: Root, title: string): RootContent[] {
  const start = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && toString(n) === title);
  expect(start).toBeGreaterThan(-1);
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading' && n.depth === 2);
  return end === -1 ? rest : rest.slice(0, end);
}

const example = examples().find((e) => e.name.includes('crm-release-rollback-failed'))!;

/** The example with its Timeline and Action items sections replaced. */
function withSections(timeline: string, actionItems: string): string {
  const text = example.text
    .replace(/\n## Timeline\n[\s\S]*?(?=\n## )/, `\n## Timeline\n\n${timeline}\n`)
    .replace(/\n## Action items\n[\s\S]*?(?=\n## )/, `\n## Action items\n\n${actionItems}\n`);
  expect(text).toContain(timeline);
  expect(text).toContain(actionItems);
  return text;
}

async function render(text: string): Promise<Root> {
  const { postmortem, problems } = parsePostmortem(text, example.path);
  expect(problems).toEqual([]);
  expect(checkPostmortem(postmortem, {}, 'warning').filter((p) => p.severity === 'error')).toEqual([]);
  return parseMarkdown(await renderPostmortem(postmortem));
}

const TIMELINE = `All times are CEST.

- 2018-05-15 14:02 +02:00 — Release deployed
  - canary skipped because of the *freeze*
  - second note

  More about the release.
- 2018-05-15 14:04 +02:00 — Alert pages the on-call engineer
- 2018-05-15 14:31 +02:00 — Cache flushed; pages load again

Between the lists: the restart.

- 2018-05-15 16:34 +02:00 — Error rate back to baseline
- 2018-05-15 18:10 +02:00 — Incident closed

Times come from the chat log.`;

const ACTIONS = `Owners agreed these on May 16.

| Action | Type | Owner | Due | Status | Notes |
| --- | --- | --- | --- | --- | --- |
| Check config keys before release | prevent | release-eng | 2018-05-31 | done | see the review |
| Rehearse rollbacks | process | release-eng | 2018-06-30 | open | |

Reviewed weekly.

| Idea | Votes |
| --- | --- |
| Blue-green deploys | 3 |`;

describe('render keeps everything the author wrote in Timeline and Action items', () => {
  let tree: Root;
  beforeAll(async () => {
    tree = await render(withSections(TIMELINE, ACTIONS));
  });

  it('keeps paragraphs before, between and after the timeline lists, in order', () => {
    const nodes = sectionNodes(tree, 'Timeline');
    expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'list', 'paragraph', 'list', 'paragraph']);
    const paragraphs = nodes.filter((n): n is Paragraph => n.type === 'paragraph').map((p) => toString(p));
    expect(paragraphs).toEqual([
      'All times are CEST.',
      'Between the lists: the restart.',
      'Times come from the chat log.',
    ]);
    const lists = nodes.filter((n): n is List => n.type === 'list');
    expect(lists.map((l) => l.children.length)).toEqual([3, 2]);
  });

  it('keeps a sub-list and a further paragraph inside their timeline item', () => {
    const first = (sectionNodes(tree, 'Timeline')[1] as List).children[0]!;
    expect(first.children.map((n) => n.type)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(toString(first.children[0]!)).toBe('2018-05-15 14:02 +02:00 — Release deployed');
    expect((first.children[1] as List).children.map((c) => toString(c))).toEqual([
      'canary skipped because of the freeze',
      'second note',
    ]);
    expect(toString(first.children[2]!)).toBe('More about the release.');
  });

  it('renders every column of the table, the text around it and a second table', () => {
    const nodes = sectionNodes(tree, 'Action items');
    expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph', 'table']);
    expect(toString(nodes[0]!)).toBe('Owners agreed these on May 16.');
    const table = nodes[1] as Table;
    expect(table.children[0]!.children.map((c) => toString(c))).toEqual([
      'Action',
      'Type',
      'Owner',
      'Due',
      'Status',
      'Notes',
    ]);
    expect(table.children.map((r) => r.children.map((c) => toString(c)))).toEqual([
      ['Action', 'Type', 'Owner', 'Due', 'Status', 'Notes'],
      ['Check config keys before release', 'prevent', 'release-eng', '2018-05-31', 'done', 'see the review'],
      ['Rehearse rollbacks', 'process', 'release-eng', '2018-06-30', 'open', ''],
    ]);
    expect(toString(nodes[2]!)).toBe('Reviewed weekly.');
    expect((nodes[3] as Table).children.map((r) => r.children.map((c) => toString(c)))).toEqual([
      ['Idea', 'Votes'],
      ['Blue-green deploys', '3'],
    ]);
  });
});

describe('render keeps the columns as written', () => {
  it.each([
    ['without Ticket', '| Action | Type | Owner | Due | Status |', ['Action', 'Type', 'Owner', 'Due', 'Status']],
    [
      'with Ticket',
      '| Action | Type | Owner | Due | Status | Ticket |',
      ['Action', 'Type', 'Owner', 'Due', 'Status', 'Ticket'],
    ],
    ['in another order', '| Owner | Action | Due | Type | Status |', ['Owner', 'Action', 'Due', 'Type', 'Status']],
  ])('%s', async (_name, header, columns) => {
    const cells: Record<string, string> = {
      Action: 'Do it',
      Type: 'prevent',
      Owner: 'sre',
      Due: '2018-06-01',
      Status: 'open',
      Ticket: 'T-1',
    };
    const row = `| ${columns.map((c) => cells[c]).join(' | ')} |`;
    const table = `${header}\n|${' --- |'.repeat(columns.length)}\n${row}`;
    const tree = await render(withSections('- 2018-05-15 14:02 +02:00 — Release deployed', table));
    const nodes = sectionNodes(tree, 'Action items');
    expect(nodes.map((n) => n.type)).toEqual(['table']);
    expect((nodes[0] as Table).children[0]!.children.map((c) => toString(c))).toEqual(columns);
  });
});
