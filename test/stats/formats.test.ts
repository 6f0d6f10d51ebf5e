import { describe, expect, it } from 'vitest';
import { computeStats, formatMinutes, type IncidentRecord, type StatsInput } from '../../src/stats/index.js';
import { formatHtml } from '../../src/stats/formats/html.js';
import { formatMarkdown } from '../../src/stats/formats/markdown.js';
import { formatTable } from '../../src/stats/formats/table.js';
import { columns, horizontalBars } from '../../src/stats/formats/svg.js';
import { chainIds } from '../../src/stats/formats/shared.js';

const HOSTILE = '<script>alert(1)</script> | `x` & "y"';

function record(overrides: Partial<IncidentRecord>): IncidentRecord {
  return {
    path: 'pm/a.md',
    id: '2020-01-01-a',
    severity: 'SEV2',
    services: [HOSTILE],
    categories: ['capacity'],
    started: '2020-01-01T10:00:00Z',
    startedMs: Date.parse('2020-01-01T10:00:00Z'),
    month: '2020-01',
    quarter: '2020-Q1',
    timeToDetect: 60_000,
    timeToMitigate: 30 * 60_000,
    timeToResolve: 90 * 60_000,
    impactMs: 30 * 60_000,
    impactFromWindows: false,
    customersAffected: 10,
    actionItems: [],
    ...overrides,
  };
}

const input: StatsInput = {
  files: 2,
  records: [record({})],
  unreadable: [{ path: 'pm/<b>.md', line: 1, column: 1, message: 'Expected front matter.' }],
  warnings: [],
};
const report = computeStats(input, { now: '2021-01-01', windowDays: 180 });

describe('stats formats', () => {
  it('escapes every value in the HTML page', () => {
    const html = formatHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('pm/&lt;b&gt;.md:1:1: Expected front matter.');
  });

  it('escapes table cells in Markdown', () => {
    const md = formatMarkdown(report);
    expect(md).toContain('| \\<script\\>alert(1)\\</script\\> \\| \\`x\\` & "y" | 1 |');
    expect(md).toContain('## Unreadable files');
  });

  it('shows the unreadable files and the counts in the terminal table', () => {
    const text = formatTable(report);
    expect(text).toContain('2 files: 1 readable, 1 unreadable (listed below, not in the figures); 0 warnings.');
    expect(text).toContain('  pm/<b>.md:1:1: Expected front matter.');
    expect(text).toMatch(
      /^ {2}all +1 {2}1 min \/ 1 min \(1\) +30 min \/ 30 min \(1\) +1 h 30 min \/ 1 h 30 min \(1\)$/m,
    );
  });

  it('draws bars in proportion and a gap for a quarter without data', () => {
    const bars = horizontalBars('t', [
      { label: 'a', value: 4 },
      { label: 'b', value: 1 },
    ]);
    expect(bars).toContain('width="380.0"');
    expect(bars).toContain('width="95.0"');
    const cols = columns('t', [
      { label: 'q1', value: 2 },
      { label: 'q2', value: null },
    ]);
    expect(cols.match(/<rect /g)).toHaveLength(1);
  });

  it('shortens a long chain to its first two and last three incidents for reading', () => {
    const incidents = 'abcdefgh'.split('').map((id) => ({ id, started: '', path: '' }));
    const chain = { category: 'capacity', service: 'checkout', incidents, sentence: '' };
    expect(chainIds(chain)).toEqual(['a', 'b', '…', 'f', 'g', 'h']);
    expect(chainIds({ ...chain, incidents: incidents.slice(0, 6) })).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('lists every unreadable file but at most 200 warnings on a page', () => {
    const note = (i: number) => ({ path: `pm/${i}.md`, line: 1, column: 1, message: 'Expected something.' });
    const many = computeStats(
      {
        ...input,
        unreadable: Array.from({ length: 250 }, (_, i) => note(i)),
        warnings: Array.from({ length: 250 }, (_, i) => note(i)),
      },
      { now: '2021-01-01', windowDays: 180 },
    );
    for (const text of [formatHtml(many), formatMarkdown(many)]) {
      expect(text).toContain('pm/249.md:1:1');
      expect(text.split('pm/249.md:1:1')).toHaveLength(2);
      expect(text).toContain('… and 50 more (--format json lists all).');
    }
  });
});

describe('formatMinutes', () => {
  it('writes whole minutes, as the JSON has them, also from a day on', () => {
    expect([0, 7, 60, 152, 273, 1383, 1439].map(formatMinutes)).toEqual([
      '0 min',
      '7 min',
      '1 h',
      '2 h 32 min',
      '4 h 33 min',
      '23 h 3 min',
      '23 h 59 min',
    ]);
    // 5,153 min = 3 d 13 h 53 min and 13,905 min = 9 d 15 h 45 min: every minute shown, none rounded away.
    expect([1440, 1441, 5153, 13_905].map(formatMinutes)).toEqual([
      '1 d',
      '1 d 1 min',
      '3 d 13 h 53 min',
      '9 d 15 h 45 min',
    ]);
    expect(formatMinutes(null)).toBe('–');
  });
});
