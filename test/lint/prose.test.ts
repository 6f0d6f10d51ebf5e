import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesHolding, linesMatching, proseLines, proseLinesAt } from '../../src/lint/prose.js';
import { parsePostmortem } from '../../src/model/parse.js';
import { ROOT } from '../helpers/cli.js';
import { lintText } from '../../src/lint/engine.js';
import { onlyRule } from './fixtures.js';

function postmortem(source: string) {
  const { postmortem: pm } = parsePostmortem(source, 'x.md');
  if (!pm) throw new Error('expected a postmortem');
  return pm;
}

/** The lines `numbers` of `source` as `linesMatching` gives them: line number to where the line starts. */
function at(source: string, numbers: Iterable<number>): Map<number, number> {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return new Map([...numbers].filter((n) => n <= starts.length).map((n) => [n, starts[n - 1] as number]));
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
    const numbers = at(SOURCE, [1, 3, 8, 9, 12, 15, 17, 99]);
    expect(proseLinesAt(pm, numbers)).toEqual(all.filter((l) => numbers.has(l.line)));
    // Line 1 is the fence of the front matter, 12 fenced and 15 indented code, 99 past the end.
    expect(proseLinesAt(pm, numbers).map((l) => l.line)).toEqual([3, 8, 9, 17]);
    expect(proseLinesAt(pm, numbers).map((l) => l.text)).toEqual([
      'title: "TODO: a title"',
      `The deploy ${' '.repeat('`failed to check`'.length)} the flag ${' '.repeat('<!-- forgot'.length)}`,
      `${' '.repeat('still a comment -->'.length)} and Jan forgot the flag.`,
      'Last line',
    ]);
    expect(proseLinesAt(pm, new Map())).toEqual([]);
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
        expect(proseLinesAt(postmortem(source), at(source, lines)), name).toEqual(proseLines(postmortem(source)));
        files++;
      }
    }
    expect(files).toBeGreaterThan(20);
  });

  it('reads a body without code, comments or indented lines line by line as proseLines does', () => {
    // No fence, comment or indented line: every line is prose, and only code spans are blanked.
    const plain = '---\nid: x\ntitle: `a` b\n---\n\n## Summary\n\nRan `make` and\r\n  - forgot it\n  \nend';
    const all = proseLines(postmortem(plain));
    expect(all.map((l) => l.text)).toContain('Ran        and');
    expect(
      proseLinesAt(
        postmortem(plain),
        at(
          plain,
          plain.split('\n').map((_l, i) => i + 1),
        ),
      ),
    ).toEqual(all);
  });
});

describe('proseLinesAt on indented lines', () => {
  // The all-prose test first searches for a tab and for four spaces at a line start; each way a line
  // can be indented code, and a tab that indents nothing, must still be told apart.
  it.each([
    ['a tab after two spaces', 'Para\n\n  \tcode: Jan forgot\n\nend', false],
    ['four spaces', 'Para\n\n    code: Jan forgot\n\nend', false],
    ['four spaces on the first body line', '    code: Jan forgot\n\nend', false],
    ['a tab inside a line', 'Para with a\ttab: Jan forgot\n\nend', true],
    ['three spaces', 'Para\n\n   list: Jan forgot\n\nend', true],
  ])('%s', (_name, body, allProse) => {
    const source = `---\nid: x\n---\n${body}`;
    const all = proseLines(postmortem(source));
    expect(all.some((l) => l.text.includes('Jan forgot'))).toBe(allProse);
    expect(
      proseLinesAt(
        postmortem(source),
        at(
          source,
          source.split('\n').map((_l, i) => i + 1),
        ),
      ),
    ).toEqual(all);
  });
});

describe('linesMatching', () => {
  it('gives each line in which a global pattern matches, once', () => {
    expect([...linesMatching('a forgot forgot\nb\nforgot\n\nx forgot', /forgot/gi)]).toEqual([
      [1, 0],
      [3, 18],
      [5, 26],
    ]);
    expect([...linesMatching('nothing here\n', /forgot/gi)]).toEqual([]);
    expect([...linesMatching('FORGOT', /forgot/gi)]).toEqual([[1, 0]]);
  });

  it('counts a match for the line of its last character, so a pattern may take the line end before what it looks for', () => {
    expect([...linesMatching('a\nforgot\nb forgot\nforgot', /[^a-z]forgot/gi)]).toEqual([
      [2, 2],
      [3, 9],
      [4, 18],
    ]);
    expect([...linesMatching('a\n\nb\n', /\n/g)]).toEqual([
      [1, 0],
      [2, 2],
      [3, 3],
    ]);
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

describe('blameless-language looks for its stems only at word starts', () => {
  it('still finds words that hold their stem inside and findings after punctuation, digits or an underscore', () => {
    const body = [
      'Der Ausfall war verschuldet.',
      'Das Team hat geschlampt.',
      'It was (blamed) on the network.',
      'Jan deployed it_without asking anyone.',
      'Jan deployed 2without asking anyone.',
      'Jan skipped the lazy-loading check.',
      'The default "forgot" nothing; unforgiving, ignoring.',
      'Human error, said the first draft.',
    ];
    const source = `---\nid: x\nauthors:\n  - Jan Berger\n---\n\n## Summary\n\n${body.join('\n')}\n`;
    const messages = lintText(source, 'x.md', onlyRule('blameless-language')).result.messages;
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [9, 17, 28],
      [10, 14, 24],
      [11, 9, 15],
      [12, 1, 31],
      [13, 1, 29],
      [14, 17, 21],
      [16, 1, 12],
    ]);
  });
});

describe('blameless-language tries its word pattern from the first stem at a word start', () => {
  it('finds phrases that start before their stem, and words spelt with "ſ" or the Kelvin sign', () => {
    const body = [
      'A long line first, then it was grob fahrlässig and at fault, and to blame, and a fat-finger.',
      // No stem of the built-in words at a word start: only "default" holds one, inside.
      'The ſloppy default was rolled out without a review.',
      'The default was changed without review by a \u212anown ſloppy script.',
    ];
    const source = `---\nid: x\n---\n\n## Summary\n\n${body.join('\n')}\n`;
    const messages = lintText(source, 'x.md', onlyRule('blameless-language')).result.messages;
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [7, 32, 47],
      [7, 52, 60],
      [7, 66, 74],
      [7, 82, 92],
      [8, 5, 11],
      [9, 51, 57],
    ]);
  });
});

describe('linesHolding', () => {
  it('gives each line holding a needle or a match once, with where it starts', () => {
    const text = 'a TODO <\nb\nc lorem IPSUM\n<x <y';
    expect([...linesHolding(text, ['<', 'TODO'], /lorem ipsum/gi)]).toEqual([
      [1, 0],
      [3, 11],
      [4, 25],
    ]);
    expect([...linesHolding('nothing here\n', ['<'], /lorem/gi)]).toEqual([]);
  });
});
