import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess as runCli, tempDir, ROOT } from '../helpers/cli.js';

const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';
const fixture = (name: string) => `test/fixtures/notice/2018-05-15-${name}.md`;

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
    [['--lang', 'it'], "argument 'it' is invalid"],
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
});
