import type { StatsReport } from '../report.js';
import type { ActionItemWithText, IncidentRecord } from '../types.js';
import { formatActionsCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

import { STATS_FORMATS, type StatsFormat } from './names.js';

export { STATS_FORMATS, type StatsFormat };

/**
 * Writes a report in a format; `csv` gives the action items of the records behind the figures (the
 * only format that lists them, so only it gathers them, with their texts: 55,000 items over 10,000
 * real-prose files). The other formats take no records, so records read without texts suffice.
 */
export function formatStats(
  report: StatsReport,
  format: 'csv',
  records: readonly IncidentRecord<ActionItemWithText>[],
): string;
export function formatStats(report: StatsReport, format: Exclude<StatsFormat, 'csv'>): string;
export function formatStats(
  report: StatsReport,
  format: StatsFormat,
  records: readonly IncidentRecord<ActionItemWithText>[] = [],
): string {
  switch (format) {
    case 'table':
      return formatTable(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return formatHtml(report);
    case 'csv':
      return formatActionsCsv(
        records.flatMap((r) => r.actionItems),
        report.now,
      );
  }
}
