import type { RuleTimings } from './types.js';

/** Rows the `TIMING` table shows unless it asks for another number or `all`, as ESLint does. */
const DEFAULT_ROWS = 10;

/** How many rules `TIMING=value` asks to see, as ESLint reads it: every rule for `all`, a number above 10, else 10. */
export function timingRows(value: string): number {
  if (value.trim().toLowerCase() === 'all') return Infinity;
  const asked = Number.parseInt(value, 10);
  return asked > DEFAULT_ROWS ? asked : DEFAULT_ROWS;
}

/**
 * The slowest rules as a Markdown table (rule id, ms, share of all rules' time), slowest first;
 * the shares are of the whole run's rule time, so the rows left out make up the rest.
 */
export function timingTable(timings: RuleTimings, rows: number): string {
  const all = [...timings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = all.reduce((sum, [, ms]) => sum + ms, 0);
  const shown = all
    .slice(0, rows)
    .map(([id, ms]) => [id, ms.toFixed(3), `${total > 0 ? ((100 * ms) / total).toFixed(1) : '0.0'}%`]);
  const head = ['Rule', 'Time (ms)', 'Relative'];
  const width = head.map((h, i) => Math.max(h.length, ...shown.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[0] as number) : c.padStart(width[i] as number))).join(' | ');
  const rule = `:${'-'.repeat((width[0] as number) - 1)} | ${'-'.repeat((width[1] as number) - 1)}: | ${'-'.repeat((width[2] as number) - 1)}:`;
  return [line(head), rule, ...shown.map(line)].map((l) => `${l}\n`).join('');
}
