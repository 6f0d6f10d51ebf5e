import {
  LOCAL_TIMESTAMP,
  TIMELINE_PREFIX,
  formatOffset,
  keyPosition,
  normaliseZone,
  isTimeZone,
  offsetForWallTime,
  type Postmortem,
} from '../model/index.js';

/** The separator `--fix` writes between a timeline timestamp and its event. */
export const CANONICAL_SEPARATOR = ' — ';

interface Block {
  start: number;
  end: number;
  instant: number;
}

/** The timeline's items as line blocks when sorting them is safe (every item timed, nothing but blank lines between). */
function timelineBlocks(pm: Postmortem, lines: readonly string[]): Block[] | null {
  const items = pm.timeline;
  if (items.length < 2) return null;
  const blocks: Block[] = [];
  for (const item of items) {
    const instant = item.timestamp?.instant;
    if (instant === null || instant === undefined) return null;
    blocks.push({ start: item.line, end: item.endLine, instant });
  }
  for (let i = 1; i < blocks.length; i++) {
    const prev = blocks[i - 1] as Block;
    const next = blocks[i] as Block;
    if (next.start <= prev.end) return null;
    for (let n = prev.end + 1; n < next.start; n++) if ((lines[n - 1] ?? '').trim() !== '') return null;
  }
  const indent = (n: number) => /^\s*/.exec(lines[n - 1] ?? '')?.[0] ?? '';
  const first = indent((blocks[0] as Block).start);
  if (blocks.some((b) => indent(b.start) !== first)) return null;
  return blocks;
}

/** True when `--fix` can sort this timeline. */
export function sortableTimeline(pm: Postmortem): boolean {
  return timelineBlocks(pm, pm.source.split('\n')) !== null;
}

function fixFrontMatterOffsets(pm: Postmortem, lines: string[]): void {
  const zone = pm.data.timezone;
  if (typeof zone !== 'string' || !isTimeZone(zone)) return;
  for (const moment of ['started', 'detected', 'mitigated', 'resolved']) {
    const value = pm.data[moment];
    if (typeof value !== 'string') continue;
    const m = LOCAL_TIMESTAMP.exec(value);
    if (!m) continue;
    const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
    const offset = offsetForWallTime(zone, Date.UTC(y, mo - 1, d, h, mi, m[6] ? Number(m[6]) : 0));
    if (offset === null) continue;
    const at = keyPosition(pm, moment);
    const line = lines[at.line - 1];
    if (line === undefined) continue;
    const index = line.indexOf(value, at.column - 1);
    if (index === -1) continue;
    const fixed = `${value.slice(0, 10)}T${value.slice(11)}${offset === 0 ? 'Z' : formatOffset(offset)}`;
    lines[at.line - 1] = line.slice(0, index) + fixed + line.slice(index + value.length);
  }
}

function normaliseTimelineItems(pm: Postmortem, lines: string[]): void {
  for (const item of pm.timeline) {
    const stamp = item.timestamp;
    if (!stamp?.zone || !item.separator || item.event === '') continue;
    const line = lines[item.line - 1];
    if (line === undefined) continue;
    const start = stamp.column - 1;
    const m = TIMELINE_PREFIX.exec(line.slice(start));
    if (!m || !m[4] || !m[5] || m[1] !== stamp.text) continue;
    const prefix = `${m[2]} ${m[3]} ${normaliseZone(m[4])}${CANONICAL_SEPARATOR}`;
    lines[item.line - 1] = line.slice(0, start) + prefix + line.slice(start + m[0].length);
  }
}

const ORDERED_MARKER = /^(\s*)(\d{1,9})([.)])/;

function sortTimeline(pm: Postmortem, lines: string[]): void {
  const blocks = timelineBlocks(pm, lines);
  if (!blocks) return;
  const sorted = blocks.map((b, i) => ({ ...b, i })).sort((a, b) => a.instant - b.instant || a.i - b.i);
  if (sorted.every((b, i) => b.i === i)) return;
  const texts = sorted.map((b) => lines.slice(b.start - 1, b.end));
  // An ordered list keeps the numbers where they stood: moving `2.` to the top would start the list at 2.
  texts.forEach((text, i) => {
    const slot = ORDERED_MARKER.exec(lines[(blocks[i] as Block).start - 1] ?? '');
    const moved = ORDERED_MARKER.exec(text[0] ?? '');
    if (slot && moved) text[0] = `${moved[1]}${slot[2]}${slot[3]}${(text[0] as string).slice(moved[0].length)}`;
  });
  // Write the sorted items back into the slots of the original ones, back to front so line numbers hold.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const slot = blocks[i] as Block;
    lines.splice(slot.start - 1, slot.end - slot.start + 1, ...(texts[i] as string[]));
  }
}

/**
 * Applies the safe fixes to a parsed postmortem and returns the new text: missing front-matter
 * offsets from a `timezone` key, canonical timeline prefixes (`YYYY-MM-DD HH:MM ±HH:MM — `,
 * `UTC` written `Z`) and a sorted timeline. None changes what the file means.
 */
export function fixPostmortem(pm: Postmortem): string {
  const lines = pm.source.split('\n');
  const cr = lines.map((l) => l.endsWith('\r'));
  for (let i = 0; i < lines.length; i++) if (cr[i]) lines[i] = (lines[i] as string).slice(0, -1);
  fixFrontMatterOffsets(pm, lines);
  normaliseTimelineItems(pm, lines);
  sortTimeline(pm, lines);
  const eol = cr.some(Boolean) ? '\r\n' : '\n';
  return lines.join(eol).replace(/\r\n/g, '\n').replace(/\n/g, eol);
}
