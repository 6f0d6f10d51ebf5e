/**
 * The notice rules read the config's `notice` block (display names, signature) through the lint
 * settings, which are plain data: the same in-process and in every worker thread.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../../src/lint/run.js';
import { ROOT, runCli, runInProcess, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');
const NOTICE = {
  signature: { en: 'The Relata team', de: 'Ihr Relata-Team', fr: 'L’équipe Relata' },
  services: {
    'crm-web': { en: 'web app', de: 'Web-App', fr: 'application web' },
    'crm-workers': { en: 'reminders', de: 'Erinnerungen', fr: 'rappels' },
    'fragment-cache': { en: 'web app', de: 'Web-App', fr: 'application web' },
  },
};

type Results = Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>;

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  // The example without its own display names and signature: only the config can supply them.
  const text = (await readFile(EXAMPLE, 'utf8'))
    .replace(/^ {2}services:\n(?: {4}.*\n)+/m, '')
    .replace(/^ {2}signature:\n(?: {4}.*\n)+/m, '');
  const oldId = /^id: (.*)$/m.exec(text)![1]!;
  await Promise.all(
    Array.from({ length: WORKER_THRESHOLD }, (_, i) =>
      writeFile(join(dir, `${oldId}-${i}.md`), text.replace(/^id: .*$/m, `id: ${oldId}-${i}`)),
    ),
  );
});
afterAll(() => cleanup());

describe("the config's notice block reaches the notice rules", () => {
  it('without it, every file lacks display names (errors) and a signature (warnings)', async () => {
    await writeFile(join(dir, '.postmortemrc.json'), '{}');
    const result = await runInProcess(['lint', '*.md', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const results = JSON.parse(result.stdout) as Results;
    expect(results).toHaveLength(WORKER_THRESHOLD);
    // Each language the example's notice names lacks three display names and a signature.
    const languages = /^ {2}languages: \[(.*)\]$/m.exec(await readFile(EXAMPLE, 'utf8'))![1]!.split(', ');
    expect(languages.length).toBeGreaterThan(1);
    for (const r of results) {
      expect(r.messages.filter((m) => m.ruleId === 'notice-services')).toHaveLength(3 * languages.length);
      expect(r.messages.filter((m) => m.ruleId === 'notice-signature' && m.severity === 1)).toHaveLength(
        languages.length,
      );
    }
  });

  it('with it, the files are clean, also when linted in worker threads (the binary)', async () => {
    await writeFile(join(dir, '.postmortemrc.json'), JSON.stringify({ notice: NOTICE }));
    const log = join(dir, 'workers.log');
    const result = await runCli(['lint', '*.md', '--format', 'json'], {
      cwd: dir,
      env: { WORKER_LOG: log, NODE_OPTIONS: `--import=${join(ROOT, 'test/helpers/count-workers.mjs')}` },
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const results = JSON.parse(result.stdout) as Results;
    expect(results).toHaveLength(WORKER_THRESHOLD);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean).length).toBeGreaterThan(1);
  });
});
