import type { StatsReport } from '../report.js';
import { formatActionsCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

/** The output formats of `postmortem stats`. */
export const STATS_FORMATS = ['table', 'markdown', 'json', 'html', 'csv'] as const;
/** One of {@link STATS_FORMATS}. */
export type StatsFormat = (typeof STATS_FORMATS)[number];

/** Writes a report in a format; `csv` gives the action items behind the figures. */
export function formatStats(
  report: StatsReport,
  format: StatsFormat,
  items: Parameters<typeof formatActionsCsv>[0],
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
      return formatActionsCsv(items, report.now);
  }
}
