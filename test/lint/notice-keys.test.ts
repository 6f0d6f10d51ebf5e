import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';

const EXAMPLE = '2020-10-07-sync-storage-migration-data-loss.md';

describe('lint: notice settings written into the front matter', () => {
  it('warns, naming the key and its line, that notice.timezone and notice.locale belong in .postmortemrc.json', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const text = await readFile(join(ROOT, 'examples', EXAMPLE), 'utf8');
      // Where a team would try it: under `languages`, German readers in Berlin, English in en-GB.
      const edited = text.replace(
        /^(notice:\n {2}languages: .*\n)/m,
        '$1  timezone: { de: Europe/Berlin }\n  locale: { en: en-GB }\n',
      );
      expect(edited).not.toBe(text);
      await writeFile(join(dir, EXAMPLE), edited);
      const line = edited.split('\n').indexOf('  timezone: { de: Europe/Berlin }') + 1;
      const result = await runInProcess(['lint', EXAMPLE, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(0);
      const [file] = JSON.parse(result.stdout) as Array<{
        messages: Array<{ ruleId: string; severity: number; line: number; column: number; message: string }>;
      }>;
      const found = file!.messages.filter((m) => m.ruleId === 'notice-keys');
      expect(found.map(({ severity, line, column }) => ({ severity, line, column }))).toEqual([
        { severity: 1, line, column: 3 },
        { severity: 1, line: line + 1, column: 3 },
      ]);
      expect(found[0]!.message).toContain('`notice.timezone`');
      expect(found[0]!.message).toContain('.postmortemrc.json');
      expect(found[1]!.message).toContain('`notice.locale`');
      // Ignored, as the warning says: German readers still read the file's zone.
      const notice = await runInProcess(['notice', EXAMPLE, '--channel', 'status', '--lang', 'de'], { cwd: dir });
      expect(notice.stdout).toContain('Nordamerikanische Westküsten-Sommerzeit');
    } finally {
      await cleanup();
    }
  });
});
