/** Lays out rows as aligned columns for a terminal; the first column left, numbers right-aligned. */
export function textTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, indent = '  '): string {
  const all = [headers, ...rows];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => /^[\d,.]+( %)?$|^–$/.test(r[c] ?? '')));
  const line = (r: readonly string[]) =>
    indent +
    r
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] as number) - [...cell].length);
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
