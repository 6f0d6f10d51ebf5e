import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';
import { examples } from '../helpers/examples.js';

const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';

describe('postmortem notice: 3 channels × 3 languages for every example', () => {
  const cases = examples()
    .map((e) => e.name.replace(/\.md$/, ''))
    .flatMap((id) =>
      (['blog', 'email', 'status'] as const).flatMap((channel) =>
        (['en', 'de', 'fr'] as const).map((lang) => [id, channel, lang] as const),
      ),
    );
  it.each(cases)('%s %s %s', async (id, channel, lang) => {
    // No --timezone: English readers read the zone each example was lived in; German and French readers
    // read Berlin and Paris time from examples/.postmortemrc.json, found from the folder a team works in.
    const result = await runInProcess(['notice', `${id}.md`, '--channel', channel, '--lang', lang], {
      cwd: join(ROOT, 'examples'),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(
      `__snapshots__/${id}.${channel}.${lang}.${channel === 'blog' ? 'md' : 'txt'}`,
    );
  });
});

describe('postmortem notice: postmortems written to be read (midnight, DST, two windows, lost drafts, resolved days later)', () => {
  const dir = 'test/fixtures/notice-read';
  const cases = readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''))
    .flatMap((id) =>
      (['blog', 'email', 'status'] as const).flatMap((channel) =>
        (['en', 'de', 'fr'] as const).map((lang) => [id, channel, lang] as const),
      ),
    );
  it.each(cases)('%s %s %s', async (id, channel, lang) => {
    const result = await runInProcess(['notice', `${dir}/${id}.md`, '--channel', channel, '--lang', lang]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(
      `__snapshots__/read/${id}.${channel}.${lang}.${channel === 'blog' ? 'md' : 'txt'}`,
    );
  });
});

describe('postmortem notice: what a customer reads', () => {
  const notice = async (channel: string, lang: string, file = EXAMPLE) =>
    (await runInProcess(['notice', file, '--channel', channel, '--lang', lang])).stdout;

  it.each(['blog', 'email'])('says each fact once: data loss in %s', async (channel) => {
    const en = await notice(channel, 'en');
    expect(en.match(/No data was lost/g)).toHaveLength(1);
    const de = await notice(channel, 'de');
    expect(de.match(/keine Daten verloren/g)).toHaveLength(1);
  });

  it('states data loss on the status page, which shows no customer wording', async () => {
    expect(await notice('status', 'en')).toContain('No data was lost.');
  });

  it('lists both impact windows and their total', async () => {
    expect(await notice('status', 'en')).toContain(
      'On May 15, 2018, there was a disruption from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM (CEST), 1 hour and 15 minutes in total.',
    );
    expect(await notice('status', 'de')).toContain(
      'Am 15. Mai 2018 kam es von 14:02 bis 14:31 Uhr und von 15:48 bis 16:34 Uhr (MESZ) zu einer Störung; sie dauerte insgesamt 1 Stunde und 15 Minuten.',
    );
  });

  it('continues German in lower case after "Guten Tag," and ends the e-mail with the signature', async () => {
    const de = await notice('email', 'de');
    expect(de).toMatch(/\nGuten Tag,\n\nam 15\. Mai 2018 kam es /);
    expect(de.trimEnd().endsWith('\n\nIhr Relata-Team')).toBe(true);
    const en = await notice('email', 'en');
    expect(en).toMatch(/\nHello,\n\nOn May 15, 2018, there was a disruption /);
    expect(en.trimEnd().endsWith('\n\nThe Relata team')).toBe(true);
  });

  it('never shows a raw service id', async () => {
    for (const channel of ['blog', 'email', 'status']) {
      for (const lang of ['en', 'de', 'fr']) {
        expect(await notice(channel, lang)).not.toMatch(/crm-web|crm-workers|fragment-cache/);
      }
    }
  });

  it.each([
    [
      'examples/2019-03-12-carshare-db-maintenance.md',
      'SEV1',
      'there was an outage',
      'zu einem Ausfall',
      'une panne a eu lieu',
    ],
    [EXAMPLE, 'SEV2', 'there was a disruption', 'zu einer Störung', 'une perturbation a eu lieu'],
  ])('%s (%s) says "outage" only for SEV1', async (file, _severity, en, de, fr) => {
    expect(await notice('status', 'en', file)).toContain(en);
    expect(await notice('status', 'de', file)).toContain(de);
    expect(await notice('status', 'fr', file)).toContain(fr);
  });

  it('over midnight gives the date of both ends', async () => {
    expect(await notice('status', 'de', 'examples/2021-11-16-shop-customer-db-wiped.md')).toContain(
      'Vom 16. November 2021, 22:07 Uhr, bis zum 17. November 2021, 21:10 Uhr (MEZ), kam es zu einem Ausfall; er dauerte 23 Stunden und 3 Minuten.',
    );
  });
});

describe('postmortem notice: the zone', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(() => cleanup());

  /** The example, changed, written to the temp folder with a config; returns the status text or the failure. */
  async function run(edit: (s: string) => string, config: object | null, args: string[] = []) {
    const file = join(dir, 'crm.md');
    await writeFile(file, edit(await readFile(join(ROOT, EXAMPLE), 'utf8')));
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify(config ?? {}));
    return runInProcess(['notice', 'crm.md', '--channel', 'status', ...args], { cwd: dir });
  }
  const noZone = (s: string) => s.replace(/^timezone: .*\n/m, '');

  it.each([
    [
      '--timezone wins',
      (s: string) => s,
      { notice: { timezone: 'UTC' } },
      ['--timezone', 'Asia/Tokyo'],
      'from 9:02 PM to 9:31 PM and from 10:48 PM to 11:34 PM (Japan Standard Time)',
    ],
    [
      "then the file's timezone",
      (s: string) => s,
      { notice: { timezone: 'UTC' } },
      [],
      'from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM (CEST)',
    ],
    [
      "then the config's notice.timezone",
      noZone,
      { notice: { timezone: 'America/New_York' } },
      [],
      'from 8:02 AM to 8:31 AM and from 9:48 AM to 10:34 AM (EDT)',
    ],
    ['then the offset of started', noZone, null, [], 'from 2:02 PM to 2:31 PM and from 3:48 PM to 4:34 PM (UTC+2)'],
    [
      "the config's zone for the language wins over the file's (v1.2)",
      (s: string) => s,
      { notice: { timezone: { en: 'America/Los_Angeles', de: 'Europe/Berlin' } } },
      [],
      'from 5:02 AM to 5:31 AM and from 6:48 AM to 7:34 AM (PDT)',
    ],
    [
      'German readers get their own zone from the same config',
      noZone,
      { notice: { timezone: { en: 'America/Los_Angeles', de: 'Europe/Berlin' } } },
      ['--lang', 'de'],
      'von 14:02 bis 14:31 Uhr und von 15:48 bis 16:34 Uhr (MESZ)',
    ],
    [
      'notice.locale en-GB writes the day first and a 24-hour clock',
      (s: string) => s,
      { notice: { locale: { en: 'en-GB' } } },
      [],
      'On 15 May 2018, there was a disruption from 14:02 to 14:31 and from 15:48 to 16:34 (CEST)',
    ],
    [
      'each time carries the zone in force at that instant (the clocks went back in between)',
      (s: string) =>
        s
          .replace(/^ {4}- start: "2018-05-15T14:02:00\+02:00"\n {6}end: .*\n {4}- start: .*\n {6}end: .*\n/m, '')
          .replace(/^ {2}windows:\n/m, '')
          .replace('started: "2018-05-15T14:02:00+02:00"', 'started: "2024-10-26T23:40:00+02:00"')
          .replace('detected: "2018-05-15T14:04:00+02:00"', 'detected: "2024-10-26T23:45:00+02:00"')
          .replace('mitigated: "2018-05-15T16:34:00+02:00"', 'mitigated: "2024-10-27T02:20:00+01:00"')
          .replace('resolved: "2018-05-15T18:10:00+02:00"', 'resolved: "2024-10-27T02:30:00+01:00"'),
      null,
      ['--lang', 'de'],
      'Vom 26. Oktober 2024, 23:40 Uhr (MESZ), bis zum 27. Oktober 2024, 2:20 Uhr (MEZ), kam es zu einer Störung; sie dauerte 3 Stunden und 40 Minuten.',
    ],
    [
      'notice.locale fr-CA puts a full no-break space before the colon (OQLF), fr-FR a narrow one',
      (s: string) => s,
      { notice: { locale: { fr: 'fr-CA' } } },
      ['--lang', 'fr'],
      'Services concernés\u00a0: application web Relata',
    ],
    [
      'UTC is "UTC"',
      (s: string) => s,
      null,
      ['--timezone', 'UTC', '--lang', 'de'],
      'von 12:02 bis 12:31 Uhr und von 13:48 bis 14:34 Uhr (UTC)',
    ],
  ] as const)('%s', async (_name, edit, config, args, expected) => {
    const result = await run(edit, config, [...args]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(expected);
  });

  it("refuses an unknown zone in the file's timezone at its position", async () => {
    const result = await run((s) => s.replace('timezone: Europe/Berlin', 'timezone: Europe/Berlín'), null);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'crm.md:17:11 error Expected `timezone` to be an IANA time zone such as Europe/Berlin ' +
        '(or an offset such as +02:00), found "Europe/Berlín". (notice-timezone)',
    );
  });

  it('refuses an unknown zone in the config (exit 2, naming the key)', async () => {
    const result = await run((s) => s, { notice: { timezone: 'Mitteleuropa' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`notice.timezone`: expected an IANA time zone');
  });
});

describe('display names in the examples', () => {
  // A display name is what a status page shows as a component, and German names stand in the
  // nominative after "Betroffen waren:": none starts with an article.
  it.each(examples().map((e) => [e.name, e.text] as const))(
    '%s: no display name starts with an article',
    (_name, text) => {
      const names = [...text.matchAll(/^ {4}[\w-]+: \{ (.*) \}$/gm)].flatMap((m) =>
        [...(m[1] as string).matchAll(/(?:en|de|fr): "((?:[^"\\]|\\.)*)"/g)].map((n) => n[1] as string),
      );
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => /^(the|a|an|der|die|das|den|dem|ein|eine|le|la|les|l’|l')\b/i.test(n))).toEqual([]);
    },
  );
});

describe('postmortem notice: the author says the data is safe', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    // Each language's sentence on data becomes an assurance that names no loss.
    const text = (await readFile(join(ROOT, EXAMPLE), 'utf8'))
      .replace('No data was lost, and every change you saved is intact.', 'Your data is safe.')
      .replace(
        'Es sind keine Daten verloren gegangen, und gespeicherte Änderungen sind erhalten.',
        'Ihre Daten sind sicher.',
      )
      .replace(
        'Aucune donnée n’a été perdue, et toutes les modifications que vous avez enregistrées sont intactes.',
        'Vos données sont en sécurité.',
      );
    await writeFile(join(dir, 'crm.md'), text);
  });
  afterAll(() => cleanup());

  it.each([
    ['en', 'Your data is safe.', 'No data was lost.'],
    ['de', 'Ihre Daten sind sicher.', 'Es sind keine Daten verloren gegangen.'],
    ['fr', 'Vos données sont en sécurité.', 'Aucune donnée n’a été perdue.'],
  ])('%s: the notice keeps "%s" and adds no "%s"', async (lang, own, generated) => {
    for (const channel of ['blog', 'email']) {
      const result = await runInProcess(['notice', 'crm.md', '--channel', channel, '--lang', lang], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(own);
      expect(result.stdout).not.toContain(generated);
    }
    // The status page shows none of the customer wording: there the generated fact stays.
    const status = await runInProcess(['notice', 'crm.md', '--channel', 'status', '--lang', lang], { cwd: dir });
    expect(status.stdout).toContain(generated);
  });
});
