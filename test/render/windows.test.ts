import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration, parsePostmortem } from '../../src/model/index.js';
import { renderPostmortem } from '../../src/render/postmortem.js';
import { ROOT } from '../helpers/cli.js';

const CRM = join(ROOT, 'examples', '2018-05-15-crm-release-rollback-failed.md');

async function render(edit: (source: string) => string = (s) => s) {
  const source = edit(await readFile(CRM, 'utf8'));
  return renderPostmortem(parsePostmortem(source, CRM).postmortem);
}

describe('render: impact windows and the duration rule', () => {
  it('lists the windows and counts only their sum as customer impact', async () => {
    const out = await render();
    expect(out).toContain('| **Duration of customer impact** | 1 h 15 min |\n');
    expect(out).toContain(
      '| **Impact windows** | 2018-05-15, from 14:02 to 14:31 and from 15:48 to 16:34 (+02:00) |\n',
    );
    // The same rounding rule as the notice ("1 hour and 15 minutes") and the interview.
    expect(formatDuration(75 * 60_000)).toBe('1 h 15 min');
  });

  it('gives dates when the windows span days', async () => {
    const out = await render((s) =>
      s
        .replace('start: "2018-05-15T15:48:00+02:00"', 'start: "2018-05-15T23:48:00+02:00"')
        .replace('end: "2018-05-15T16:34:00+02:00"', 'end: "2018-05-16T00:34:00+02:00"')
        .replace(/^mitigated: .*$/m, 'mitigated: "2018-05-16T00:34:00+02:00"')
        .replace(/^resolved: .*$/m, 'resolved: "2018-05-16T02:00:00+02:00"'),
    );
    expect(out).toContain(
      '| **Impact windows** | from 2018-05-15 14:02 to 2018-05-15 14:31 and from 2018-05-15 23:48 to 2018-05-16 00:34 (+02:00) |',
    );
  });

  it('has no windows row for an incident without windows', async () => {
    const out = await render((s) => s.replace(/^ {2}windows:\n(?: {4}.*\n)+/m, ''));
    expect(out).not.toContain('Impact windows');
    expect(out).toContain('| **Duration of customer impact** | 2 h 32 min |\n');
  });
});
