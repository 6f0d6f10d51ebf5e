import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { resolveSettings } from '../../src/lint/settings.js';
import { parsePostmortem } from '../../src/model/index.js';
import { checkPostmortem } from '../../src/lint/check.js';
import { examples } from '../helpers/examples.js';

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const defaults = resolveSettings(RULES, { path: null, config: {} }, [], new Date('2020-03-01T00:00:00Z'));

describe('CRLF line endings', () => {
  it.each(examples().map((e) => [e.name, e] as const))(
    '%s with CRLF parses, validates and lints like with LF',
    (_name, example) => {
      const lf = parsePostmortem(example.text, example.path);
      const { postmortem, problems } = parsePostmortem(crlf(example.text), example.path);
      expect(problems).toEqual([]);
      expect(checkPostmortem(postmortem, {}, 'warning')).toEqual([]);
      expect(postmortem.data).toEqual(lf.postmortem.data);
      expect(postmortem.keys).toEqual(lf.postmortem.keys);
      expect(postmortem.sections.map(({ title, line, endLine }) => [title, line, endLine])).toEqual(
        lf.postmortem.sections.map(({ title, line, endLine }) => [title, line, endLine]),
      );
      expect(postmortem.timeline).toEqual(lf.postmortem.timeline);
      expect(postmortem.actionItems).toEqual(lf.postmortem.actionItems);
      expect(lintText(crlf(example.text), example.path, defaults).result.messages).toEqual([]);
    },
  );

  it.each([
    ['a quoted value', 'title: "X"'],
    ['a single-quoted value', "title: 'X'"],
    ['a flow list', 'tags: [a, b]'],
    ['a flow map', 'impact: { customers_affected: 1, data_loss: false }'],
  ])('reads %s on the last front-matter line', (_name, last) => {
    const text = crlf(`---\nid: 2024-01-01-x\n${last}\n---\n\n## Summary\n\nText.\n`);
    const { postmortem, problems } = parsePostmortem(text, '2024-01-01-x.md');
    expect(problems).toEqual([]);
    expect(postmortem.keys.get('id')?.value).toMatchObject({ line: 2, column: 5 });
    expect(postmortem.data).toEqual(parsePostmortem(text.replace(/\r/g, ''), '2024-01-01-x.md').postmortem.data);
  });
});
