import { escapeMarkdownInline, markdownCodeSpan } from '../../render/escape.js';
import type { ActionRow, Breakdown, StatsReport } from '../report.js';
import {
  LISTED_WARNINGS,
  chainIds,
  filesSentence,
  noteLine,
  preventSentence,
  thousands,
  timeRow,
  TIME_HEADERS,
} from './shared.js';

/** Escapes text for a GFM table cell or a line of Markdown: one line, no markup, no block opened at its start. */
const md = escapeMarkdownInline;

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (r: readonly string[]) => `| ${r.map(md).join(' | ')} |`;
  return [line(headers), `|${headers.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`, ...rows.map(line)].join(
    '\n',
  );
}

function counts(title: string, label: string, b: Breakdown): string {
  return `### ${title}\n\nRests on ${b.files} files.\n\n${table(
    [label, 'incidents'],
    b.rows.map((r) => [r.key, thousands(r.incidents)]),
  )}`;
}

function actionRows(label: string, rows: readonly ActionRow[]): string {
  return table(
    [label, 'total', 'open', 'overdue'],
    rows.map((r) => [r.key, thousands(r.total), thousands(r.open), thousands(r.overdue)]),
  );
}

/** A Markdown report page to commit next to the postmortems. */
export function formatMarkdown(report: StatsReport): string {
  const { counts: c, times, actionItems: a } = report;
  const out: string[] = [
    '# Postmortem stats',
    `${md(filesSentence(report))} Action items are judged on ${report.now}.`,
    '## Incidents',
    counts('By severity', 'severity', c.bySeverity),
    counts('By root-cause category', 'category', c.byCategory),
    counts('By service', 'service', c.byService),
    counts('By month', 'month', c.byMonth),
    `**Customer impact:** ${thousands(report.impact.customerMinutes)} customer-minutes, ` +
      `from ${report.impact.files} files (${report.impact.fromWindows} of them from impact windows).`,
    '## Times',
    'Time from `started` to `detected`, `mitigated` and `resolved`, as median / p90 (nearest rank), with the number of files that have the moment.',
    `### By severity\n\n${table(TIME_HEADERS, [timeRow(times.overall), ...times.bySeverity.map(timeRow)])}`,
    `### By root-cause category\n\n${table(TIME_HEADERS, times.byCategory.map(timeRow))}`,
    `### Trend by quarter\n\nQuarters without incidents are left out here (the JSON lists them).\n\n${table(
      TIME_HEADERS,
      times.byQuarter.filter((q) => q.incidents > 0).map(timeRow),
    )}`,
    '## Recurrence',
    `Incidents that share a root-cause category and a service, each within ${report.windowDays} days of the one before.`,
    report.recurrence.chains.length === 0
      ? 'No chains.'
      : report.recurrence.chains
          .map(
            (ch) =>
              `- ${md(ch.sentence)}: ${chainIds(ch)
                .map((id) => (id === '…' ? id : markdownCodeSpan(id)))
                .join(', ')}`,
          )
          .join('\n'),
    '## Action items',
    `${thousands(a.total)} action items in ${thousands(a.files)} files: ${thousands(a.open)} open, ${thousands(a.overdue)} overdue on ${report.now}.`,
    `### By owner\n\n${actionRows('owner', a.byOwner)}`,
    `### By type\n\n${actionRows('type', a.byType)}`,
    `**Prevent items:** ${md(preventSentence(report))}`,
  ];
  const { unreadable, warnings } = report.files;
  if (unreadable.length > 0)
    out.push(
      '## Unreadable files',
      'Counted, not in the figures.',
      unreadable.map((n) => `- ${md(noteLine(n))}`).join('\n'),
    );
  if (warnings.length > 0)
    out.push(
      '## Warnings',
      'Values left out of some figures.',
      warnings
        .slice(0, LISTED_WARNINGS)
        .map((n) => `- ${md(noteLine(n))}`)
        .join('\n') +
        (warnings.length > LISTED_WARNINGS
          ? `\n\n… and ${thousands(warnings.length - LISTED_WARNINGS)} more (--format json lists all).`
          : ''),
    );
  return `${out.join('\n\n')}\n`;
}
