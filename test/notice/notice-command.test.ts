import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, ROOT } from '../helpers/cli.js';

// These tests run the built binary: `npm run build` first (npm test does).
const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';
const fixture = (name: string) => `test/fixtures/notice/2018-05-15-${name}.md`;

describe('postmortem notice: snapshots per channel and language', () => {
  it.each([
    ['blog', 'en', 'md'],
    ['blog', 'de', 'md'],
    ['email', 'en', 'txt'],
    ['email', 'de', 'txt'],
    ['status', 'en', 'txt'],
    ['status', 'de', 'txt'],
  ])('%s in %s', async (channel, lang, ext) => {
    const result = await runCli([
      'notice',
      EXAMPLE,
      '--channel',
      channel,
      '--lang',
      lang,
      '--timezone',
      'Europe/Berlin',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`__snapshots__/crm-release.${channel}.${lang}.${ext}`);
  });
});

describe('postmortem notice: the machine zone does not matter when --timezone is given', () => {
  it.each(['blog', 'email', 'status'])('%s', async (channel) => {
    const args = ['notice', EXAMPLE, '--channel', channel, '--timezone', 'Asia/Tokyo'];
    const [berlin, newYork] = await Promise.all([
      runCli(args, { env: { TZ: 'Europe/Berlin' } }),
      runCli(args, { env: { TZ: 'America/New_York' } }),
    ]);
    expect(berlin.code).toBe(0);
    expect(berlin.stdout).toBe(newYork.stdout);
    expect(berlin.stdout).toContain(
      'On May 15, 2018, from 9:02 PM to 11:34 PM (Japan Standard Time), for about 3 hours',
    );
  });

  it.each([
    [
      'Europe/Berlin',
      'en',
      EXAMPLE,
      'On May 15, 2018, from 2:02 PM to 4:34 PM (Central European Summer Time), for about 3 hours',
    ],
    [
      'America/New_York',
      'en',
      EXAMPLE,
      'On May 15, 2018, from 8:02 AM to 10:34 AM (Eastern Daylight Time), for about 3 hours',
    ],
    [
      'Europe/Berlin',
      'de',
      EXAMPLE,
      'Am 15. Mai 2018 von 14:02 Uhr bis 16:34 Uhr (Mitteleuropäische Sommerzeit), also rund 3 Stunden lang',
    ],
    [
      'America/New_York',
      'de',
      EXAMPLE,
      'Am 15. Mai 2018 von 8:02 Uhr bis 10:34 Uhr (Nordamerikanische Ostküsten-Sommerzeit), also rund 3 Stunden lang',
    ],
    // Over midnight the date is given for both ends.
    [
      'UTC',
      'en',
      'examples/2021-11-16-shop-customer-db-wiped.md',
      'From November 16, 2021, 9:07 PM to November 17, 2021, 8:10 PM (Coordinated Universal Time), for about 23 hours',
    ],
    [
      'UTC',
      'de',
      'examples/2021-11-16-shop-customer-db-wiped.md',
      'Vom 16. November 2021, 21:07 Uhr bis zum 17. November 2021, 20:10 Uhr (Koordinierte Weltzeit), also rund 23 Stunden lang',
    ],
  ])('without --timezone the machine zone (TZ=%s) is used, %s: %s', async (tz, lang, file, expected) => {
    const result = await runCli(['notice', file, '--channel', 'status', '--lang', lang], { env: { TZ: tz } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
  });

  it('words a long SEV1 in days or hours, singular and plural right', async () => {
    const result = await runCli([
      'notice',
      'examples/2023-02-07-backbone-config-global-outage.md',
      '--channel',
      'status',
      '--lang',
      'de',
      '--timezone',
      'UTC',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/also rund \d+ (Stunden|Tage|Stunde|Tag) lang/);
  });
});

describe('postmortem notice: checks stop the notice with exit 1 and a position', () => {
  it.each([
    [
      'notice-missing-de',
      'de',
      ':35:3 error Expected wording in `notice.what_happened.de`, found none. (notice-language)',
    ],
    [
      'notice-no-apology',
      'en',
      ':44:3 error Expected an apology to customers in `notice.apology.en`, found none. (notice-apology)',
    ],
    ['notice-weak-apology', 'de', ':46:9 error Expected `notice.apology.de` to apologise'],
    ['notice-outage-sev2', 'en', ':33:10 error Expected "disruption" or "degraded service" for a SEV2 incident'],
    [
      'notice-outage-sev2',
      'de',
      ':40:70 error Expected "Störung" or "Beeinträchtigung" for a SEV2 incident (only SEV1 is a total outage), found "Ausfällen"',
    ],
    [
      'notice-leak',
      'en',
      ':36:9 error Expected customer-facing text in `notice.what_happened.en`, found a ticket id: "CRM-4711". (notice-leak)',
    ],
    ['notice-leak', 'en', 'found an author\'s name: "Carla Neumeier"'],
  ])('%s (%s)', async (name, lang, message) => {
    const result = await runCli(['notice', fixture(name), '--lang', lang, '--timezone', 'UTC']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // A message starting with ':' carries its position, right after the file name.
    expect(result.stderr).toContain(message.startsWith(':') ? `${fixture(name)}${message}` : message);
  });

  it('refuses a postmortem with validation errors before checking the notice', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const source = (await readFile(join(ROOT, EXAMPLE), 'utf8')).replace('severity: SEV2', 'severity: SEV9');
      await writeFile(join(dir, '2018-05-15-crm-release-rollback-failed.md'), source);
      const result = await runCli(['notice', '2018-05-15-crm-release-rollback-failed.md'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        '2018-05-15-crm-release-rollback-failed.md:5:11 error Expected `severity` to be one of SEV1, SEV2, SEV3, SEV4',
      );
    } finally {
      await cleanup();
    }
  });

  it('takes extra leak patterns from the config file', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify({ internalPatterns: ['Relata'] }));
      const result = await runCli(['notice', join(ROOT, EXAMPLE), '--timezone', 'UTC'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('found internal text matching /Relata/: "Relata". (notice-leak)');
      const broken = await runCli(['notice', join(ROOT, EXAMPLE), '--config', 'missing.json'], { cwd: dir });
      expect(broken.code).toBe(2);
    } finally {
      await cleanup();
    }
  });
});

describe('postmortem notice: usage and output', () => {
  it.each([
    [
      ['--timezone', 'Mars/Olympus_Mons'],
      '--timezone: expected an IANA time zone such as Europe/Berlin or UTC, found "Mars/Olympus_Mons".',
    ],
    [['--channel', 'fax'], "argument 'fax' is invalid"],
    [['--lang', 'fr'], "argument 'fr' is invalid"],
  ])('%j exits 2', async (args, message) => {
    const result = await runCli(['notice', EXAMPLE, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('escapes user text for Markdown in the blog and keeps it plain in the e-mail', async () => {
    const blog = await runCli(['notice', fixture('notice-markdown'), '--timezone', 'UTC']);
    expect(blog.code).toBe(0);
    expect(blog.stdout).toContain('# Disruption of the \\*Relata\\* web app \\<b\\>\\[now\\]\\</b\\>\n');
    expect(blog.stdout).toContain('\\# A software update\\_with\\_underscores caused');
    const email = await runCli(['notice', fixture('notice-markdown'), '--channel', 'email', '--timezone', 'UTC']);
    expect(email.stdout).toContain('Subject: Disruption of the *Relata* web app <b>[now]</b>\n');
    expect(email.stdout).toContain('\n# A software update_with_underscores caused');
  });

  it('writes --out and refuses to overwrite it without --force', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const args = ['notice', join(ROOT, EXAMPLE), '--channel', 'email', '--timezone', 'UTC', '--out', 'mail.txt'];
      expect((await runCli(args, { cwd: dir })).code).toBe(0);
      expect(await readFile(join(dir, 'mail.txt'), 'utf8')).toMatch(/^Subject: Disruption of the Relata web app\n/);
      const again = await runCli(args, { cwd: dir });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('mail.txt already exists; use --force');
      expect((await runCli([...args, '--force'], { cwd: dir })).code).toBe(0);
    } finally {
      await cleanup();
    }
  });

  describe('template overrides', () => {
    let dir = '';
    let cleanup: () => Promise<void> = async () => undefined;
    beforeAll(async () => {
      ({ dir, cleanup } = await tempDir());
      await mkdir(join(dir, 'notice', 'partials'), { recursive: true });
      await writeFile(join(dir, 'notice', 'status.txt.hbs'), 'BANNER {{headline}} / {{> facts-en}}\n');
      await writeFile(join(dir, 'notice', 'partials', 'facts-en.txt.hbs'), '{{duration}} since {{started}}');
    });
    afterAll(() => cleanup());

    it('uses the channel template and partials from --templates', async () => {
      const result = await runCli(['notice', EXAMPLE, '--channel', 'status', '--timezone', 'UTC', '--templates', dir]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        'BANNER Disruption of the Relata web app / about 3 hours since May 15, 2018, 12:02 PM\n',
      );
    });
  });
});
