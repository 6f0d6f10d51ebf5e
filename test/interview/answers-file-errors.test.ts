import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswersFileError, parseAnswersText } from '../../src/interview/answers.js';
import { readAnswers } from '../../src/interview/read-answers.js';
import { withValueAt } from '../ecosystem/ajv.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// Bad answers files, read through the answers-file schema (src/schema/answers.ts) and the prompts'
// validators: each problem is named as FILE:LINE:COL: key: message, with exit 2 and nothing written.

const EXAMPLE = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-answers-errors-'));
});
afterEach(async () => cleanup());

/** Runs `new --answers a.yaml` on the example with `edit` applied; returns stderr's lines. */
async function refused(edit: (text: string) => string): Promise<string[]> {
  const text = await readFile(EXAMPLE, 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  await writeFile(join(dir, 'a.yaml'), changed);
  const result = await runInProcess(['new', '--answers', 'a.yaml'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stdout).not.toContain('Wrote');
  // The first line carries the `error` label.
  return result.stderr
    .split('\n')
    .map((l) => l.replace(/^error /, ''))
    .filter((l) => l.startsWith('a.yaml:'));
}

/** The 1-based line and column of the first `needle` in the edited example. */
function positionIn(text: string, needle: string): string {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${(before.at(-1) as string).length + 1}`;
}

describe('an answers file with a wrong value names it with file:line:col', () => {
  it('a wrong type: an author written as a mapping is named at that entry, not as an empty list', async () => {
    const edit = (t: string) => t.replace(/^authors: \[([^,\]]+)/m, 'authors: [{name: $1}');
    const lines = await refused(edit);
    const text = edit(await readFile(EXAMPLE, 'utf8'));
    expect(lines).toEqual([
      `a.yaml:${positionIn(text, '{name: ')}: authors.0: Expected text, found a list or mapping.`,
    ]);
  });

  it('an unknown key is named at the key, with the keys an answers file may hold', async () => {
    const edit = (t: string) => t.replace(/^severity:/m, 'severtiy:');
    const lines = await refused(edit);
    const text = edit(await readFile(EXAMPLE, 'utf8'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^a\\.yaml:${positionIn(text, 'severtiy:')}: severtiy: Expected one of the answer keys \\(id, title, `,
      ),
    );
  });

  it('a date that does not exist is named at its value', async () => {
    const edit = (t: string) => t.replace(/^( {4}due: )\d{4}-\d{2}-\d{2}$/m, '$12018-02-30');
    const lines = await refused(edit);
    const text = edit(await readFile(EXAMPLE, 'utf8'));
    expect(lines).toEqual([
      `a.yaml:${positionIn(text, '2018-02-30')}: action_items.0.due: ` +
        'Expected a due date YYYY-MM-DD or DD.MM.YYYY, found "2018-02-30".',
    ]);
  });
});

describe('readAnswers names every problem at once, at the keys of the file', () => {
  it('a notice language that does not exist, and the wording missing in it', () => {
    const notice = { languages: ['it', 'en'], headline: { en: 'Checkout was down' }, signature: { de: 'Ihr Team' } };
    let problems: readonly { key: string; message: string }[] = [];
    try {
      readAnswers({ notice }, 'a.yaml', { zone: 'Europe/Berlin', today: '2018-05-15' });
    } catch (error) {
      problems = (error as AnswersFileError).problems;
    }
    expect(problems.map((p) => p.key)).toEqual([
      'notice.languages.0',
      'notice.headline.it',
      ...['what_happened', 'customer_impact', 'next_steps', 'apology'].flatMap((f) => [
        `notice.${f}.it`,
        `notice.${f}.en`,
      ]),
      'notice.signature.de',
    ]);
    expect(problems[0]?.message).toBe('Expected one of en, de, fr, found "it".');
    expect(problems.at(-1)?.message).toBe('Expected a language of notice.languages (it, en), found "de".');
  });
});

describe('readAnswers takes every form of a time the prompts take', () => {
  it.each([
    ['14:02', '2018-05-15T14:02:00+02:00'],
    ['2018-05-15 14:02', '2018-05-15T14:02:00+02:00'],
    ['2018-05-15 14:02 UTC', '2018-05-15T14:02:00Z'],
    ['15.05.2018 14:02', '2018-05-15T14:02:00+02:00'],
    ['15.5.2018, 14:02 +01:00', '2018-05-15T14:02:00+01:00'],
    ['2018-05-15T14:02:00+02:00', '2018-05-15T14:02:00+02:00'],
  ])('started: %s', (written, iso) => {
    const answers = readAnswers({ started: written, timezone: 'Europe/Berlin' }, 'a.yaml', {
      zone: 'UTC',
      today: '2018-05-15',
    });
    expect(answers.started).toBe(iso);
  });
});

describe('readAnswers on generated changes to the examples', () => {
  it('either reads them or names the problems (AnswersFileError) at real keys, never failing otherwise', () => {
    const examples = ['crm-release-rollback.yaml', 'backup-restore.json'].map((name) =>
      parseAnswersText(readFileSync(join(ROOT, 'examples', 'answers', name), 'utf8'), name),
    ) as Array<Record<string, unknown>>;
    const paths = [
      'title',
      'authors',
      'authors.0',
      'impact',
      'impact.customers_affected',
      'timeline',
      'timeline.0',
      'timeline.0.at',
      'root_causes',
      'root_causes.0',
      'root_causes.0.category',
      'followups',
      'action_items',
      'action_items.0',
      'action_items.0.due',
      'action_items.0.owner',
      'lessons',
      'lessons.went_well',
      'notice',
      'notice.languages',
      'notice.headline',
      'unknown_key',
    ];
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom('', 'TODO', '14:02', '2018-02-30', 'x.'),
      fc.integer({ min: -2, max: 3 }),
      fc.boolean(),
      fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant({ a: 1 })), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('at', 'event', 'en', 'went_well', 'category'), fc.string({ maxLength: 4 })),
    );
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.constantFrom(...paths), value, (index, path, v) => {
        const data = withValueAt(examples[index] as object, path, v);
        fc.pre(data !== null);
        try {
          readAnswers(data, 'a.yaml', { zone: 'Europe/Berlin', today: '2018-05-15' });
        } catch (error) {
          expect(error, String((error as Error).stack)).toBeInstanceOf(AnswersFileError);
          const { problems } = error as AnswersFileError;
          expect(problems.length).toBeGreaterThan(0);
          // Each key names a place in the file: never a list entry the check lost.
          for (const p of problems) expect(p.key).not.toMatch(/\bundefined\b/);
        }
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});
