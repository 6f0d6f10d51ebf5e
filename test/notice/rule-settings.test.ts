/**
 * `notice`, `publish` and `new` read the rule settings `lint` reads: a notice rule set to "off" or
 * "warn" in the config is off or a warning for them too; an unknown rule id or a bad rule option
 * is a config error (exit 2) for every command; the leak patterns apply everywhere.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';
import { makeSite, SITE_FILES } from '../publish/site.js';

const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';
/** The example (a SEV2) with "outage" in its English headline: notice-wording refuses it by default. */
const OUTAGE = (s: string) => s.replace(/^( {2}headline:\n {4}en: )/m, '$1Outage and ');

let dir = '';
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  const temp = await tempDir();
  dir = temp.dir;
  cleanups.push(temp.cleanup);
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Writes the edited example as crm.md and the config into the temp folder. */
async function project(edit: (s: string) => string, config: object | null): Promise<void> {
  await writeFile(join(dir, 'crm.md'), edit(await readFile(join(ROOT, EXAMPLE), 'utf8')));
  await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify(config ?? {}));
}

const notice = (...args: string[]) => runInProcess(['notice', 'crm.md', '--lang', 'en', ...args], { cwd: dir });
const lint = () => runInProcess(['lint', 'crm.md', '--rule', 'id-filename:off'], { cwd: dir });

describe('notice reads the rule levels lint reads', () => {
  it.each([
    ['default', {}, 1, 'error'],
    ['"warn"', { rules: { 'notice-wording': 'warn' } }, 0, 'warning'],
    ['"off"', { rules: { 'notice-wording': 'off' } }, 0, null],
  ])('notice-wording at %s: lint and notice agree', async (_what, config, code, shown) => {
    await project(OUTAGE, config);
    const [linted, noticed] = [await lint(), await notice()];
    expect(linted.code).toBe(code);
    expect(noticed.code).toBe(code);
    if (shown)
      expect(noticed.stderr).toMatch(new RegExp(`crm\\.md:\\d+:\\d+ ${shown} .*"Outage".*\\(notice-wording\\)`));
    else expect(noticed.stderr).not.toContain('notice-wording');
  });

  it('notice-timezone: an unknown zone stops both; with the rule off, notice shows the config zone', async () => {
    const cest = (s: string) => s.replace(/^timezone: .*$/m, 'timezone: CEST');
    await project(cest, {});
    expect((await lint()).code).toBe(1);
    const refused = await notice();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('found "CEST". (notice-timezone)');
    await project(cest, { rules: { 'notice-timezone': 'off' }, notice: { timezone: 'America/New_York' } });
    expect((await lint()).code).toBe(0);
    const shown = await notice('--channel', 'status');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/\bEDT\b/);
  });

  it('an unknown rule id or an invalid rule option is a config error for notice, as for lint (exit 2)', async () => {
    await project((s) => s, { rules: { 'notice-wordng': 'off' } });
    for (const result of [await lint(), await notice()]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('`rules.notice-wordng`: expected a rule id, found an unknown one.');
    }
    await project((s) => s, { rules: { 'notice-leak': ['error', { patterns: ['('] }] } });
    for (const result of [await lint(), await notice()]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('rules.notice-leak[1].patterns[0]');
    }
  });

  it("the notice-leak rule's patterns stop notice as they stop lint", async () => {
    await project((s) => s, { rules: { 'notice-leak': ['error', { patterns: ['\\bmobile apps?\\b'] }] } });
    expect((await lint()).code).toBe(1);
    const result = await notice();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('found internal text matching /\\bmobile apps?\\b/');
  });
});

describe("a notice rule's options apply to notice as to lint", () => {
  it('notice-wording `words`: a project word for a total outage stops both; a bad option is exit 2 for both', async () => {
    const down = (s: string) => s.replace(/^( {2}headline:\n {4}en: )/m, '$1Down and ');
    await project(down, {});
    expect((await lint()).code).toBe(0);
    expect((await notice()).code).toBe(0);
    await project(down, { rules: { 'notice-wording': ['error', { words: { en: ['\\bdown\\b'] } }] } });
    expect((await lint()).code).toBe(1);
    const refused = await notice();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('found "Down" in `notice.headline.en`. (notice-wording)');
    await project(down, { rules: { 'notice-wording': ['error', { words: { it: ['guasto'] } }] } });
    for (const result of [await lint(), await notice()]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('rules.notice-wording[1].words');
    }
  });
});

describe('publish reads them too', () => {
  it('publishes a SEV2 "outage" only when the config turns notice-wording off, as lint passes it', async () => {
    const site = await makeSite(SITE_FILES.jekyll as Record<string, string>);
    cleanups.push(site.cleanup);
    const publish = () =>
      runInProcess(['publish', 'crm.md', '--site', site.dir, '--lang', 'en', '--dry-run'], { cwd: dir });
    await project(OUTAGE, {});
    const refused = await publish();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(notice-wording)');
    await project(OUTAGE, { rules: { 'notice-wording': 'off' } });
    const published = await publish();
    expect(published.code).toBe(0);
    expect(published.stderr).not.toContain('notice-wording');
  });
});

describe('new reads them too', () => {
  it("reports what would stop the notice with the project's leak patterns, and still writes the file", async () => {
    const work = await tempDir();
    cleanups.push(work.cleanup);
    const services = {
      'crm-web': { en: 'web app', de: 'Web-App' },
      'crm-workers': { en: 'reminders', de: 'Erinnerungen' },
    };
    await writeFile(
      join(work.dir, '.postmortemrc.json'),
      JSON.stringify({ internalPatterns: ['\\bmobile apps\\b'], notice: { services } }),
    );
    const answers = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');
    const result = await runInProcess(['new', '--answers', answers], { cwd: work.dir });
    // Written, with the errors lint would give: exit 1, as lint.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /:\d+:\d+ error Expected customer-facing text in `notice\.customer_impact\.en`, found internal text matching/,
    );
    expect(result.stderr).toMatch(/\d+ problems left: run `postmortem lint postmortems\/\S+\.md`/);
    const [name] = await readdir(join(work.dir, 'postmortems'));
    const linted = await runInProcess(['lint', join('postmortems', name!)], { cwd: work.dir });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toContain('notice-leak');
  });

  it('refuses a config with an unknown rule id, as lint does (exit 2)', async () => {
    const work = await tempDir();
    cleanups.push(work.cleanup);
    await writeFile(join(work.dir, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const answers = join(ROOT, 'examples', 'answers', 'crm-release-rollback.yaml');
    const result = await runInProcess(['new', '--answers', answers], { cwd: work.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rules.no-such-rule');
  });
});
