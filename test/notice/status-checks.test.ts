/**
 * `notice.status` is customer text like the other wording: the rules that read the notice
 * (notice-wording, notice-promises, notice-leak, blameless-language) read it too, with positions.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', '2019-03-12-carshare-db-maintenance.md');

type Results = Array<{ messages: Array<{ ruleId: string; message: string; line: number; column: number }> }>;

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

/** The carshare example as a SEV3 with a `notice.status` in each language, linted; the messages about the status. */
async function lintStatus(status: Record<string, string>) {
  const lines = Object.entries(status).map(([lang, text]) => `    ${lang}: ${JSON.stringify(text)}\n`);
  const text = (await readFile(EXAMPLE, 'utf8'))
    .replace(/^severity: SEV1$/m, 'severity: SEV3')
    .replace('Während dieses Ausfalls', 'Während dieser Störung')
    .replace('During this outage', 'During this disruption')
    .replace('Pendant cette panne', 'Pendant cette perturbation')
    .replace(/^ {2}company: /m, `  status:\n${lines.join('')}  company: `);
  const name = '2019-03-12-carshare-db-maintenance.md';
  await writeFile(join(dir, name), text);
  const result = await runInProcess(['lint', name, '--format', 'json'], { cwd: dir });
  const messages = (JSON.parse(result.stdout) as Results).flatMap((r) => r.messages);
  const source = text.split('\n');
  const first = source.indexOf('  status:') + 2;
  return messages
    .filter((m) => m.line >= first && m.line < first + lines.length)
    .map((m) => ({ rule: m.ruleId, found: (source[m.line - 1] ?? '').slice(m.column - 1, m.column + 15) }));
}

describe('notice.status is checked like the other customer text', () => {
  it('passes a clean status text', async () => {
    expect(
      await lintStatus({
        en: 'Bookings were disrupted this morning and work again.',
        de: 'Buchungen waren heute Morgen gestört und funktionieren wieder.',
        fr: 'Les réservations ont été perturbées ce matin et fonctionnent à nouveau.',
      }),
    ).toEqual([]);
  });

  it('finds "outage" in a SEV3 status, at the word', async () => {
    expect(
      await lintStatus({
        en: 'The outage of bookings is over.',
        de: 'Der Ausfall der Buchungen ist vorbei.',
        fr: 'Les réservations fonctionnent à nouveau.',
      }),
    ).toEqual([
      { rule: 'notice-wording', found: expect.stringMatching(/^outage/) },
      { rule: 'notice-wording', found: expect.stringMatching(/^Ausfall/) },
    ]);
  });

  it('finds a fix presented as done while its action item is open', async () => {
    const found = await lintStatus({
      en: 'Bookings work again. From now on we read availability from the primary when replica lag grows.',
      de: 'Buchungen funktionieren wieder.',
      fr: 'Les réservations fonctionnent à nouveau.',
    });
    expect(found).toEqual([{ rule: 'notice-promises', found: expect.stringMatching(/^From now on/) }]);
  });

  it('finds internal detail and blame in a status text', async () => {
    const found = await lintStatus({
      en: 'Bookings work again after db-bk-01.fra.internal recovered.',
      de: 'Buchungen funktionieren wieder. Ein Kollege war fahrlässig.',
      fr: 'Les réservations fonctionnent à nouveau.',
    });
    expect(found.map((f) => f.rule).sort()).toEqual(['blameless-language', 'notice-leak']);
  });
});
