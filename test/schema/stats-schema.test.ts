import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { statsReportSchema } from '../../src/schema/stats.js';
import { compileSchema } from '../ecosystem/ajv.js';
import { ROOT, runInProcess, tempDir } from '../helpers/cli.js';
import { writeIncidents } from '../stats/fixture.js';

// schema/stats.schema.json is generated from the zod schema the report's types are inferred from
// (json-schemas.test.ts holds the file current); a real report must pass both.

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir('postmortem-stats-schema-')));
afterEach(() => cleanup());

describe('the stats report and its schema', () => {
  it('a real `stats --format json` passes the committed JSON Schema and the zod schema', async () => {
    // Three capacity incidents on checkout make a recurrence chain; a file without front matter is unreadable.
    const prevent = [['Add capacity alerts', 'prevent', 'sre', '2020-04-01', 'done', 'OPS-1']];
    await writeIncidents(
      dir,
      ['2020-01-06', '2020-02-03', '2020-03-02'].map((day, i) => ({
        id: `${day}-checkout-slow`,
        severity: `SEV${i + 2}`,
        services: ['checkout'],
        categories: ['capacity'],
        started: `${day}T10:00:00+01:00`,
        detected: `${day}T10:05:00+01:00`,
        mitigated: `${day}T11:00:00+01:00`,
        resolved: `${day}T12:00:00+01:00`,
        customers: 100,
        actions: prevent,
      })),
    );
    await writeFile(join(dir, 'broken.md'), 'no front matter\n');
    const result = await runInProcess(['stats', '.', '--format', 'json', '--now', '2020-06-01'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as unknown;
    const validate = await compileSchema('schema/stats.schema.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(statsReportSchema(z).parse(report)).toEqual(report);
    // Every nested part is there to be checked.
    const { recurrence, actionItems, files } = report as z.infer<ReturnType<typeof statsReportSchema>>;
    expect(recurrence.chains.length).toBeGreaterThan(0);
    expect(actionItems.prevent.total).toBe(3);
    expect(files.unreadable.map((n) => n.path)).toEqual(['broken.md']);
  });

  it.each([
    ['another schema version', (r: Record<string, unknown>) => ({ ...r, schemaVersion: 2 })],
    ['a key the report never holds', (r: Record<string, unknown>) => ({ ...r, extra: true })],
    ['a count below zero', (r: Record<string, unknown>) => ({ ...r, windowDays: 0 })],
  ])('both refuse a report with %s', async (_name, change) => {
    const result = await runInProcess(['stats', 'examples', '--format', 'json', '--now', '2023-06-01']);
    const report = change(JSON.parse(result.stdout) as Record<string, unknown>);
    const validate = await compileSchema('schema/stats.schema.json');
    expect(validate(report)).toBe(false);
    expect(statsReportSchema(z).safeParse(report).success).toBe(false);
  });

  it('names its $id like the other generated schemas', () => {
    const json = JSON.parse(readFileSync(join(ROOT, 'schema', 'stats.schema.json'), 'utf8')) as { $id: string };
    expect(json.$id).toBe('https://unpkg.com/postmortem-cli/schema/stats.schema.json');
  });
});
