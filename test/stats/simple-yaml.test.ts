import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSimpleYaml } from '../../src/stats/simple-yaml.js';
import { ROOT } from '../helpers/cli.js';

/** What the model's YAML parser makes of a front matter (same options), or 'error'. */
function reference(text: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (document.errors.length > 0) return 'error';
  try {
    return document.toJS({ maxAliasCount: 50 }) ?? {};
  } catch {
    return 'error';
  }
}

const PIECES = [
  'a',
  'B',
  '1',
  '0',
  '.',
  '-',
  '+',
  ':',
  ' ',
  '#',
  "'",
  '"',
  '\\',
  '[',
  ']',
  ',',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  '?',
  'e',
  'x',
  'o',
  'null',
  'true',
  'False',
  '.inf',
  '0x1',
  '0o7',
  '12',
  '1.5',
  '2e3',
  '9007199254740993',
  '2018-05-15T14:02:00+02:00',
  'crm-web',
  'über',
  '  ',
];
const word = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 5 }).map((p) => p.join(''));
const key = fc.constantFrom('id', 'a', 'b_c', 'd-e', 'severity', '__proto__', '1x', '"q"', 'a b', 'x');
const oneLine = fc.oneof(
  word,
  word.map((w) => `"${w}"`),
  word.map((w) => `'${w}'`),
);
const scalar = fc.oneof(
  oneLine,
  fc.array(word, { maxLength: 3 }).map((ws) => `[${ws.join(', ')}]`),
  // Flow mappings as the notice facts write them, `{ en: "…", de: "…" }`, tight or spaced.
  fc
    .tuple(
      fc.array(fc.tuple(key, oneLine), { maxLength: 3 }),
      fc.constantFrom(' ', ''),
      fc.constantFrom(', ', ',', ' , '),
    )
    .map(([pairs, pad, sep]) => `{${pad}${pairs.map(([k, v]) => `${k}: ${v}`).join(sep)}${pad}}`),
);
const indent = fc.constantFrom('', ' ', '  ', '   ', '    ');

/** A line-level grammar of front matter, with wrong indentation now and then, so both answers occur. */
const entry = fc.oneof(
  fc.tuple(key, scalar).map(([k, v]) => [`${k}: ${v}`]),
  fc
    .tuple(key, indent, fc.array(scalar, { minLength: 1, maxLength: 3 }))
    .map(([k, ind, items]) => [`${k}:`, ...items.map((i) => `${ind}- ${i}`)]),
  fc
    .tuple(key, indent, fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 3 }))
    .map(([k, ind, pairs]) => [`${k}:`, ...pairs.map(([k2, v]) => `${ind}${k2}: ${v}`)]),
  fc
    .tuple(key, indent, fc.array(fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 2 }), { maxLength: 2 }))
    .map(([k, ind, maps]) => [
      `${k}:`,
      ...maps.flatMap((pairs) => pairs.map(([k2, v], i) => `${ind}${i === 0 ? '- ' : '  '}${k2}: ${v}`)),
    ]),
  fc.constantFrom(['# a comment'], [''], ['a: b # c'], ['a: |', '  text'], ['a: &x b'], ['\tb: c']),
);

describe('the plain-YAML reader', () => {
  it('gives what the yaml package gives, or null', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const lines = entries.flat();
        const mine = readSimpleYaml(lines);
        if (mine === null) return;
        read++;
        expect(mine).toEqual(reference(lines.join('\n')));
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only if the reader says yes often enough.
    expect(read).toBeGreaterThan(300);
  });

  it('reads the front matter of every example in full, notice included', () => {
    for (const f of readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
      const front = text.slice(4, text.indexOf('\n---\n'));
      const mine = readSimpleYaml(front.split('\n'));
      expect(mine, f).not.toBeNull();
      expect(mine).toEqual(reference(front));
    }
  });

  it.each([
    ['a: 0x1F'],
    ['a: .inf'],
    ['a: "x\\ty"'],
    ['a: b # comment'],
    ['a: |\n  block'],
    ['a: *alias'],
    ['a: b\na: c'],
    ['a:\n  b: 1\n   c: 2'],
    ['a: 9007199254740993'],
  ])('leaves %j to the yaml package', (text) => {
    expect(readSimpleYaml(text.split('\n'))).toBeNull();
  });
});
