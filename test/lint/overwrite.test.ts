import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../src/lint/ownership.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const NAME = '2020-01-01-api-outage.md';

let dir: string;
let cleanup: () => Promise<void>;
let text: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-lint-overwrite-'));
  text = await readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');
  await mkdir(join(dir, 'postmortems'), { recursive: true });
  await writeFile(join(dir, 'postmortems', NAME), text.replace('The change was reverted.', 'Human error.'));
  await writeFile(join(dir, 'postmortems', '2020-01-02-other.md'), text.replace(/^id: .*$/m, 'id: 2020-01-02-other'));
});
afterAll(async () => cleanup());

describe('report and cache files never replace a file lint did not write', () => {
  it('refuses -o onto a postmortem (exit 2), and allows it with --force', async () => {
    const target = join(dir, 'postmortems', '2020-01-02-other.md');
    const refused = await runInProcess(['lint', 'postmortems/' + NAME, '-o', target], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refusing to replace a file that is not a postmortem lint report');
    expect(await readFile(target, 'utf8')).toMatch(/^---\n/);
    const forced = await runInProcess(['lint', 'postmortems/' + NAME, '-o', target, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readFile(target, 'utf8')).toContain('Human error');
    await writeFile(target, text.replace(/^id: .*$/m, 'id: 2020-01-02-other'));
  });

  it.each(['stylish', 'json', 'sarif', 'github', 'junit'])(
    'replaces its own %s report on the next run',
    async (format) => {
      const out = join(dir, `report-${format}`);
      for (let run = 0; run < 2; run++) {
        const result = await runInProcess(['lint', '--format', format, '-o', out], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      expect(looksLikeReport(await readFile(out, 'utf8'))).toBe(true);
    },
  );

  it('refuses --cache-location onto a postmortem (exit 2) and reuses its own cache', async () => {
    const target = join(dir, 'postmortems', '2020-01-02-other.md');
    const refused = await runInProcess(['lint', '--cache', '--cache-location', target], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not a postmortem lint cache');
    expect(await readFile(target, 'utf8')).toMatch(/^---\n/);
    const cache = join(dir, 'cache.json');
    for (let run = 0; run < 2; run++) {
      const result = await runInProcess(['lint', '--cache', '--cache-location', cache], { cwd: dir });
      expect(result.code).toBe(0);
    }
    expect(JSON.parse(await readFile(cache, 'utf8'))).toHaveProperty('paths');
    // A cache of an older format (its key a SHA-1) is lint's too: replaced without --force.
    await writeFile(cache, JSON.stringify({ key: 'a'.repeat(40), savedAt: 1, files: {} }));
    expect((await runInProcess(['lint', '--cache', '--cache-location', cache], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(await readFile(cache, 'utf8'))).toHaveProperty('paths');
  });

  it('does not take a postmortem or a README for a report', () => {
    expect(looksLikeReport(text)).toBe(false);
    expect(looksLikeReport('# Postmortems\n\nSee the folder.\n')).toBe(false);
  });
});
