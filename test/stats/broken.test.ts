import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFiles } from '../../src/lint/files.js';
import { computeStats, readIncidents } from '../../src/stats/index.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { postmortemText } from './fixture.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('postmortem-stats-broken-')));
afterEach(() => cleanup());

const CRM = '2018-05-15-crm-release-rollback-failed.md';
const SHOP = '2021-11-16-shop-customer-db-wiped.md';

/**
 * A folder with two good files and five bad ones. Worked out by hand: 7 files, 4 readable (the two
 * examples, the SEV5 file and the one whose moments are out of order), 3 unreadable. The SEV5 file
 * (started 2022-01-10 10:00, mitigated 11:00, 50 customers) counts everywhere but by severity; the
 * out-of-order file (detected before started) has no time to detect but a time to mitigate of 30 min.
 */
async function brokenFolder(): Promise<string> {
  await copyFile(join(ROOT, 'examples', CRM), join(dir, CRM));
  await copyFile(join(ROOT, 'examples', SHOP), join(dir, SHOP));
  await writeFile(join(dir, '2022-01-01-binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]));
  await writeFile(join(dir, '2022-01-02-unclosed.md'), '---\nid: 2022-01-02-unclosed\nseverity: SEV1\n');
  await writeFile(join(dir, '2022-01-03-bad-yaml.md'), '---\nid: 2022-01-03-bad-yaml\nseverity: [SEV1\n---\n');
  await writeFile(
    join(dir, '2022-01-10-sev5.md'),
    postmortemText({
      id: '2022-01-10-sev5',
      severity: 'SEV5',
      started: '2022-01-10T10:00:00Z',
      detected: '2022-01-10T10:05:00Z',
      mitigated: '2022-01-10T11:00:00Z',
      resolved: '2022-01-10T12:00:00Z',
      customers: 50,
      actions: [['Add an alert', 'detect', 'sre-team', '2022-13-01', 'open', '']],
    }),
  );
  await writeFile(
    join(dir, '2022-02-01-order.md'),
    postmortemText({
      id: '2022-02-01-order',
      severity: 'SEV3',
      started: '2022-02-01T10:00:00+01:00',
      detected: '2022-02-01T09:00:00+01:00',
      mitigated: '2022-02-01T10:30:00+01:00',
      customers: 10,
    }),
  );
  return dir;
}

describe('stats over a folder with broken files', () => {
  it('counts and lists the unreadable files with file:line:col, never drops them', async () => {
    const files = findFiles([await brokenFolder()], dir).files;
    const report = computeStats(await readIncidents(files, { cwd: dir }), { now: '2023-06-01', windowDays: 180 });
    expect(report.files.total).toBe(7);
    expect(report.files.readable).toBe(4);
    expect(report.files.unreadable.map((n) => `${n.path}:${n.line}:${n.column}`)).toEqual([
      '2022-01-01-binary.md:2:1',
      '2022-01-02-unclosed.md:1:1',
      '2022-01-03-bad-yaml.md:3:16',
    ]);
    expect(report.files.unreadable[0]?.message).toMatch(/binary/);
    expect(report.files.unreadable[1]?.message).toMatch(/closing `---`/);
  });

  it('leaves values it cannot use out of the figures that need them, and says how many files each rests on', async () => {
    const files = findFiles([await brokenFolder()], dir).files;
    const report = computeStats(await readIncidents(files, { cwd: dir }), { now: '2023-06-01', windowDays: 180 });
    expect(report.counts.bySeverity).toEqual({
      files: 3,
      rows: [
        { key: 'SEV1', incidents: 1 },
        { key: 'SEV2', incidents: 1 },
        { key: 'SEV3', incidents: 1 },
      ],
    });
    expect(report.counts.byMonth.files).toBe(4);
    // crm 152, shop 1,383, sev5 60, order 30 → sorted 30, 60, 152, 1,383: median 2nd = 60, p90 4th = 1,383.
    expect(report.times.overall.mitigate).toEqual({ files: 4, medianMinutes: 60, p90Minutes: 1383 });
    // detect: crm 2, shop 12, sev5 5; the out-of-order file has none.
    expect(report.times.overall.detect).toEqual({ files: 3, medianMinutes: 5, p90Minutes: 12 });
    // crm from its two impact windows, 8,400 × (29 + 46) = 630,000; shop 2,000,000 × 1,383 =
    // 2,766,000,000; sev5 50 × 60; order 10 × 30. Sum 2,766,633,300, one file from windows.
    expect(report.impact).toEqual({ files: 4, fromWindows: 1, customerMinutes: 2_766_633_300 });
    const warnings = report.files.warnings.map((n) => `${n.path}:${n.line}: ${n.message}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^2022-01-10-sev5\.md:5: Expected `severity` to be one of SEV1/),
      expect.stringMatching(/^2022-01-10-sev5\.md:\d+: Action item due date "2022-13-01" is not a date/),
      expect.stringMatching(/^2022-02-01-order\.md:9: Expected `detected` at or after `started`/),
    ]);
    // The item with an impossible due date is open but cannot be overdue.
    expect(report.actionItems.open).toBe(6);
  });
});
