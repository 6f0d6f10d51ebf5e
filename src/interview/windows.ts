/** `impact.windows` in an answers file: when customers were affected, if not continuously (FORMAT 1.1). */
import { isRecord, parseInstant } from '../model/index.js';
import { parseMomentInput, type MomentContext } from './moments.js';

/** What is wrong with one part of the windows: its dotted key and the message. */
export interface WindowProblem {
  key: string;
  message: string;
}

/**
 * Reads `impact.windows` (a list of `{start, end}`, times as at the prompt) and checks FORMAT 1.1's
 * rules: ordered, not overlapping, the first starting at `started`, all within `started`..`resolved`.
 */
export function readWindows(
  raw: unknown,
  context: MomentContext,
  moments: { started?: string; resolved?: string },
): { windows?: Array<{ start: string; end: string }>; problems: WindowProblem[] } {
  const problems: WindowProblem[] = [];
  if (!Array.isArray(raw) || raw.length === 0)
    return { problems: [{ key: 'impact.windows', message: 'Expected a list of {start, end}, found something else.' }] };
  const windows: Array<{ start: string; end: string }> = [];
  raw.forEach((item, i) => {
    const parts: Record<string, string> = {};
    for (const edge of ['start', 'end'] as const) {
      const value: unknown = isRecord(item) ? item[edge] : undefined;
      const parsed = typeof value === 'string' ? parseMomentInput(value, context) : null;
      if (!parsed || 'error' in parsed)
        problems.push({
          key: `impact.windows.${i}.${edge}`,
          message: parsed ? parsed.error : 'Expected a time, found none.',
        });
      else parts[edge] = parsed.iso;
    }
    if (parts.start && parts.end) windows.push({ start: parts.start, end: parts.end });
  });
  if (problems.length > 0) return { problems };
  const ms = (iso: string) => parseInstant(iso) as number;
  const started = moments.started ? ms(moments.started) : null;
  const resolved = moments.resolved ? ms(moments.resolved) : null;
  windows.forEach((w, i) => {
    const key = `impact.windows.${i}`;
    if (ms(w.end) <= ms(w.start))
      problems.push({ key, message: `Expected end after start, found ${w.start} to ${w.end}.` });
    const before = windows[i - 1];
    if (before && ms(w.start) < ms(before.end))
      problems.push({
        key,
        message: `Expected windows in order, not overlapping; this one starts before ${before.end}.`,
      });
    if (i === 0 && started !== null && ms(w.start) !== started)
      problems.push({
        key,
        message: `Expected the first window to start at started (${moments.started}), found ${w.start}.`,
      });
    if (resolved !== null && ms(w.end) > resolved)
      problems.push({ key, message: `Expected the window to end by resolved (${moments.resolved}), found ${w.end}.` });
  });
  return problems.length > 0 ? { problems } : { windows, problems };
}
