import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesMatching, proseLines, proseLinesAt } from '../../src/lint/prose.js';
import { parsePostmortem } from '../../src/model/parse.js';
import { ROOT } from '../helpers/cli.js';
import { lintText } from '../../src/lint/engine.js';
import { onlyRule } from './fixtures.js';

function postmortem(source: string) {
  const { postmortem: pm } = parsePostmortem(source, 'x.md');
  if (!pm) throw new Error('expected a postmortem');
  return pm;
}

const SOURCE = [
  '---',
  'id: 2024-01-01-x',
  'title: "TODO: a title"',
  '---',
  '',
  '## Summary',
  '',
  'The deploy `failed to check` the flag <!-- forgot',
  'still a comment --> and Jan forgot the flag.',
  '',
  '```',
  'Jan forgot it in code',
  '```',
  '',
  '    indented: Jan forgot',
  '',
  'Last line\r',
  '',
].join('\n');

describe('proseLinesAt', () => {
  it('gives the prose lines among the numbers asked for, as proseLines has them', () => {
    const pm = postmortem(SOURCE);
    const all = proseLines(postmortem(SOURCE));
    const numbers = new Set([1, 3, 8, 9, 12, 15, 17, 99]);
    expect(proseLinesAt(pm, numbers)).toEqual(all.filter((l) => numbers.has(l.line)));
    // Line 1 is the fence of the front matter, 12 fenced and 15 indented code, 99 past the end.
    expect(proseLinesAt(pm, numbers).map((l) => l.line)).toEqual([3, 8, 9, 17]);
    expect(proseLinesAt(pm, numbers).map((l) => l.text)).toEqual([
      'title: "TODO: a title"',
      `The deploy ${' '.repeat('`failed to check`'.length)} the flag ${' '.repeat('<!-- forgot'.length)}`,
      `${' '.repeat('still a comment -->'.length)} and Jan forgot the flag.`,
      'Last line',
    ]);
    expect(proseLinesAt(pm, new Set())).toEqual([]);
  });

  it('agrees with proseLines on every line of every fixture and example', () => {
    const dirs = [
      join(ROOT, 'examples'),
      ...['blameless-language', 'no-placeholder'].map((r) => join(ROOT, 'test/fixtures/lint', r)),
    ];
    let files = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        const source = readFileSync(join(dir, name), 'utf8');
        const lines = source.split('\n').map((_l, i) => i + 1);
        expect(proseLinesAt(postmortem(source), new Set(lines)), name).toEqual(proseLines(postmortem(source)));
        files++;
      }
    }
    expect(files).toBeGreaterThan(20);
  });
});

describe('linesMatching', () => {
  it('gives each line in which a global pattern matches, once', () => {
    expect([...linesMatching('a forgot forgot\nb\nforgot\n\nx forgot', /forgot/gi)]).toEqual([1, 3, 5]);
    expect([...linesMatching('nothing here\n', /forgot/gi)]).toEqual([]);
    expect([...linesMatching('FORGOT', /forgot/gi)]).toEqual([1]);
  });
});

describe('blameless-language looks at the source first and finds what it found in the prose', () => {
  it('finds a person as subject where the blank after "hat" was a code span in the source', () => {
    // The prose blanks `x` to spaces, so "hat " is in the prose but not in the source as written.
    const source = '---\nid: x\nauthors:\n  - Jan Berger\n---\n\n## Summary\n\nJan hat`x` die Sache vergessen.\n';
    const messages = lintText(source, 'x.md', onlyRule('blameless-language')).result.messages;
    expect(messages.map((m) => [m.line, m.column, m.message])).toEqual([
      [9, 1, 'Expected the system as the subject of a failure, found a person: "Jan hat    die Sache vergessen".'],
    ]);
  });
});
