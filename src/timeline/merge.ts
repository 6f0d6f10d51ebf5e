/**
 * Merging candidates into the Timeline section: each new item goes before the first existing
 * item that is later (existing items keep their order and their text), an item already there at
 * the same minute with the same words is not added again, and the file keeps its line ends.
 */
import type { Section, TimelineItem } from '../model/types.js';

/** An item to add: its instant and its full line (`- 2024-03-05 22:50 +01:00 — …`). */
export interface NewItem {
  at: number;
  line: string;
}

/** A line of the merged list, and whether it is new. */
export interface MergedLine {
  text: string;
  isNew: boolean;
}

/** The merged file and list. */
export interface Merge {
  source: string;
  lines: MergedLine[];
  added: number;
}

/** Words compared for duplicates: no case, no punctuation, no Markdown escapes. */
export function sameWordsKey(at: number, text: string): string {
  let words = text.toLowerCase();
  if (words.includes('\\')) words = words.replace(/\\(.)/g, '$1');
  // Most chat is ASCII, where the Unicode classes cost several times more than they find.
  words = (ASCII.test(words) ? words.replace(/[^a-z0-9]+/g, ' ') : words.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
  return `${Math.floor(at / 60_000)}|${words}`;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/** Keys of the items already in the timeline. */
export function existingKeys(items: readonly TimelineItem[]): Set<string> {
  const keys = new Set<string>();
  for (const item of items)
    if (item.timestamp?.instant != null) keys.add(sameWordsKey(item.timestamp.instant, item.event));
  return keys;
}

/** Merges new items (in time order) into the section of `source`; `section` and `items` are from parsing it. */
export function mergeIntoSection(
  source: string,
  section: Section,
  items: readonly TimelineItem[],
  added: readonly NewItem[],
): Merge {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const fileLines = source.split('\n');
  // Line indexes (0-based) before which new lines go, and those that go after the last item.
  const before = new Map<number, NewItem[]>();
  const merged: MergedLine[] = [];
  const sorted = [...added].sort((a, b) => a.at - b.at);
  let next = 0;
  for (const item of items) {
    const instant = item.timestamp?.instant;
    const here: NewItem[] = [];
    while (next < sorted.length && instant != null && (sorted[next] as NewItem).at < instant)
      here.push(sorted[next++] as NewItem);
    if (here.length) before.set(item.line - 1, here);
    for (const h of here) merged.push({ text: h.line, isNew: true });
    for (let l = item.line; l <= item.endLine; l++)
      merged.push({ text: stripCr(fileLines[l - 1] ?? ''), isNew: false });
  }
  const rest = sorted.slice(next);
  for (const r of rest) merged.push({ text: r.line, isNew: true });
  // The file's text is built only when it is written: printing 50,000 items needs only `lines`.
  const build = (): string => {
    const out: string[] = [];
    let tailAt: number;
    let tailNeedsBlank = false;
    if (items.length > 0) tailAt = (items[items.length - 1] as TimelineItem).endLine;
    else {
      // No list yet: the items go at the end of the section's text, after a blank line.
      let last = section.endLine;
      while (last >= section.contentStartLine && (fileLines[last - 1] ?? '').trim() === '') last--;
      tailAt = Math.max(last, section.line);
      tailNeedsBlank = true;
    }
    for (let i = 0; i < fileLines.length; i++) {
      for (const n of before.get(i) ?? []) out.push(`${n.line}${eol === '\r\n' ? '\r' : ''}`);
      out.push(fileLines[i] as string);
      if (i === tailAt - 1 && rest.length > 0) {
        const cr = eol === '\r\n' ? '\r' : '';
        if (tailNeedsBlank) out.push(cr);
        for (const r of rest) out.push(`${r.line}${cr}`);
        if (tailNeedsBlank && (fileLines[i + 1] ?? '').trim() !== '') out.push(cr);
      }
    }
    return out.join('\n');
  };
  let built: string | undefined;
  return {
    get source() {
      return (built ??= build());
    },
    lines: merged,
    added: sorted.length,
  };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
