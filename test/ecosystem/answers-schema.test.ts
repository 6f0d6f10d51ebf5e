import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_KEYS, parseAnswersText } from '../../src/interview/answers.js';
import { readAnswers } from '../../src/interview/read-answers.js';
import { ROOT } from '../helpers/cli.js';
import { compileSchema, withValueAt } from './ajv.js';
import type { ValidateFunction } from 'ajv';

// schema/answers.schema.json describes what `new --answers` accepts. It covers the shape (keys,
// types, allowed values, lists, one-line title, date form); the tool checks the rest (placeholders,
// zones, real dates, categories). On the shape the two must agree.

const DIR = join(ROOT, 'examples', 'answers');
const examples = readdirSync(DIR)
  .sort()
  .map((name) => ({ name, data: parseAnswersText(readFileSync(join(DIR, name), 'utf8'), name) }));

function accepted(data: unknown): boolean {
  try {
    readAnswers(data, 'answers.yaml', { zone: 'Europe/Berlin', today: '2024-03-01' });
    return true;
  } catch {
    return false;
  }
}

let validate: ValidateFunction;
beforeAll(async () => {
  validate = await compileSchema('schema/answers.schema.json');
});

describe('answers.schema.json', () => {
  it('names exactly the keys an answers file may hold', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'answers.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...ANSWER_KEYS].sort());
    expect(schema.additionalProperties).toBe(false);
  });

  it.each(examples.map((e) => [e.name, e.data] as const))('accepts the example %s, as the tool does', (_n, data) => {
    expect(accepted(data)).toBe(true);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown key', { titel: 'Checkout down' }],
    ['a severity that does not exist', { severity: 'SEV9' }],
    ['a title with a trailing period', { title: 'Checkout down.' }],
    ['a title on two lines', { title: 'Checkout\ndown' }],
    ['an empty list of services', { services: [] }],
    ['a negative customer count', { impact: { customers_affected: -1, data_loss: false } }],
    ['data loss as text', { impact: { customers_affected: 1, data_loss: 'no' } }],
    ['a timeline that is not a list', { timeline: 'at 14:02 it broke' }],
    ['a timeline item without an event', { timeline: [{ at: '14:02' }] }],
    [
      'an action type that does not exist',
      { action_items: [{ action: 'a', type: 'fix', owner: 'o', due: '2024-04-01' }] },
    ],
    ['an action item without an owner', { action_items: [{ action: 'a', type: 'prevent', due: '2024-04-01' }] }],
    ['a due date in another form', { action_items: [{ action: 'a', type: 'prevent', owner: 'o', due: '4/1/2024' }] }],
    ['a root cause without a summary', { root_causes: [{ category: 'network' }] }],
    ['empty lessons', { lessons: { went_well: [] } }],
    ['a notice language that does not exist', { notice: { languages: ['it'] } }],
    ['an id in another form', { id: 'Checkout Outage' }],
  ])('rejects %s, as the tool does', (_name, data) => {
    expect(accepted(data)).toBe(false);
    expect(validate(data)).toBe(false);
  });

  it('agrees with the tool on generated changes to the examples, for the keys whose checks are all shape', () => {
    const paths = [
      'severity',
      'status',
      'authors',
      'authors.0',
      'services',
      'tags',
      'impact',
      'impact.customers_affected',
      'impact.data_loss',
      'timeline',
      'timeline.0',
      'timeline.0.event',
      'root_causes',
      'root_causes.0',
      'action_items',
      'action_items.0',
      'action_items.0.type',
      'action_items.0.status',
      'action_items.0.action',
      'lessons',
      'lessons.went_well',
      'five_whys',
      'title',
      'unknown_key',
    ];
    // Plain words: a generated "?" or "-" would be a placeholder, which only the tool knows.
    const word = fc.stringMatching(/^[a-z][a-z ]{0,10}$/);
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom('', ' ', 'SEV2', 'SEV9', 'final', 'prevent', 'done', 'Two\nlines', 'Ends.'),
      word,
      fc.integer({ min: -3, max: 5 }),
      fc.boolean(),
      fc.array(fc.oneof(word, fc.integer(), fc.constant('')), { maxLength: 3 }),
      // Categories are left alone: a project may add its own, which only the tool's config knows.
      fc.dictionary(fc.constantFrom('at', 'event', 'summary', 'went_well'), word),
    );
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.constantFrom(...paths), value, (index, path, v) => {
        const example = examples[index] as (typeof examples)[number];
        const data = withValueAt(example.data as object, path, v);
        fc.pre(data !== null);
        expect(validate(data), JSON.stringify({ file: example.name, path, v })).toBe(accepted(data));
      }),
      { numRuns: 1500, seed: 13 },
    );
  });
});
