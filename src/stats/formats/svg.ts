import { escapeHtml } from '../../render/html-escape.js';

export { escapeHtml };

/** One bar: a label, its value and an optional second value drawn over it (e.g. overdue of open). */
export interface Bar {
  label: string;
  value: number;
  /** Part of `value` drawn in the accent colour. */
  part?: number;
  /** Text shown after the bar instead of the value. */
  text?: string;
}

const LABEL_WIDTH = 190;
const BAR_AREA = 380;
const ROW = 22;

/** Horizontal bars with labels on the left and values on the right; an accessible SVG with a title. */
export function horizontalBars(title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_AREA + 90;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const w = (b.value / max) * BAR_AREA;
    const part = b.part ? (b.part / max) * BAR_AREA : 0;
    // A long label is cut to fit the chart; its title keeps the whole name (a tooltip, and in the page's text).
    const label =
      b.label.length > 28
        ? `<title>${escapeHtml(b.label)}</title>${escapeHtml(b.label.slice(0, 27))}…`
        : escapeHtml(b.label);
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${label}</text>` +
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}"/>` +
      (part > 0
        ? `<rect class="part" x="${LABEL_WIDTH}" y="${y + 3}" width="${part.toFixed(1)}" height="${ROW - 6}"/>`
        : '') +
      `<text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(b.text ?? String(b.value))}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title>${escapeHtml(title)}</title>${rows.join('')}</svg>`
  );
}

/** One column of a column chart; a null value is drawn as a gap (no data), not as zero. */
export interface Column {
  label: string;
  value: number | null;
  text?: string;
}

/** Vertical columns along a time axis (quarters), labels under every few columns so they never overlap. */
export function columns(title: string, cols: readonly Column[]): string {
  const chartHeight = 160;
  const step = Math.max(14, Math.min(48, Math.floor(640 / Math.max(1, cols.length))));
  const width = Math.max(320, cols.length * step + 90);
  const max = Math.max(1, ...cols.map((c) => c.value ?? 0));
  const every = Math.ceil(cols.length / Math.floor(width / 70));
  const parts = cols.map((c, i) => {
    const x = 70 + i * step;
    const h = c.value === null ? 0 : (c.value / max) * chartHeight;
    const bar =
      c.value === null
        ? ''
        : `<rect class="bar" x="${x + 2}" y="${(10 + chartHeight - h).toFixed(1)}" width="${step - 4}" height="${h.toFixed(1)}">` +
          `<title>${escapeHtml(`${c.label}: ${c.text ?? c.value}`)}</title></rect>`;
    const label =
      i % every === 0
        ? `<text x="${x + step / 2}" y="${chartHeight + 26}" text-anchor="middle">${escapeHtml(c.label)}</text>`
        : '';
    return bar + label;
  });
  const axis = `<line class="axis" x1="68" y1="${10 + chartHeight}" x2="${70 + cols.length * step}" y2="${10 + chartHeight}"/>`;
  const highest = cols.find((c) => c.value === max);
  const top = `<text x="64" y="18" text-anchor="end">${escapeHtml(highest?.text ?? String(max))}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${chartHeight + 36}" width="${width}" height="${chartHeight + 36}">` +
    `<title>${escapeHtml(title)}</title>${axis}${top}${parts.join('')}</svg>`
  );
}
