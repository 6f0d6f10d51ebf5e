import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';

const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

/** Drops the lines of the example's `notice.<key>` block (the key and its indented lines). */
const drop = (key: string) => (s: string) => s.replace(new RegExp(`^ {2}${key}:.*\\n(?: {4}.*\\n)*`, 'm'), '');

/** Runs `notice` on the edited example in a temp folder with the given config. */
async function run(edit: (s: string) => string, config: object, args: string[]) {
  await writeFile(join(dir, 'crm.md'), edit(await readFile(join(ROOT, EXAMPLE), 'utf8')));
  await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify(config));
  return runInProcess(['notice', 'crm.md', ...args], { cwd: dir });
}

const CONFIG_SERVICES = {
  'crm-web': { en: 'CRM web app', de: 'CRM-Web-App' },
  'crm-workers': { en: 'reminders', de: 'Erinnerungen' },
  'fragment-cache': { en: 'CRM web app', de: 'CRM-Web-App' },
};

describe('display names of services', () => {
  it('refuses a service without a display name, at its entry in `services`, saying where to add it', async () => {
    const result = await run(drop('services'), {}, ['--lang', 'de']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'crm.md:10:5 error Expected a display name for service "crm-web" in de, found none; add `crm-web: { de: "..." }` ' +
        'under `notice.services` in this file or in the config (.postmortemrc.json). (notice-services)',
    );
    expect(result.stderr).toContain('crm.md:12:5 error Expected a display name for service "fragment-cache" in de');
  });

  it("takes them from the config's notice.services when the file has none", async () => {
    const result = await run(drop('services'), { notice: { services: CONFIG_SERVICES } }, ['--channel', 'status']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Affected services: CRM web app and reminders.');
  });

  it("prefers the file's names to the config's", async () => {
    const result = await run((s) => s, { notice: { services: CONFIG_SERVICES } }, ['--channel', 'status']);
    expect(result.stdout).toContain('Affected services: Relata web app and scheduled reminder e-mails.');
  });
});

describe("the company's voice", () => {
  const noVoice = (s: string) => drop('signature')(s).replace(/^ {2}company: .*\n/m, '');

  it('signs e-mails with the config signature and names the company in the subject', async () => {
    const config = { notice: { company: 'Acme', signature: { en: 'Your Acme team', de: 'Ihr Acme-Team' } } };
    const result = await run(noVoice, config, ['--channel', 'email']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Subject: Acme: Disruption of the Relata web app\n/);
    expect(result.stdout.trimEnd().endsWith('\n\nYour Acme team')).toBe(true);
  });

  it('does not repeat the company in a subject that names it', async () => {
    const result = await run((s) => s, {}, ['--channel', 'email']);
    expect(result.stdout).toMatch(/^Subject: Disruption of the Relata web app\n/);
  });

  it('warns about an e-mail without a signature, and only for e-mails', async () => {
    const email = await run(noVoice, {}, ['--channel', 'email', '--lang', 'de']);
    expect(email.code).toBe(0);
    expect(email.stderr).toContain(
      'crm.md:36:1 warning Expected a signature for e-mails in de, found none; add `notice.signature.de` to the config (.postmortemrc.json)',
    );
    expect(
      email.stdout
        .trimEnd()
        .endsWith(
          'Es tut uns leid. Sie verlassen sich darauf, dass Relata während Ihres Arbeitstages zur Verfügung steht, ' +
            'und an einem einzigen Nachmittag war das gleich zweimal nicht der Fall.',
        ),
    ).toBe(true);
    const blog = await run(noVoice, {}, ['--channel', 'blog']);
    expect(blog.stderr).toBe('');
  });
});

describe('impact windows', () => {
  it('refuses windows that do not add up, at their position', async () => {
    const result = await run(
      (s) => s.replace('start: "2018-05-15T15:48:00+02:00"', 'start: "2018-05-15T14:20:00+02:00"'),
      {},
      [],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'crm.md:24:14 error Expected `impact.windows[1]` to start after the previous window ends, found it overlapping. (impact-windows)',
    );
  });
});

describe('the same rule settings as lint', () => {
  it.each([
    [
      { 'notice-leak': ['error', { patterns: ['\\bRelata\\b'] }] },
      1,
      'error Expected customer-facing text in `notice.headline.en`, found internal text matching /\\bRelata\\b/: "Relata". (notice-leak)',
    ],
    [
      { 'notice-leak': ['warn', { patterns: ['\\bRelata\\b'] }] },
      0,
      'warning Expected customer-facing text in `notice.headline.en`',
    ],
    [{ 'notice-leak': 'off' }, 0, ''],
  ] as const)('rules %j: exit %i', async (rules, code, message) => {
    const result = await run((s) => s, { rules, internalPatterns: ['web app'] }, ['--channel', 'status']);
    expect(result.code).toBe(code);
    if (message) expect(result.stderr).toContain(message);
    else expect(result.stderr).toBe('');
  });

  it("takes the config's internalPatterns", async () => {
    const result = await run((s) => s, { internalPatterns: ['Relata'] }, []);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('found internal text matching /Relata/: "Relata". (notice-leak)');
  });

  it('words ISO dates in a headline for customers', async () => {
    const headline = (s: string) =>
      s
        .replace('en: "Disruption of the Relata web app"', 'en: "Service disruption on 2018-05-15"')
        .replace('de: "Störung der Relata-Web-App"', 'de: "Störung unseres Dienstes am 2018-05-15"');
    expect((await run(headline, {}, ['--channel', 'status'])).stdout).toMatch(/^Service disruption on May 15, 2018\n/);
    expect((await run(headline, {}, ['--channel', 'email', '--lang', 'de'])).stdout).toMatch(
      /^Subject: Relata: Störung unseres Dienstes am 15\. Mai 2018\n/,
    );
  });
});

describe('template overrides', () => {
  it('uses the channel template and partials from --templates', async () => {
    const templates = join(dir, 'templates');
    await mkdir(join(templates, 'notice', 'partials'), { recursive: true });
    await writeFile(join(templates, 'notice', 'status.txt.hbs'), 'BANNER {{headline}} / {{> since}}\n');
    await writeFile(join(templates, 'notice', 'partials', 'since.txt.hbs'), 'since {{started}}');
    const result = await runInProcess(['notice', EXAMPLE, '--channel', 'status', '--templates', templates]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('BANNER Disruption of the Relata web app / since May 15, 2018, 2:02 PM (CEST)\n');
  });
});
