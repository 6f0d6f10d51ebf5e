import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFiles } from '../../src/lint/files.js';
import { readIncidents } from '../../src/stats/collect.js';
import { packInput, unpackInput } from '../../src/stats/transfer.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { postmortemText } from './fixture.js';

describe('what a stats worker posts', () => {
  const temp = tempDir('postmortem-stats-transfer-');
  afterAll(async () => (await temp).cleanup());

  it.each([false, true])(
    'unpacks to the records and notes that were packed, keys in the same order (texts: %s)',
    async (texts) => {
      const { dir } = await temp;
      // Besides the examples: a file of warnings (null times, a bad severity, an unknown status, no
      // due date), one that cannot be read at all, and one with windows.
      const odd = postmortemText({
        id: '2021-02-03-odd',
        severity: 'SEV9',
        started: '2021-02-03T10:00:00+01:00',
        mitigated: '2021-02-03T09:00:00+01:00',
        customers: 0,
        actions: [['Fix it', 'mitigate', 'ops', 'soon', 'maybe', '-']],
      });
      const windows = postmortemText({
        id: '2021-03-04-windows',
        started: '2021-03-04T10:00:00Z',
        mitigated: '2021-03-04T12:00:00Z',
        windows: [{ start: '2021-03-04T10:00:00Z', end: '2021-03-04T10:30:00Z' }],
        actions: [['Prevent it', 'prevent', 'dev', '2021-04-01', 'done', 'OPS-1']],
      });
      await writeFile(join(dir, 'odd.md'), odd);
      await writeFile(join(dir, 'windows.md'), windows);
      await writeFile(join(dir, 'broken.md'), '---\nseverity: [\n');
      const files = [
        ...findFiles(['examples'], ROOT).files,
        ...['odd', 'windows', 'broken'].map((n) => join(dir, `${n}.md`)),
      ];
      const input = await readIncidents(files, { cwd: ROOT, texts });
      expect(input.records).toHaveLength(7);
      expect(input.unreadable).toHaveLength(1);
      expect(input.warnings.length).toBeGreaterThan(3);
      // Items with their texts only when asked for; packed and unpacked alike.
      const item = input.records.find((r) => r.id === '2021-03-04-windows')?.actionItems[0];
      expect(item && Object.keys(item)).toEqual([
        ...['postmortem', 'path', 'line'],
        ...(texts ? ['action'] : []),
        ...['type', 'owner', 'due', 'status'],
        ...(texts ? ['ticket'] : []),
      ]);
      const unpacked = unpackInput(packInput(input, texts), texts);
      expect(unpacked).toEqual(input);
      // toEqual ignores the order of keys; the JSON of `stats` and `actions` does not.
      expect(JSON.stringify(unpacked)).toBe(JSON.stringify(input));
    },
  );
});
