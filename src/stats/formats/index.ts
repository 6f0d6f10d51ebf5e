import type { StatsReport } from '../report.js';
import { formatActionsCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

import { STATS_FORMATS, type StatsFormat } from './names.js';

export { STATS_FORMATS, type StatsFormat };

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
