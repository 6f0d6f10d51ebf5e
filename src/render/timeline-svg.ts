import { formatDuration } from '../model/index.js';
import { escapeHtml } from './html-escape.js';
import type { IncidentChart } from './incident-chart.js';

const WIDTH = 860;
const LEFT = 20;
const RIGHT = 20;
const LABELS: Record<string, string> = {
  started: 'Started',
  detected: 'Detected',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/**
 * An inline SVG of the incident: a time axis from the first moment to the last, the customer-impact
 * windows as red bands, and the four moments as markers whose labels alternate between rows so that
 * close moments (detected two minutes after started) stay readable.
 */
export function timelineSvg(chart: IncidentChart): string {
  const times = [...chart.moments.map((m) => m.ms), ...chart.windows.flatMap((w) => [w.start, w.end])];
  if (times.length === 0) return '';
  const from = Math.min(...times);
  const to = Math.max(...times, from + 60_000);
  const x = (ms: number) => LEFT + ((ms - from) / (to - from)) * (WIDTH - LEFT - RIGHT);
  const axisY = 96;
  const bands = chart.windows.map(
    (w) =>
      `<rect class="impact" x="${x(w.start).toFixed(1)}" y="${axisY - 14}" ` +
      `width="${Math.max(2, x(w.end) - x(w.start)).toFixed(1)}" height="28">` +
      `<title>${escapeHtml(`Customer impact from ${w.startWall}, ${formatDuration(w.minutes * 60_000)}`)}</title></rect>`,
  );
  const marks = chart.moments.map((m, i) => {
    const mx = x(m.ms);
    const above = i % 2 === 0;
    const ly = above ? 24 + (i % 4 === 2 ? 22 : 0) : 150 + (i % 4 === 3 ? 22 : 0);
    const anchor = mx < 90 ? 'start' : mx > WIDTH - 90 ? 'end' : 'middle';
    return (
      `<line class="mark" x1="${mx.toFixed(1)}" y1="${above ? ly + 6 : axisY}" x2="${mx.toFixed(1)}" y2="${above ? axisY : ly - 14}"/>` +
      `<circle class="moment" cx="${mx.toFixed(1)}" cy="${axisY}" r="5"/>` +
      `<text x="${mx.toFixed(1)}" y="${ly}" text-anchor="${anchor}"><tspan font-weight="bold">${LABELS[m.name]}</tspan> ${escapeHtml(m.wall)}</text>`
    );
  });
  const legend = `<rect class="impact" x="${LEFT}" y="190" width="14" height="10"/><text x="${LEFT + 20}" y="199">${
    chart.fromWindows ? 'customer impact (impact windows)' : 'customer impact (started until mitigated)'
  }</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 ${WIDTH} 210" width="${WIDTH}" height="210">` +
    `<title>${escapeHtml(`Timeline: ${chart.title}`)}</title>` +
    `<line class="axis" x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}"/>` +
    bands.join('') +
    marks.join('') +
    legend +
    '</svg>'
  );
}
