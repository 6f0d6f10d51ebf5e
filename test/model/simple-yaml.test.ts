import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/model/frontmatter.js';
import { readPlainYaml, readPlainYamlText, readSimpleYaml } from '../../src/model/simple-yaml.js';
import { ROOT } from '../helpers/cli.js';
import { expectEqual } from '../helpers/equal.js';
import { linearWork } from '../helpers/scan-work.js';

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
const scalar = fc.oneof(
  word,
  word.map((w) => `"${w}"`),
  word.map((w) => `'${w}'`),
  fc.array(word, { maxLength: 3 }).map((ws) => `[${ws.join(', ')}]`),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('en', 'de', 'a', 'a', 'x-y', '"q"'),
        fc.oneof(
          word,
          word.map((w) => `"${w}"`),
        ),
      ),
      {
        maxLength: 3,
      },
    )
    .chain((pairs) =>
      fc
        .tuple(fc.constantFrom(' ', '', '  '), fc.constantFrom(', ', ',', ' , '))
        .map(([pad, sep]) => `{${pad}${pairs.map(([k, v]) => `${k}: ${v}`).join(sep)}${pad}}`),
    ),
);
const key = fc.constantFrom('id', 'a', 'b_c', 'd-e', 'severity', '__proto__', '1x', '"q"', 'a b', 'x');
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

const space = fc.constantFrom('', '', '', ' ', '   ');
/** A value on its own line or a block below, nested up to `depth` more levels, with trailing spaces now and then. */
function block(depth: number, ind: string): fc.Arbitrary<string[]> {
  const deeper = depth > 0 ? [block(depth - 1, `${ind}  `)] : [];
  const pair = fc.tuple(
    key,
    fc.oneof(
      scalar.map((v) => ({ inline: ` ${v}`, below: [] as string[] })),
      ...deeper.map((b) => b.map((below) => ({ inline: '', below }))),
      fc.constant({ inline: '', below: [] }),
    ),
    space,
  );
  const mapping = fc.array(pair, { minLength: 1, maxLength: 3 }).chain((pairs) =>
    fc
      .array(fc.constantFrom('', '', '', '', '', ' ', '#', `${ind}# c`, `${ind}    # deeper`), {
        minLength: pairs.length,
        maxLength: pairs.length,
      })
      .map((gaps) =>
        // A blank or comment line now and then before a key, inside the block.
        pairs.flatMap(([k, v, sp], i) => [
          ...(gaps[i] === '' ? [] : [gaps[i] === ' ' ? '' : (gaps[i] as string)]),
          `${ind}${k}:${v.inline}${sp}`,
          ...v.below,
        ]),
      ),
  );
  const item = fc.oneof(
    fc.tuple(scalar, space).map(([v, sp]) => [`${ind}- ${v}${sp}`]),
    fc
      .array(fc.tuple(key, scalar, space), { minLength: 1, maxLength: 2 })
      .map((pairs) => pairs.map(([k, v, sp], i) => `${ind}${i === 0 ? '- ' : '  '}${k}: ${v}${sp}`)),
  );
  const sequence = fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.flat());
  return fc.oneof(mapping, sequence);
}
const documentLines = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: block(3, '') }, fc.constantFrom([''], ['# note'], ['  '], ['  # x'])), {
      maxLength: 5,
    }),
    fc.constantFrom([], [''], ['# end']),
  )
  .map(([parts, end]) => [...parts.flat(), ...end]);

/** Key positions as a list, so that the order counts too. */
const entries = (keys: Map<string, unknown>) => [...keys];

describe('the plain-YAML reader', () => {
  it('gives the data and key positions the yaml path gives, or hands over', () => {
    let read = 0;
    fc.assert(
      fc.property(documentLines, (lines) => {
        const mine = readPlainYaml(lines, 2);
        if (mine === null) return;
        read++;
        // `---yaml` sends the same block through the yaml package, past the fast reader.
        const reference = readFrontMatter(`---yaml\n${lines.join('\n')}\n---\nbody\n`);
        expectEqual(reference.problems, []);
        expectEqual(mine.data, reference.data);
        expectEqual(entries(mine.keys), entries(reference.keys));
      }),
      // YAML_RUNS=200000 for a longer search after changing the reader (3,000 runs once missed a bug).
      { numRuns: Number(process.env.YAML_RUNS ?? 10000) },
    );
    expect(read).toBeGreaterThan(300);
  });

  it('with keys to keep, hands over the same documents and gives only those keys values and positions', () => {
    const keep = new Set(['id', 'a', 'severity']);
    let skipped = 0;
    fc.assert(
      fc.property(documentLines, (lines) => {
        const top = readPlainYaml(lines, 2, false);
        const kept = readPlainYaml(lines, 2, false, keep);
        if (top === null) {
          expect(kept).toBeNull();
          return;
        }
        const others = Object.keys(top.data).filter((k) => !keep.has(k));
        if (others.some((k) => top.data[k] !== null)) skipped++;
        expect(kept?.data).toEqual(
          Object.fromEntries(Object.entries(top.data).map(([k, v]) => [k, keep.has(k) ? v : null])),
        );
        expect(entries(kept?.keys ?? new Map<string, unknown>())).toEqual(
          entries(top.keys).filter(([k]) => keep.has(k)),
        );
      }),
      { numRuns: Number(process.env.YAML_RUNS ?? 10000) },
    );
    expect(skipped).toBeGreaterThan(20);
    // What a key that is only checked hands over as `pair` does: a duplicate, an inherited name, a
    // block left open, a value outside the subset, each below a key not kept.
    for (const lines of [
      ['notice:', '  en: a', '  en: b'],
      ['notice:', '  constructor: a'],
      ['notice:', '  - a: b', '    a: c'],
      ['notice:', '  headline:'],
      ['notice:', '  headline: [a, b'],
      ['notice:', '  headline: a # b'],
      ['notice:', '  n: 0x1f'],
    ]) {
      expect(readPlainYaml(lines, 2, false), lines.join('\n')).toBeNull();
      expect(readPlainYaml(lines, 2, false, keep), lines.join('\n')).toBeNull();
    }
  });

  it('given the lines joined, or only their text, reads every document as it does line by line', () => {
    // Tabs and line breaks other than `\n` put into generated documents: one test of the joined
    // text stands for the tests of each line, so it must hand over the same documents.
    // White space other than spaces (which `trim` drops too) tries the text reader's own trimming.
    const odd = fc.constantFrom('\t', '\r', '\u2028', '\u2029', 'x', '\u00a0', '\ufeff', '\u3000', ' ');
    const changed = fc
      .tuple(documentLines, fc.nat(), fc.nat(), odd)
      .map(([lines, row, at, c]) =>
        lines.map((line, i) =>
          i === row % Math.max(lines.length, 1)
            ? line.slice(0, at % (line.length + 1)) + c + line.slice(at % (line.length + 1))
            : line,
        ),
      );
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(documentLines, changed), (lines) => {
        for (const [nested, keep] of [
          [true, undefined],
          [false, new Set(['id', 'a'])],
        ] as const) {
          const byLine = readPlainYaml(lines, 2, nested, keep);
          const joined = readPlainYaml(lines, 2, nested, keep, lines.join('\n'));
          // The text reader splits the text itself: the lines it counts are those of a split.
          const text = readPlainYamlText(lines.join('\n'), 2, nested, keep);
          const split = lines.join('\n').split('\n');
          const bySplit = readPlainYaml(split, 2, nested, keep);
          if (byLine !== null) read++;
          expect(joined === null).toBe(byLine === null);
          expect(text === null).toBe(bySplit === null);
          if (byLine && joined) {
            expectEqual(joined.data, byLine.data);
            expectEqual(entries(joined.keys), entries(byLine.keys));
          }
          if (bySplit && text) {
            expectEqual(text.data, bySplit.data);
            expectEqual(entries(text.keys), entries(bySplit.keys));
            expect(text.lineCount).toBe(split.length);
          }
        }
      }),
      { numRuns: Number(process.env.YAML_RUNS ?? 10000) },
    );
    expect(read).toBeGreaterThan(300);
  });

  it('checks a key not kept in linear work however many keys are below it', async () => {
    // Work is counted, not timed: a mapping of 40,000 keys below `notice` once cost 4.4 s of stats.
    const keep = new Set(['id']);
    const { value } = await linearWork([400, 4_000, 40_000], (count) => {
      const lines = ['id: x', 'notice:', ...Array.from({ length: count }, (_, i) => `  k${i}: v`)];
      return () => readPlainYaml(lines, 2, false, keep);
    });
    expect(value?.data).toEqual({ id: 'x', notice: null });
  });

  it('with nested positions off, gives the same data and only the top-level key positions', () => {
    let nested = 0;
    fc.assert(
      fc.property(documentLines, (lines) => {
        const full = readPlainYaml(lines, 2);
        const top = readPlainYaml(lines, 2, false);
        if (full === null) {
          if (top !== null) expect(top).toBeNull();
          return;
        }
        if ([...full.keys.keys()].some((k) => k.includes('.'))) nested++;
        expectEqual(top?.data, full.data);
        expectEqual(
          entries(top?.keys ?? new Map<string, unknown>()),
          entries(full.keys).filter(([k]) => !k.includes('.')),
        );
      }),
      { numRuns: Number(process.env.YAML_RUNS ?? 10000) },
    );
    expect(nested).toBeGreaterThan(5);
    // The examples nest deeper (notice, root causes, windows) than most generated documents.
    for (const f of readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
      const lines = text.slice(4, text.indexOf('\n---\n')).split('\n');
      const full = readPlainYaml(lines, 2);
      const top = readPlainYaml(lines, 2, false);
      expect([...(full?.keys.keys() ?? [])].filter((k) => k.includes('.')).length, f).toBeGreaterThan(10);
      expect(top?.data, f).toEqual(full?.data);
      expect(entries(top?.keys ?? new Map<string, unknown>()), f).toEqual(
        entries(full?.keys ?? new Map<string, unknown>()).filter(([k]) => !k.includes('.')),
      );
    }
  });

  it('is what readFrontMatter uses for plain front matter, with the same result', () => {
    const text = readFileSync(
      join(ROOT, 'examples', readdirSync(join(ROOT, 'examples')).find((n) => n.endsWith('.md')) as string),
      'utf8',
    );
    const fast = readFrontMatter(text);
    const slow = readFrontMatter(text.replace(/^---/, '---yaml'));
    expect(fast.keys.size).toBeGreaterThan(10);
    expect(fast.data).toEqual(slow.data);
    expect(entries(fast.keys)).toEqual(entries(slow.keys));
  });

  it('gives what the yaml package gives, or null', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const lines = entries.flat();
        const mine = readSimpleYaml(lines);
        if (mine === null) return;
        read++;
        expectEqual(mine, reference(lines.join('\n')));
      }),
      { numRuns: 3000 },
    );
    // The comparison means something only if the reader says yes often enough.
    expect(read).toBeGreaterThan(300);
  });

  // One example quotes a name with `\"` in its notice: that escape is read here, not left to the yaml package.
  it('reads the front matter of every example in full, notice included', () => {
    const read: string[] = [];
    for (const f of readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
      const front = text.slice(4, text.indexOf('\n---\n'));
      const mine = readSimpleYaml(front.split('\n'));
      expect(mine, f).not.toBeNull();
      expect(mine).toEqual(reference(front));
      read.push(f);
    }
    expect(read.length).toBe(5);
    expect(read.some((f) => readFileSync(join(ROOT, 'examples', f), 'utf8').includes('\\"'))).toBe(true);
  });

  it.each([['a: "x\\"y"'], ['a: "x\\\\y"'], ['a: { b: "x\\"y", c: "\\\\" }'], ['a: "\\"q\\""']])(
    'reads the escapes \\" and \\\\ in %j as the yaml package does',
    (text) => {
      const mine = readSimpleYaml(text.split('\n'));
      expect(mine).not.toBeNull();
      expect(mine).toEqual(reference(text));
    },
  );

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
    ['a: { b: "x\\ny" }'],
    ['a: "x\\u0041"'],
    ['a: "x\\"'],
    ['a: { b: c, }'],
    ['a: {b:c}'],
  ])('leaves %j to the yaml package', (text) => {
    expect(readSimpleYaml(text.split('\n'))).toBeNull();
  });
});
