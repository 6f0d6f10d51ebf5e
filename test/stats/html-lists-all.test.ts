/**
 * The terminal lists the first rows and says "--format markdown, json or html list all": the HTML
 * page must then hold every service and every owner, whole and escaped, not "… and 5 more".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/render/html-escape.js';
import { runInProcess, tempDir } from '../helpers/cli.js';
import { writeIncidents, type Incident } from './fixture.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-stats-all-'));
});
afterAll(() => cleanup());

/** Service names longer than a chart label, with characters HTML must escape. */
const serviceName = (n: number) => `customer-facing service number ${String(n).padStart(2, '0')} <eu> & "co"`;

function incidents(count: number): Incident[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `2024-01-${String(i + 1).padStart(2, '0')}-incident`,
    services: [JSON.stringify(serviceName(i + 1))],
    started: `2024-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
    actions: [['Add an alert', 'detect', `team-${String(i + 1).padStart(2, '0')}`, '2024-02-01', 'open', '']],
  }));
}

/** Whether the page holds the text as a whole text node (an element's full text, escaped). */
const holds = (html: string, text: string) => html.includes(`>${escapeHtml(text)}<`);

describe('stats --format html lists every row the terminal cuts', () => {
  it.each([12, 20])('%i services and as many owners, each whole and escaped', async (count) => {
    const folder = await writeIncidents(join(dir, `n${count}`), incidents(count));
    const r = await runInProcess(['stats', folder, '--format', 'html', '--now', '2024-06-01']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    for (let n = 1; n <= count; n++) {
      expect(holds(html, serviceName(n)), serviceName(n)).toBe(true);
      expect(holds(html, `team-${String(n).padStart(2, '0')}`), `team-${n}`).toBe(true);
    }
    expect(html).not.toMatch(/<p>… and \d+ more\.<\/p>/);
    if (count > 15) expect(html.match(/<details><summary>… and 5 more<\/summary>/g)).toHaveLength(2);
  });
});
