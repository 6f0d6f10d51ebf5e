import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostmortem, type ActionItemsTable } from '../../src/model/index.js';
import { readStatsSource, type StatsSource } from '../../src/stats/read.js';
import { ROOT } from '../helpers/cli.js';

const examples = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => [f, readFileSync(join(ROOT, 'examples', f), 'utf8')] as const);

const fenced = (text: string) =>
  text.replace(
    '## Action items',
    '## Notes\n\n```md\n## Action items\n\n| Action |\n| --- |\n| fake |\n```\n\n## Action items',
  );

/** Variants that must take other paths through the reader, each compared with the full parser. */
const variants: Array<readonly [string, string]> = examples.flatMap(([name, text]) => [
  [name, text],
  [`${name} (CRLF)`, text.replace(/\n/g, '\r\n')],
  [`${name} (a fenced heading before the table)`, fenced(text)],
  [`${name} (a comment in the body)`, text.replace('## Summary', '<!-- note -->\n\n## Summary')],
  [`${name} (a byte order mark)`, `\uFEFF${text}`],
  [`${name} (no action items)`, text.replace(/## Action items[\s\S]*?(?=## Lessons)/, '')],
]);

/** The table with each row's cells cut down to `columns`, as the stats reader keeps them. */
const onlyColumns = (table: ActionItemsTable | null, columns: readonly string[]) =>
  table && {
    ...table,
    rows: table.rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(Object.entries(row.cells).filter(([key]) => columns.includes(key))),
    })),
  };

const FIGURE_COLUMNS = ['type', 'status', 'due', 'owner'];

const USED = ['id', 'severity', 'services', 'started', 'detected', 'mitigated', 'resolved', 'impact', 'root_causes'];

describe('the stats reader agrees with the full parser', () => {
  it.each(variants)('%s', async (_name, text) => {
    const source = (await readStatsSource('x.md', Buffer.from(text))) as StatsSource;
    const full = parsePostmortem(text, 'x.md').postmortem;
    expect('message' in source).toBe(false);
    for (const key of USED) expect(source.data[key], key).toEqual(full.data[key]);
    expect(source.actionItems).toEqual(onlyColumns(full.actionItems, FIGURE_COLUMNS));
    const withTexts = (await readStatsSource('x.md', Buffer.from(text), true)) as StatsSource;
    expect(withTexts.actionItems).toEqual(onlyColumns(full.actionItems, [...FIGURE_COLUMNS, 'action', 'ticket']));
    for (const key of USED) expect(source.keyLines.get(key), key).toBe(full.keys.get(key)?.key.line);
  });

  it('leaves a front matter it does not understand to the full parser, which reports its problem', async () => {
    const text = '---\n"id": x\nseverity: [SEV1\n---\n';
    expect(await readStatsSource('x.md', Buffer.from(text))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^Expected valid YAML in the front matter/) as unknown,
    });
  });

  // The fast path once handed only the keys stats uses to a YAML parser: a broken notice block was counted.
  it.each([
    ['a broken flow list in the notice', 'notice:\n  headline: [unclosed\n'],
    ['a duplicate key stats does not use', 'tags: [a]\ntags: [b]\n'],
  ])('reports %s as every command does', async (_name, extra) => {
    const text = readFileSync(join(ROOT, 'examples', examples[0]![0]), 'utf8').replace(/\n---\n/, `\n${extra}---\n`);
    const full = parsePostmortem(text, 'x.md').problems[0];
    expect(full?.message).toMatch(/^Expected valid YAML in the front matter/);
    expect(await readStatsSource('x.md', Buffer.from(text))).toMatchObject({
      message: full?.message,
      line: full?.line,
      column: full?.column,
    });
  });

  it('reports bytes that are not UTF-8 as the full parser does', async () => {
    const bytes = Buffer.concat([Buffer.from('---\nid: x\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]);
    expect(await readStatsSource('x.md', bytes)).toMatchObject({
      line: 1,
      message: expect.stringMatching(/not valid UTF-8/) as unknown,
    });
  });

  it('reads a quoted key through the full parser', async () => {
    const source = (await readStatsSource('x.md', Buffer.from('---\n"severity": SEV2\n---\n'))) as StatsSource;
    expect(source.data.severity).toBe('SEV2');
  });
});
