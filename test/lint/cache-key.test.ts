import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

// Real cached re-runs: a first run fills the cache, then one input a rule declares (`dependsOn`)
// changes and the file does not. The cached run must report what an uncached run reports, and
// that must differ from the first run, or the case would prove nothing.

const NAME = '2020-01-01-api-outage.md';

let dir: string;
let cleanup: () => Promise<void>;
let complete: string;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-cache-key-'));
  complete = await readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');
});
afterAll(async () => cleanup());

interface Run {
  config: Record<string, unknown>;
  args: string[];
}

const NOTICE_NAMES = 'services: { api: { en: "our API" } },';

const cases: Array<[string, (text: string) => string, Run, Run]> = [
  [
    'the --now day (action-item-overdue)',
    (text) => text,
    { config: {}, args: ['--rule', 'action-item-overdue:error', '--now', '2020-01-15'] },
    { config: {}, args: ['--rule', 'action-item-overdue:error', '--now', '2020-03-01'] },
  ],
  [
    "the config's categories (root-cause-category)",
    (text) => text.replace('category: configuration', 'category: gremlins'),
    { config: { categories: ['gremlins'] }, args: [] },
    { config: {}, args: [] },
  ],
  [
    "the config's sections (required-sections, section-order)",
    (text) => text,
    { config: {}, args: [] },
    { config: { sections: ['Summary', 'Impact', 'Postscript'] }, args: [] },
  ],
  [
    "the config's display names (notice-services)",
    (text) => text.replace(NOTICE_NAMES, ''),
    { config: { notice: { services: { api: { en: 'our API' } } } }, args: [] },
    { config: {}, args: [] },
  ],
  [
    "the config's signature (notice-signature)",
    (text) => text.replace(' signature: { en: "Your API team" },', ''),
    { config: { notice: { signature: { en: 'Your API team' } } }, args: [] },
    { config: {}, args: [] },
  ],
  [
    "the config's public contacts (notice-leak)",
    (text) => text.replace('We are sorry for the disruption.', 'We are sorry; write to help@example.com.'),
    { config: { notice: { publicContacts: ['help@example.com'] } }, args: [] },
    { config: {}, args: [] },
  ],
  [
    "the config's internalPatterns (notice-leak)",
    (text) => text,
    { config: {}, args: [] },
    { config: { internalPatterns: ['\\bconfiguration change\\b'] }, args: [] },
  ],
];

async function lint(root: string, run: Run, cache: boolean): Promise<{ code: number; messages: unknown }> {
  await writeFile(join(root, '.postmortemrc.json'), JSON.stringify(run.config));
  const args = ['lint', '--format', 'json', ...run.args, ...(cache ? ['--cache', '--cache-location', '.cache/'] : [])];
  const result = await runInProcess(args, { cwd: root });
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  return { code: result.code, messages: report.map((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)) };
}

describe('the lint cache key holds every input an enabled rule declares', () => {
  it.each(cases)('a cached run reports again after %s changes', async (name, edit, first, second) => {
    const root = join(dir, name.replace(/\W+/g, '-'));
    await mkdir(join(root, 'postmortems'), { recursive: true });
    await writeFile(join(root, 'postmortems', NAME), edit(complete));
    const before = await lint(root, first, true);
    const uncached = await lint(root, second, false);
    expect(uncached).not.toEqual(before);
    expect(await lint(root, second, true)).toEqual(uncached);
  });
});
