/**
 * Three findings that forced authors to reword true sentences: a compound that merely contains
 * "Ausfall", a team name taken for a surname, and a support address taken for a leak.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', '2019-03-12-carshare-db-maintenance.md');

type Results = Array<{ messages: Array<{ ruleId: string; message: string }> }>;

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

/** Lints the carshare example with `edit` applied and the config given; the notice rules' messages. */
async function lintExample(edit: (text: string) => string, config: unknown = {}) {
  const text = edit(await readFile(EXAMPLE, 'utf8'));
  await writeFile(join(dir, '2019-03-12-carshare-db-maintenance.md'), text);
  await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify(config));
  const result = await runInProcess(['lint', '*.md', '--format', 'json'], { cwd: dir });
  const results = JSON.parse(result.stdout) as Results;
  return {
    code: result.code,
    messages: results.flatMap((r) => r.messages).filter((m) => m.ruleId.startsWith('notice-')),
  };
}

const sev3 = (text: string) => text.replace(/^severity: SEV1$/m, 'severity: SEV3');

describe('notice false positives', () => {
  it('a compound that contains "Ausfall" is not the incident noun; the word itself still is', async () => {
    const compound = (t: string) =>
      sev3(t)
        .replace('Während dieses Ausfalls', 'Während dieser Störung')
        .replace('During this outage', 'During this disruption')
        .replace('Pendant cette panne', 'Pendant cette perturbation')
        .replace('Wer bereits unterwegs war', 'Wer wegen Zugausfällen bereits unterwegs war');
    expect(await lintExample(compound)).toEqual({ code: 0, messages: [] });
    const word = (t: string) => compound(t).replace('wegen Zugausfällen', 'wegen des Ausfalls');
    const { messages } = await lintExample(word);
    expect(messages.map((m) => m.ruleId)).toEqual(['notice-wording']);
    expect(messages[0]?.message).toContain('found "Ausfalls"');
  });

  it('a compound with a hyphen is no incident noun either: "Zug-Ausfälle", "E-Mail-Ausfall", "Ausfall-Meldung"', async () => {
    const hyphen = (t: string) =>
      sev3(t)
        .replace('Während dieses Ausfalls', 'Während dieser Störung')
        .replace('During this outage', 'During this disruption')
        .replace('Pendant cette panne', 'Pendant cette perturbation')
        .replace(
          'Wer bereits unterwegs war',
          'Wer wegen Zug-Ausfällen oder einer Ausfall-Meldung bereits unterwegs war',
        )
        .replace(
          'Wir schreiben Ihnen die Kosten gut.',
          'Wir schreiben Ihnen die Kosten gut, auch bei einem E-Mail-Ausfall.',
        );
    expect(await lintExample(hyphen)).toEqual({ code: 0, messages: [] });
    const { messages } = await lintExample((t) => hyphen(t).replace('einer Ausfall-Meldung', 'einem Ausfall'));
    expect(messages.map((m) => m.message).join()).toContain('found "Ausfall"');
  });

  it('French: "panne" is the incident noun as a whole word; "dépannage" and "panne de courant" are not', async () => {
    const repair = (t: string) =>
      sev3(t)
        .replace('Während dieses Ausfalls', 'Während dieser Störung')
        .replace('During this outage', 'During this disruption')
        .replace('Pendant cette panne', 'Pendant cette perturbation')
        .replace('contactez notre service client', 'contactez notre service de dépannage')
        // A power cut names something else than the incident: « panne de courant » is not the SEV1 noun.
        .replace('Lors d’une maintenance planifiée', 'Après une panne de courant, lors d’une maintenance planifiée');
    expect(await lintExample(repair)).toEqual({ code: 0, messages: [] });
    const { messages } = await lintExample((t) => repair(t).replace('cette perturbation', 'ces pannes'));
    expect(messages.map((m) => m.message)).toEqual([
      'Expected "perturbation" or "dysfonctionnement" for a SEV3 incident (only SEV1 is a total outage), found "pannes" in `notice.customer_impact.fr`.',
    ]);
  });

  it('a French apology must apologise', async () => {
    const { messages } = await lintExample((t) => t.replace('Nous vous prions de nous excuser.', 'Voilà.'));
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringContaining('(e.g. "Nous vous prions de nous excuser.")'),
    ]);
  });

  it.each(['Pôle réservations', 'Service réservations', 'Cellule réservations', 'Département réservations'])(
    'a French team among the authors ("%s") gives no surname: "réservations" in the French notice passes',
    async (team) => {
      const edit = (t: string) => t.replace(/^authors:\n/m, `authors:\n  - ${team}\n`);
      expect((await lintExample(edit)).messages).toEqual([]);
    },
  );

  it('a team among the authors gives no surname: the signature "The Wheelshare team" passes', async () => {
    const team = (t: string) => t.replace(/^authors:\n/m, 'authors:\n  - Database reliability team\n');
    expect((await lintExample(team)).messages).toEqual([]);
    const named = (t: string) => team(t).replace('The Wheelshare team', 'The Database reliability team');
    expect((await lintExample(named)).messages.map((m) => m.message)).toEqual([
      expect.stringContaining('found an author\'s name: "Database reliability team"'),
    ]);
  });

  it('an address the config declares public is no leak; any other address still is', async () => {
    const contact = (t: string) =>
      t.replace(
        'please contact our customer service',
        'please write to Service@Wheelshare.example or ops@wheelshare.example',
      );
    const config = { notice: { publicContacts: ['service@wheelshare.example'] } };
    expect((await lintExample(contact)).messages.map((m) => m.message)).toEqual([
      expect.stringContaining('found an e-mail address: "Service@Wheelshare.example"'),
      expect.stringContaining('found an e-mail address: "ops@wheelshare.example"'),
    ]);
    expect((await lintExample(contact, config)).messages.map((m) => m.message)).toEqual([
      expect.stringContaining('found an e-mail address: "ops@wheelshare.example"'),
    ]);
  });

  it.each([
    [
      { notice: { publicContacts: 'service@example.com' } },
      '`notice.publicContacts`: expected a list of e-mail addresses',
    ],
    [{ notice: { publicContacts: ['service at example'] } }, '`notice.publicContacts[0]`: expected an e-mail address'],
  ])('refuses a bad `notice.publicContacts`, naming the key: %j', async (config, message) => {
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify(config));
    await writeFile(join(dir, 'a.md'), await readFile(EXAMPLE, 'utf8'));
    const result = await runInProcess(['lint', 'a.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
