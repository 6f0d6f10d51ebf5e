import type { Edit, SourceText } from './types.js';

/** Line and column offsets of a text; the table of line starts is built on first use. */
export function sourceText(source: string): SourceText {
  let starts: number[] | null = null;
  const lineStarts = (): number[] => {
    if (starts) return starts;
    starts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  };
  const start = (line: number): number => {
    const all = lineStarts();
    return line < 1 ? 0 : line > all.length ? source.length : (all[line - 1] as number);
  };
  return {
    offset: (line, column = 1) => Math.min(start(line) + column - 1, source.length),
    lineEnd: (line) => {
      const all = lineStarts();
      let end = line >= all.length ? source.length : (all[line] as number) - 1;
      // The line end stays where it is: CR of a CRLF belongs to it, not to the line's content.
      if (end > start(line) && source[end - 1] === '\r' && line < all.length) end--;
      return end;
    },
  };
}

/**
 * Applies the edits that do not overlap an earlier one (by start offset) to the text, as ESLint
 * and markdownlint do; the others wait for the next pass. Returns null when nothing changed.
 */
export function applyEdits(source: string, edits: readonly Edit[]): string | null {
  const sorted = edits
    .filter((e) => e.from >= 0 && e.to >= e.from && e.to <= source.length && source.slice(e.from, e.to) !== e.text)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  let changed = false;
  for (const edit of sorted) {
    if (edit.from < at) continue;
    out += source.slice(at, edit.from) + edit.text;
    at = edit.to;
    changed = true;
  }
  return changed ? out + source.slice(at) : null;
}
