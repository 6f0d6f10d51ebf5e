/** Inline control: `<!-- postmortem-disable RULE… -->`, `-enable`, `-disable-line`, `-disable-next-line`. */
export interface Directives {
  isDisabled(ruleId: string, line: number): boolean;
}

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable|enable)\b(.*?)-->/g;
const NONE: Directives = { isDisabled: () => false };

interface Range {
  rule: string | null;
  from: number;
  to: number;
}

/** Reads the inline directives of a file; a directive without rule ids applies to every rule. */
export function readDirectives(source: string): Directives {
  if (!source.includes('postmortem-')) return NONE;
  const ranges: Range[] = [];
  const open = new Map<string | null, number>();
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    const line = i + 1;
    for (const m of text.matchAll(DIRECTIVE)) {
      const kind = m[1] as string;
      const ids = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
      const rules: Array<string | null> = ids.length > 0 ? ids : [null];
      for (const rule of rules) {
        if (kind === 'disable-next-line') ranges.push({ rule, from: line + 1, to: line + 1 });
        else if (kind === 'disable-line') ranges.push({ rule, from: line, to: line });
        else if (kind === 'disable') {
          if (!open.has(rule)) open.set(rule, line);
        } else if (rule === null) {
          for (const [r, from] of open) ranges.push({ rule: r, from, to: line });
          open.clear();
        } else if (open.has(rule)) {
          ranges.push({ rule, from: open.get(rule) as number, to: line });
          open.delete(rule);
        }
      }
    }
  });
  for (const [rule, from] of open) ranges.push({ rule, from, to: Number.POSITIVE_INFINITY });
  if (ranges.length === 0) return NONE;
  return {
    isDisabled: (ruleId, line) =>
      ranges.some((r) => (r.rule === null || r.rule === ruleId) && line >= r.from && line <= r.to),
  };
}
