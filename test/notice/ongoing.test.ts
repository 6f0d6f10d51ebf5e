import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, ROOT } from '../helpers/cli.js';

// These tests run the built binary: `npm run build` first (npm test does).
const EXAMPLE = 'examples/2018-05-15-crm-release-rollback-failed.md';

/** The example as a draft whose incident is still going on: no mitigated, no resolved. */
async function writeOngoing(dir: string): Promise<string> {
  const source = (await readFile(join(ROOT, EXAMPLE), 'utf8'))
    .replace(/^status: final$/m, 'status: draft')
    .replace(/^(mitigated|resolved): .*\n/gm, '');
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
    'Since May 15, 2018, 12:02 PM (Coordinated Universal Time), this has affected crm-web, crm-workers, and fragment-cache. No data has been lost.';
  const DE =
    'Seit dem 15. Mai 2018, 12:02 Uhr (Koordinierte Weltzeit) sind crm-web, crm-workers und fragment-cache betroffen. Bisher sind keine Daten verloren gegangen.';

  it.each([
    ['status', 'en', EN],
    ['email', 'en', EN],
    ['blog', 'en', EN],
    ['status', 'de', DE],
    ['email', 'de', DE],
    ['blog', 'de', DE],
  ])('%s in %s says since when, with no end and no duration', async (channel, lang, facts) => {
    const result = await runCli(['notice', file, '--channel', channel, '--lang', lang, '--timezone', 'UTC']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(facts);
    expect(result.stdout).not.toMatch(/ to \(| bis zum \(|for ,|also {2}lang/);
  });

  it.each([
    ['en', '## How this affects you', '## How this affected you'],
    ['de', '## Was das für Sie bedeutet\n', '## Was das für Sie bedeutete'],
  ])('the blog in %s speaks of the impact in the present tense', async (lang, present, past) => {
    const result = await runCli(['notice', file, '--channel', 'blog', '--lang', lang, '--timezone', 'UTC']);
    expect(result.stdout).toContain(present);
    expect(result.stdout).not.toContain(past);
  });
});
