import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess as runCli, tempDir, ROOT } from '../helpers/cli.js';

const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';

/** The example as a draft whose incident is still going on: no mitigated, no resolved. */
async function writeOngoing(dir: string): Promise<string> {
  const source = (await readFile(join(ROOT, EXAMPLE), 'utf8'))
    .replace(/^status: final$/m, 'status: draft')
    .replace(/^(mitigated|resolved): .*\n/gm, '')
    .replace(/^ {2}windows:\n(?: {4}.*\n)+/m, '');
  const path = join(dir, 'x.md');
  await writeFile(path, source);
  return path;
}

describe('postmortem notice for an incident that is not over yet (no mitigated, no resolved)', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let file = '';
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    file = await writeOngoing(dir);
  });
  afterAll(() => cleanup());

  const EN =
    'A disruption has been ongoing since 12:02 PM (UTC) on May 15, 2018. Affected services: Relata web app and scheduled reminder e-mails.';
  const DE =
    'eit dem 15. Mai 2018, 12:02 Uhr (UTC), besteht eine Störung. Betroffen sind: Relata-Web-App und geplante Erinnerungsmails.';
  const FR =
    'Une perturbation est en cours depuis le 15 mai 2018 à 12\u00a0h\u00a002 (UTC). ' +
    'Services concernés\u202f: application web Relata et e-mails de rappel programmés.';

  it.each([
    ['status', 'en', EN],
    ['email', 'en', EN],
    ['blog', 'en', EN],
    ['status', 'de', DE],
    ['email', 'de', DE],
    ['blog', 'de', DE],
    ['status', 'fr', FR],
    ['email', 'fr', FR],
    ['blog', 'fr', FR],
  ])('%s in %s says since when, with no end and no duration', async (channel, lang, facts) => {
    const result = await runCli(['notice', file, '--channel', channel, '--lang', lang, '--timezone', 'UTC']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(facts);
    expect(result.stdout).not.toMatch(/ to \(| bis zum \(|lasted|dauerte| au \(|a duré|soit /);
  });

  it.each([
    ['en', 'No data has been lost so far.'],
    ['de', 'Bisher sind keine Daten verloren gegangen.'],
    ['fr', 'Aucune donnée n’a été perdue à ce stade.'],
  ])('the status text in %s says that no data has been lost so far', async (lang, data) => {
    const result = await runCli(['notice', file, '--channel', 'status', '--lang', lang, '--timezone', 'UTC']);
    expect(result.stdout).toContain(data);
  });

  it.each([
    ['en', '## How this affects you', '## How this affected you'],
    ['de', '## Was das für Sie bedeutet\n', '## Was das für Sie bedeutete'],
    ['fr', '## Ce que cela signifie pour vous', '## Ce que cela a signifié pour vous'],
  ])('the blog in %s speaks of the impact in the present tense', async (lang, present, past) => {
    const result = await runCli(['notice', file, '--channel', 'blog', '--lang', lang, '--timezone', 'UTC']);
    expect(result.stdout).toContain(present);
    expect(result.stdout).not.toContain(past);
  });
});
