import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempDir, ROOT } from '../helpers/cli.js';
import { makeSite, SITE_FILES } from './site.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('postmortem publish of an incident that is not over yet', () => {
  it.each([
    [
      'en',
      'A disruption has been ongoing since 2:02 PM (CEST) on May 15, 2018. Affected services: Relata web app and scheduled reminder e-mails.',
    ],
    [
      'de',
      'Seit dem 15. Mai 2018, 14:02 Uhr (MESZ), besteht eine Störung. Betroffen sind: Relata-Web-App und geplante Erinnerungsmails.',
    ],
  ])('the cState post in %s says since when and is not resolved', async (lang, facts) => {
    const work = await tempDir();
    cleanups.push(work.cleanup);
    const source = (await readFile(join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md'), 'utf8'))
      .replace(/^status: final$/m, 'status: draft')
      .replace(/^(mitigated|resolved): .*\n/gm, '')
      .replace(/^ {2}windows:\n(?: {4}.*\n)+/m, '');
    const file = join(work.dir, '2018-05-15-crm-release-rollback-failed.md');
    await writeFile(file, source);
    const site = await makeSite(SITE_FILES.cstate ?? {});
    cleanups.push(site.cleanup);
    const result = await runInProcess([
      'publish',
      file,
      '--site',
      site.dir,
      '--allow-draft',
      '--dry-run',
      '--lang',
      lang,
      '--timezone',
      'Europe/Berlin',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(facts);
    expect(result.stdout).toMatch(/^\+resolved: false$/m);
    expect(result.stdout).not.toMatch(/ to \(| bis zum \(/);
  });
});
