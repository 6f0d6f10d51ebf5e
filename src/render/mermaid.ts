import type { IncidentChart } from './incident-chart.js';

/** Text Mermaid reads as syntax (`:` ends a task name, `#`, `;` and `%%` start entities, statements or comments) made plain. */
function plain(text: string): string {
  return text
    .replace(/[:;#\r\n]+/g, ' ')
    .replace(/%+/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMES = { started: 'Started', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' } as const;

/**
 * A Mermaid Gantt chart of the incident, as GitHub renders it: the four moments as milestones and
 * the customer-impact windows as critical bars. Times are the incident's wall clock (the offset of
 * `started`), written without an offset so that every reader sees them as in the postmortem.
 */
function timelineMermaid(chart: IncidentChart): string {
  const t = (wall: string) => wall;
  const lines = [
    'gantt',
    `    title ${plain(chart.title) || 'Incident timeline'}`,
    '    dateFormat YYYY-MM-DD HH:mm',
    '    axisFormat %H:%M',
    '    section Moments',
    ...chart.moments.map((m) => `    ${NAMES[m.name]} : milestone, ${m.name}, ${t(m.wall)}, 0m`),
    `    section ${chart.fromWindows ? 'Impact windows' : 'Customer impact'}`,
    ...chart.windows.map(
      (w, i) =>
        `    ${chart.windows.length > 1 ? `Window ${i + 1}` : 'Impact'} : crit, impact${i + 1}, ${t(w.startWall)}, ${Math.max(1, w.minutes)}m`,
    ),
  ];
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;
}

/** Puts the chart after the header facts, before the first section (or at the end when there is none). */
export function withMermaidChart(markdown: string, chart: IncidentChart): string {
  const block = `${timelineMermaid(chart)}\n`;
  const at = markdown.search(/^## /m);
  return at === -1 ? `${markdown.trimEnd()}\n\n${block}` : markdown.slice(0, at) + block + markdown.slice(at);
}
