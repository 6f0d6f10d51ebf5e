import type { Postmortem } from '../model/index.js';
import { markdownToHtml } from '../model/markdown-html.js';
import type { TemplateOptions } from './engine.js';
import { htmlPage } from './html-shell.js';
import { incidentChart } from './incident-chart.js';
import { renderPostmortem } from './postmortem.js';
import { timelineSvg } from './timeline-svg.js';

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#fff;max-width:900px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem;line-height:1.25}h2{margin-top:2rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem}th,td{border-bottom:1px solid #e4e7ee;padding:.3rem .7rem;text-align:left;vertical-align:top}
blockquote{margin:1rem 0;padding:.2rem 1rem;border-left:4px solid #d8dde6;color:#4a5366}
code{font-family:ui-monospace,monospace;font-size:.9em;background:#f3f5f8;padding:0 .2rem;border-radius:3px}
svg.timeline{max-width:100%;height:auto;font:12px system-ui,sans-serif;fill:#1d2330;margin:1rem 0}
svg .axis{stroke:#8a93a6;stroke-width:2}svg .impact{fill:#e45756;fill-opacity:.55}svg .mark{stroke:#8a93a6}svg .moment{fill:#4c78a8}
`;

/** One self-contained HTML page: the header facts, an SVG timeline chart and the sections; no script. */
export async function renderPostmortemHtml(pm: Postmortem, options: TemplateOptions = {}): Promise<string> {
  const body = markdownToHtml(await renderPostmortem(pm, options));
  const chart = incidentChart(pm);
  const figure = `<figure>${timelineSvg(chart)}</figure>\n`;
  const at = body.indexOf('<h2>');
  const withChart = at === -1 ? body + figure : body.slice(0, at) + figure + body.slice(at);
  return htmlPage(chart.title, STYLE, withChart);
}
