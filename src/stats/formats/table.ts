import type { ActionRow, Breakdown, StatsReport } from '../report.js';
import { chainIds, filesSentence, noteLine, preventSentence, thousands, timeRow, TIME_HEADERS } from './shared.js';
import { textTable } from './text-table.js';

/** How many warnings the terminal shows before pointing at `--format json`. */
const SHOWN_WARNINGS = 20;
/** How many chains and owners the terminal lists; the other formats list all. */
const SHOWN_ROWS = 20;

function more(total: number, shown: number): string {
  return total > shown ? `\n  … and ${total - shown} more (--format markdown, json or html list all)` : '';
}

function counts(title: string, label: string, b: Breakdown, limit = Infinity): string {
  const rows = b.rows.slice(0, limit).map((r) => [r.key, thousands(r.incidents)]);
  return `${title} (${b.files} files)\n${textTable([label, 'incidents'], rows)}${more(b.rows.length, limit)}`;
}

function actionRows(title: string, label: string, rows: readonly ActionRow[]): string {
  return `${title}\n${textTable(
    [label, 'total', 'open', 'overdue'],
    rows.slice(0, SHOWN_ROWS).map((r) => [r.key, thousands(r.total), thousands(r.open), thousands(r.overdue)]),
  )}${more(rows.length, SHOWN_ROWS)}`;
}

/** The terminal report: plain aligned tables, widest figures first. */
export function formatTable(report: StatsReport): string {
  const { counts: c, times, actionItems: a } = report;
  const out: string[] = [`Postmortem stats: ${filesSentence(report)}`];
  out.push(counts('Incidents by severity', 'severity', c.bySeverity));
  out.push(counts('Incidents by root-cause category', 'category', c.byCategory));
  out.push(counts('Incidents by service', 'service', c.byService, 15));
  out.push(counts('Incidents by month', 'month', c.byMonth, 24));
  out.push(
    `Customer impact: ${thousands(report.impact.customerMinutes)} customer-minutes ` +
      `(${report.impact.files} files, ${report.impact.fromWindows} of them from impact windows)`,
  );
  out.push(
    `Times from start, median / p90 (files with the moment)\n${textTable(TIME_HEADERS, [
      timeRow(times.overall),
      ...times.bySeverity.map(timeRow),
    ])}`,
  );
  out.push(`Times by root-cause category\n${textTable(TIME_HEADERS, times.byCategory.map(timeRow))}`);
  out.push(
    `Trend by quarter (quarters without incidents left out)\n${textTable(
      TIME_HEADERS,
      times.byQuarter.filter((q) => q.incidents > 0).map(timeRow),
    )}`,
  );
  const chains = report.recurrence.chains;
  out.push(
    `Recurrence (same category and service, each within ${report.windowDays} days of the one before): ${chains.length} chains` +
      chains
        .slice(0, SHOWN_ROWS)
        .map((ch) => `\n  - ${ch.sentence} (${chainIds(ch).join(', ')})`)
        .join('') +
      more(chains.length, SHOWN_ROWS),
  );
  out.push(
    `Action items: ${thousands(a.total)} in ${thousands(a.files)} files, ${thousands(a.open)} open, ${thousands(a.overdue)} overdue on ${report.now}`,
  );
  out.push(actionRows('Action items by owner', 'owner', a.byOwner));
  out.push(actionRows('Action items by type', 'type', a.byType));
  out.push(`Prevent items: ${preventSentence(report)}`);
  const { unreadable, warnings } = report.files;
  if (unreadable.length > 0)
    out.push(`Unreadable files (not in the figures)\n${unreadable.map((n) => `  ${noteLine(n)}`).join('\n')}`);
  if (warnings.length > 0) {
    const more =
      warnings.length > SHOWN_WARNINGS
        ? `\n  … and ${warnings.length - SHOWN_WARNINGS} more (--format json lists all)`
        : '';
    out.push(
      `Warnings (values left out of some figures)\n${warnings
        .slice(0, SHOWN_WARNINGS)
        .map((n) => `  ${noteLine(n)}`)
        .join('\n')}${more}`,
    );
  }
  return `${out.join('\n\n')}\n`;
}
