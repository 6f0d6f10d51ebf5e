import type { Postmortem } from '../../model/types.js';
import { defineRule, type Edit, type SourceText } from '../types.js';

interface Block {
  start: number;
  end: number;
  instant: number;
}

/** The timeline's items as line blocks when sorting them is safe (every item timed, nothing but blank lines between). */
function timelineBlocks(pm: Postmortem, source: SourceText): Block[] | null {
  const items = pm.timeline;
  if (items.length < 2) return null;
  const blocks: Block[] = [];
  for (const item of items) {
    const instant = item.timestamp?.instant;
    if (instant === null || instant === undefined) return null;
    blocks.push({ start: item.line, end: item.endLine, instant });
  }
  const line = (n: number) => pm.source.slice(source.offset(n), source.lineEnd(n));
  for (let i = 1; i < blocks.length; i++) {
    const prev = blocks[i - 1] as Block;
    const next = blocks[i] as Block;
    if (next.start <= prev.end) return null;
    for (let n = prev.end + 1; n < next.start; n++) if (line(n).trim() !== '') return null;
  }
  const indent = (n: number) => /^\s*/.exec(line(n))?.[0] ?? '';
  const first = indent((blocks[0] as Block).start);
  if (blocks.some((b) => indent(b.start) !== first)) return null;
  return blocks;
}

interface Timed {
  item: Postmortem['timeline'][number];
  instant: number;
}

/**
 * Which values belong to the longest non-decreasing run (subsequence): the items outside it are
 * the ones out of place, so one misplaced item is reported once, not with every item after it.
 * Of several longest runs, the one keeping the earliest items wins (a later item is the one
 * reported as out of place). O(n log n): a 1 MB timeline stays fast.
 */
export function longestRun(values: readonly number[]): boolean[] {
  const n = values.length;
  // from[i]: length of the longest non-decreasing run starting at i (patience sorting from the end).
  const from = new Array<number>(n).fill(0);
  const tails: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const x = -(values[i] as number);
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
    from[i] = lo + 1;
  }
  const kept = new Array<boolean>(n).fill(false);
  let need = tails.length;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n && need > 0; i++) {
    if (from[i] === need && (values[i] as number) >= last) {
      kept[i] = true;
      last = values[i] as number;
      need--;
    }
  }
  return kept;
}

const ORDERED_MARKER = /^(\s*)(\d{1,9})([.)])/;

/**
 * The edit that sorts the timeline by instant (equal instants keep their order), or nothing when
 * sorting is not safe. Items move with their own lines; the blank lines and line ends between
 * items stay where they are, and an ordered list keeps its numbers where they stood.
 */
function sortEdit(pm: Postmortem, source: SourceText): Edit | undefined {
  const blocks = timelineBlocks(pm, source);
  if (!blocks) return undefined;
  const sorted = blocks.map((b, i) => ({ ...b, i })).sort((a, b) => a.instant - b.instant || a.i - b.i);
  if (sorted.every((b, i) => b.i === i)) return undefined;
  const raw = (b: Block) => pm.source.slice(source.offset(b.start), source.lineEnd(b.end));
  let text = '';
  blocks.forEach((slot, i) => {
    if (i > 0) text += pm.source.slice(source.lineEnd((blocks[i - 1] as Block).end), source.offset(slot.start));
    let moved = raw(sorted[i] as Block);
    // Moving `2.` to the top would start the list at 2: the slot's number stays.
    const slotMarker = ORDERED_MARKER.exec(raw(slot));
    const movedMarker = ORDERED_MARKER.exec(moved);
    if (slotMarker && movedMarker)
      moved = `${movedMarker[1]}${slotMarker[2]}${slotMarker[3]}${moved.slice(movedMarker[0].length)}`;
    text += moved;
  });
  const last = blocks[blocks.length - 1] as Block;
  return { from: source.offset((blocks[0] as Block).start), to: source.lineEnd(last.end), text };
}

/** The `timeline-order` rule. */
export default defineRule({
  id: 'timeline-order',
  defaultLevel: 'error',
  description: 'Timeline items are chronological.',
  fixable: true,
  format: true,
  docs: {
    what: 'Timeline items are in chronological order (compared as instants, offsets applied).',
    why: 'Readers follow the timeline top to bottom; an item out of place tells a different story.',
    fix:
      'Move the item to its place. `--fix` sorts the timeline (items with equal times keep their order) when ' +
      'every item has a valid timestamp, nothing but blank lines stands between the items and they are indented ' +
      'alike; otherwise the file is left alone and the rule reports.',
    examples: {
      notOk: '- 2020-01-01 10:05 Z — b\n- 2020-01-01 10:00 Z — a',
      ok: '- 2020-01-01 10:00 Z — a\n- 2020-01-01 10:05 Z — b',
    },
  },
  check: ({ pm, source, report }) => {
    // Most timelines are in order, and then no item is out of place: one pass, no objects, tells.
    let last = Number.NEGATIVE_INFINITY;
    let inOrder = true;
    for (const item of pm.timeline) {
      const instant = item.timestamp?.instant;
      if (typeof instant !== 'number') continue;
      // Written so that NaN, which no order holds, takes the full way below.
      if (!(instant >= last)) {
        inOrder = false;
        break;
      }
      last = instant;
    }
    if (inOrder) return;
    const timed = pm.timeline.flatMap((item) =>
      typeof item.timestamp?.instant === 'number' ? [{ item, instant: item.timestamp.instant }] : [],
    );
    const kept = longestRun(timed.map((t) => t.instant));
    // The latest item before each one and the earliest after it: an item out of place stands
    // after a later one or before an earlier one (linear, however many items are out of place).
    const latestBefore: number[] = [];
    for (let i = 0, best = -1; i < timed.length; i++) {
      latestBefore.push(best);
      if (best === -1 || (timed[i] as Timed).instant > (timed[best] as Timed).instant) best = i;
    }
    const earliestAfter: number[] = new Array<number>(timed.length);
    for (let i = timed.length - 1, best = -1; i >= 0; i--) {
      earliestAfter[i] = best;
      if (best === -1 || (timed[i] as Timed).instant < (timed[best] as Timed).instant) best = i;
    }
    let fix: Edit | undefined | null = null;
    timed.forEach(({ item, instant }, i) => {
      if (kept[i]) return;
      const before = latestBefore[i] as number;
      const after = before !== -1 && (timed[before] as Timed).instant > instant;
      const other = after ? before : (earliestAfter[i] as number);
      if (fix === null) fix = sortEdit(pm, source);
      report({
        message:
          `Expected timeline items in chronological order, found "${item.timestamp?.text}" ` +
          `${after ? 'after' : 'before'} "${timed[other]?.item.timestamp?.text}".`,
        line: item.line,
        column: item.column,
        ...(fix ? { fix } : {}),
      });
    });
  },
});
