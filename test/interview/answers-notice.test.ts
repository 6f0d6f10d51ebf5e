/** `new --answers` keeps every field of the `notice` block it is given, so the file it writes lints clean. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { readPostmortemFile } from '../../src/model/index.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');

const NOTICE = {
  languages: ['en', 'de'],
  headline: { en: 'Disruption of the Relata web app', de: 'Störung der Relata-Web-App' },
  what_happened: { en: 'A software update caused errors.', de: 'Ein Software-Update verursachte Fehler.' },
  customer_impact: { en: 'You could not use the web app.', de: 'Sie konnten die Web-App nicht nutzen.' },
  next_steps: { en: 'You do not need to do anything.', de: 'Sie müssen nichts tun.' },
  apology: { en: 'We are sorry.', de: 'Es tut uns leid.' },
  status: { en: 'The web app failed on May 15. We are sorry.', de: 'Die Web-App war am 15. Mai gestört.' },
  signature: { en: 'The Relata team', de: 'Ihr Relata-Team' },
  company: 'Relata',
  services: {
    'crm-web': { en: 'Relata web app', de: 'Relata-Web-App' },
    'crm-workers': { en: 'reminder e-mails', de: 'Erinnerungsmails' },
  },
};

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-new-notice-'));
});
afterEach(() => cleanup());

describe('new --answers and the notice block', () => {
  it('writes every notice field it is given, and the file lints without a warning', async () => {
    const answers = parseYaml(await readFile(EXAMPLE, 'utf8')) as Record<string, unknown>;
    // A team among the authors must not turn the signature "The Relata team" into a leak either.
    answers.authors = [...(answers.authors as string[]), 'Database reliability team'];
    await writeFile(join(dir, 'a.yaml'), stringify({ ...answers, notice: NOTICE }));
    const created = await runInProcess(['new', '--answers', 'a.yaml'], { cwd: dir });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const [name] = await readdir(join(dir, 'postmortems'));
    const path = join(dir, 'postmortems', name as string);
    const { postmortem, problems } = readPostmortemFile(path);
    expect(problems).toEqual([]);
    expect(postmortem.data.notice).toEqual(NOTICE);
    const lint = await runInProcess(['lint', path, '--format', 'json', '--now', '2018-05-16'], { cwd: dir });
    expect(JSON.parse(lint.stdout)[0].messages).toEqual([]);
    expect(lint.code).toBe(0);
  });

  it.each([
    [{ signature: 'The Relata team' }, 'notice.signature'],
    [{ signature: { fr: "L'équipe Relata" } }, 'notice.signature.fr'],
    [{ signature: { en: 'Ask db-03.internal' } }, 'notice.signature.en'],
    [{ company: { en: 'Relata' } }, 'notice.company'],
    [{ status: 'Fixed.' }, 'notice.status'],
    [{ status: { en: 'Ask db-03.internal' } }, 'notice.status.en'],
  ])('refuses a bad optional field %j, naming its key', async (field, key) => {
    const answers = parseYaml(await readFile(EXAMPLE, 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'a.yaml'), stringify({ ...answers, notice: { ...NOTICE, ...field } }));
    const created = await runInProcess(['new', '--answers', 'a.yaml'], { cwd: dir });
    expect(created.code).toBe(2);
    expect(created.stderr).toContain(key);
  });
});
