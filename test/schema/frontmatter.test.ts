import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parsePostmortem } from '../../src/model/index.js';
import { frontMatterSchema, plainFrontMatterIssues, plainFrontMatterPasses } from '../../src/schema/frontmatter.js';
import { ROOT } from '../helpers/cli.js';

// plainFrontMatterPasses spares a valid file the schema (and loading zod); it must never pass what
// the schema refuses, and on plain YAML data it must agree with the schema.

const schema = frontMatterSchema(z);
const examples = readdirSync(join(ROOT, 'examples'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => parsePostmortem(readFileSync(join(ROOT, 'examples', name), 'utf8'), name).postmortem.data);

// Values near each check's edges: blank and multi-line text, periods, enum neighbours, numbers that
// are not whole or not safe, lists and maps of the wrong kind, maps without a prototype.
const nullProto = (entries: Record<string, unknown>): unknown => Object.assign(Object.create(null) as object, entries);
const value = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  ' ',
  'a',
  'Title.',
  'Title. ',
  'a\nb',
  ' a ',
  'SEV1',
  'SEV5',
  'final',
  'Final',
  'en',
  'xx',
  '2020-01-01T00:00:00Z',
  0,
  -0,
  -1,
  1.5,
  2 ** 53,
  true,
  false,
  [],
  ['a'],
  [''],
  [' ', 'a'],
  [1],
  ['en', 'de'],
  ['en', 'xx'],
  {},
  { en: 'a' },
  { en: 1 },
  { category: 'a', summary: 'b' },
  { category: '', summary: 'b' },
  [{ category: 'a', summary: 'b' }],
  [{ category: 'a' }],
  nullProto({ en: 'a' }),
  nullProto({ customers_affected: 1, data_loss: false }),
  new Uint8Array([1]),
);
const path = fc.constantFrom(
  ['id'],
  ['title'],
  ['status'],
  ['severity'],
  ['authors'],
  ['authors', 0],
  ['services'],
  ['tags'],
  ['started'],
  ['detected'],
  ['mitigated'],
  ['resolved'],
  ['timezone'],
  ['impact'],
  ['impact', 'customers_affected'],
  ['impact', 'data_loss'],
  ['impact', 'description'],
  ['impact', 'windows'],
  ['root_causes'],
  ['root_causes', 0],
  ['root_causes', 0, 'category'],
  ['root_causes', 0, 'summary'],
  ['notice'],
  ['notice', 'languages'],
  ['notice', 'languages', 0],
  ['notice', 'headline'],
  ['notice', 'headline', 'en'],
  ['notice', 'status'],
  ['notice', 'services'],
  ['extra'],
);

/** A copy of `data` with `at` set to `to` (deleted for undefined); parents that are not containers stay. */
function setAt(data: unknown, at: ReadonlyArray<string | number>, to: unknown): unknown {
  const copy: unknown = structuredClone(data);
  let parent = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) {
    const next = parent[key];
    // Bytes (YAML's !!binary) are a value, not a container: a path through them changes nothing.
    if (typeof next !== 'object' || next === null || ArrayBuffer.isView(next)) return copy;
    parent = next as Record<string | number, unknown>;
  }
  const last = at[at.length - 1] as string | number;
  if (to === undefined) delete parent[last];
  else parent[last] = to;
  return copy;
}

describe('plainFrontMatterPasses', () => {
  it('passes every example, as the schema does', () => {
    expect(examples.length).toBeGreaterThan(3);
    for (const data of examples) {
      expect(schema.safeParse(data).success).toBe(true);
      expect(plainFrontMatterPasses(data)).toBe(true);
    }
  });

  it('agrees with the schema on generated front matter', () => {
    let passed = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.array(fc.tuple(path, value), { minLength: 1, maxLength: 3 }),
        (base, changes) => {
          const data = changes.reduce<unknown>((d, [at, to]) => setAt(d, at, to), base);
          const fast = plainFrontMatterPasses(data);
          const slow = schema.safeParse(data).success;
          // Bytes (YAML's !!binary) are left to the schema; on plain YAML data both answer alike.
          if (changes.some(([, to]) => to instanceof Uint8Array))
            expect(!fast || slow, JSON.stringify(changes)).toBe(true);
          else expect(fast, JSON.stringify(changes)).toBe(slow);
          if (fast) passed++;
          else refused++;
        },
      ),
      { numRuns: 2000 },
    );
    // Both answers are exercised.
    expect(passed).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });

  it('tells the issues the schema tells, where it tells any', () => {
    let told = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.array(fc.tuple(fc.oneof(path, fc.constantFrom(['status'], ['severity'])), value), {
          minLength: 1,
          maxLength: 3,
        }),
        (base, changes) => {
          const data = changes.reduce<unknown>((d, [at, to]) => setAt(d, at, to), base);
          const fast = plainFrontMatterIssues(data);
          if (fast === null) return;
          const parsed = schema.safeParse(data);
          const slow = parsed.success ? [] : parsed.error.issues.map(({ path, message }) => ({ path, message }));
          expect(fast, JSON.stringify(changes)).toEqual(slow);
          if (fast.length > 0) told++;
        },
      ),
      { numRuns: 2000 },
    );
    // Files with a wrong status or severity are told without the schema.
    expect(told).toBeGreaterThan(100);
  });

  it.each([null, [], 'id: x', 7])('refuses %j, as the schema does', (data) => {
    expect(schema.safeParse(data).success).toBe(false);
    expect(plainFrontMatterPasses(data)).toBe(false);
    expect(plainFrontMatterIssues(data)).toBeNull();
  });
});
