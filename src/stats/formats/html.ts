import { formatMinutes } from '../durations.js';
import type { Breakdown, StatsReport } from '../report.js';
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
import { htmlPage } from '../../render/html-shell.js';
import { columns, escapeHtml, horizontalBars } from './svg.js';

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#fff;max-width:980px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}
.lead{color:#4a5366}.figures{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.figure{border:1px solid #d8dde6;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.figure b{display:block;font-size:1.5rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}th,td{border-bottom:1px solid #e4e7ee;padding:.25rem .7rem;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg{max-width:100%;height:auto;font:12px system-ui,sans-serif;fill:#1d2330}
svg .bar{fill:#4c78a8}svg .part{fill:#e45756}svg .axis{stroke:#8a93a6}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 .8rem;vertical-align:middle}
.notes li{font-family:ui-monospace,monospace;font-size:.85rem}
`;

function figure(label: string, value: string): string {
  return `<div class="figure"><b>${escapeHtml(value)}</b>${escapeHtml(label)}</div>`;
}

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cls = (i: number) => (i === 0 ? '' : ' class="n"');
  return `<table><thead><tr>${headers.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** How many rows a bar chart draws; the page lists the others in a table below it. */
const CHART_ROWS = 15;

/** The rows past a chart's limit as a table in a closed details element: the page lists all, the chart stays short. */
function rest(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (rows.length <= CHART_ROWS) return '';
  return `<details><summary>… and ${thousands(rows.length - CHART_ROWS)} more</summary>${table(headers, rows.slice(CHART_ROWS))}</details>`;
}

function bars(title: string, label: string, b: Breakdown): string {
  const rows = b.rows.slice(0, CHART_ROWS).map((r) => ({ label: r.key, value: r.incidents }));
  const more = rest(
    [label, 'incidents'],
    b.rows.map((r) => [r.key, thousands(r.incidents)]),
  );
  return `<h3>${escapeHtml(title)} <small>(${b.files} files)</small></h3>${horizontalBars(title, rows)}${more}`;
}

/** One self-contained HTML page with inline SVG charts: no script, no style sheet or font from elsewhere. */
export function formatHtml(report: StatsReport): string {
  const { counts: c, times, actionItems: a } = report;
  const quarters = times.byQuarter;
  const openOwners = a.byOwner.filter((r) => r.open > 0);
  const body: string[] = [
    `<h1>Postmortem stats</h1><p class="lead">${escapeHtml(filesSentence(report))} Action items judged on ${escapeHtml(report.now)}.</p>`,
    `<div class="figures">${[
      figure('incidents', thousands(report.files.readable)),
      figure('customer-minutes', thousands(report.impact.customerMinutes)),
      figure('median time to mitigate', formatMinutes(times.overall.mitigate.medianMinutes)),
      figure('open action items', thousands(a.open)),
      figure('overdue action items', thousands(a.overdue)),
      figure('recurrence chains', String(report.recurrence.chains.length)),
    ].join('')}</div>`,
    '<h2>Incidents</h2>',
    `<h3>Per quarter</h3>${columns(
      'Incidents per quarter',
      quarters.map((q) => ({ label: q.key, value: q.incidents })),
    )}`,
    bars('By severity', 'severity', c.bySeverity),
    bars('By root-cause category', 'category', c.byCategory),
    bars('By service', 'service', c.byService),
    `<p>Customer impact: <b>${thousands(report.impact.customerMinutes)}</b> customer-minutes, ` +
      `from ${report.impact.files} files (${report.impact.fromWindows} from impact windows).</p>`,
    '<h2>Times</h2><p>From <code>started</code>, median / p90 (nearest rank); in brackets, the files with the moment.</p>',
    `<h3>Median time to mitigate per quarter</h3>${columns(
      'Median time to mitigate per quarter, in minutes',
      quarters.map((q) => ({
        label: q.key,
        value: q.mitigate.medianMinutes,
        text: formatMinutes(q.mitigate.medianMinutes),
      })),
    )}`,
    `<h3>By severity</h3>${table(TIME_HEADERS, [timeRow(times.overall), ...times.bySeverity.map(timeRow)])}`,
    `<h3>By root-cause category</h3>${table(TIME_HEADERS, times.byCategory.map(timeRow))}`,
    `<h3>Trend by quarter</h3><p>Quarters with incidents; the charts above show the empty ones as gaps.</p>${table(
      TIME_HEADERS,
      quarters.filter((q) => q.incidents > 0).map(timeRow),
    )}`,
    `<h2>Recurrence</h2><p>Same category and service, each within ${report.windowDays} days of the one before.</p>`,
    report.recurrence.chains.length === 0
      ? '<p>No chains.</p>'
      : `<ul>${report.recurrence.chains
          .map(
            (ch) => `<li>${escapeHtml(ch.sentence)} <small>(${chainIds(ch).map(escapeHtml).join(', ')})</small></li>`,
          )
          .join('')}</ul>`,
    `<h2>Action items</h2><p>${thousands(a.total)} items in ${thousands(a.files)} files: ${thousands(a.open)} open, ${thousands(a.overdue)} overdue.</p>`,
    '<h3>Open by owner</h3>' +
      '<p class="legend"><span style="background:#4c78a8"></span>open<span style="background:#e45756"></span>of which overdue</p>' +
      horizontalBars(
        'Open and overdue action items by owner',
        openOwners
          .slice(0, CHART_ROWS)
          .map((r) => ({ label: r.key, value: r.open, part: r.overdue, text: `${r.open} (${r.overdue} overdue)` })),
      ) +
      rest(
        ['owner', 'open', 'overdue'],
        openOwners.map((r) => [r.key, thousands(r.open), thousands(r.overdue)]),
      ),
    `<h3>By type</h3>${table(
      ['type', 'total', 'open', 'overdue'],
      a.byType.map((r) => [r.key, String(r.total), String(r.open), String(r.overdue)]),
    )}`,
    `<p><b>Prevent items:</b> ${escapeHtml(preventSentence(report))}</p>`,
  ];
  const { unreadable, warnings } = report.files;
  if (unreadable.length > 0)
    body.push(
      '<h2>Unreadable files</h2><p>Counted, not in the figures.</p>' +
        `<ul class="notes">${unreadable.map((n) => `<li>${escapeHtml(noteLine(n))}</li>`).join('')}</ul>`,
    );
  if (warnings.length > 0)
    body.push(
      `<h2>Warnings</h2><p>Values left out of some figures.</p><ul class="notes">${warnings
        .slice(0, LISTED_WARNINGS)
        .map((n) => `<li>${escapeHtml(noteLine(n))}</li>`)
        .join(
          '',
        )}</ul>${warnings.length > LISTED_WARNINGS ? `<p>… and ${thousands(warnings.length - LISTED_WARNINGS)} more (--format json lists all).</p>` : ''}`,
    );
  return htmlPage('Postmortem stats', STYLE, `${body.join('\n')}\n`);
}
