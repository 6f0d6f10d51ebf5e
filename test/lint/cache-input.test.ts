import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/model/index.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const NAME = '2020-01-01-api-outage.md';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-lint-cache-input-'));
  const text = await readFile(join(ROOT, 'test/fixtures/complete-postmortem.md'), 'utf8');
  await mkdir(join(dir, 'postmortems'), { recursive: true });
  await writeFile(join(dir, 'postmortems', NAME), text.replace('The change was reverted.', 'Human error.'));
});
afterAll(async () => cleanup());

describe('a cache with a valid key but malformed entries', () => {
  // The file holds one list per field (src/lint/cache.ts); test/lint/cache.test.ts has more shapes.
  type Data = Record<string, unknown> & { messages: Record<string, unknown> };
  const message = { ruleId: 'x', severity: 2, message: 'm', line: 1, column: 1 };
  it.each([
    ['a list cut short', (d: Data) => ({ ...d, idAt: [] })],
    ['messages that are not a list', (d: Data) => ({ ...d, messages: { 0: 'none' } })],
    ['a message without a line', (d: Data) => ({ ...d, messages: { 0: [{ ...message, line: undefined }] } })],
    ['a message of severity 3', (d: Data) => ({ ...d, messages: { 0: [{ ...message, severity: 3 }] } })],
  ])('%s is a miss: the file is linted again', async (_name, corrupt) => {
    const cache = join(dir, `cache-${_name.replace(/\W+/g, '-')}.json`);
    const args = ['lint', '--format', 'json', '--cache', '--cache-location', cache];
    const first = await runInProcess(args, { cwd: dir });
    const data = JSON.parse(await readFile(cache, 'utf8')) as Data;
    expect(data).toMatchObject({ base: join(dir, 'postmortems', '/'), paths: NAME });
    await writeFile(cache, JSON.stringify(corrupt(data)));
    const second = await runInProcess(args, { cwd: dir });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(first.code);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });
});

describe('--now', () => {
  it.each(['2020-02-30', '2021-02-29', '2020-13-01', '2020-04-31T10:00:00Z', 'tomorrow'])(
    'refuses %s (exit 2)',
    async (now) => {
      const result = await runInProcess(['lint', '--now', now], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--now ${now}: expected a date (2020-02-01) or an ISO timestamp`);
    },
  );

  it.each(['2020-02-29', '2020-02-29T23:59:59+01:00'])('accepts %s', async (now) => {
    expect((await runInProcess(['lint', '--now', now], { cwd: dir })).code).toBe(0);
  });
});

describe('!!binary in the front matter', () => {
  it('is parsed to bytes, which a message can name as binary data (not "a mapping")', () => {
    const { postmortem } = parsePostmortem('---\ntitle: !!binary aGVsbG8=\n---\n', '/x/a.md');
    expect(postmortem.data.title).toBeInstanceOf(Uint8Array);
  });
});
