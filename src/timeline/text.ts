/**
 * A pasted chat log or a shell history, one event per line, each starting with a time:
 * ISO (`2024-03-05T22:50:00Z`, `2024-03-05 22:50`), `[2024-03-05 22:50]`, `05.03.2024 22:50`,
 * `22:50` or `22:50:12` (on the incident's date; a time earlier than the one before is the next
 * day), bash history with HISTTIMEFORMAT (`  1021  2024-03-05 22:50:01 cmd`) or with `#epoch`
 * lines, and zsh extended history (`: 1709675401:0;cmd`). Times without a zone are the incident's.
 * A speaker before a colon (or in `<…>`) is dropped when it speaks on more than one line or the
 * config maps it to a role.
 */
import { NameScrubber } from './blameless.js';
import { eventText } from './event-text.js';
import type { EventKind, ReadContext, SourceEvent, SourceMessage, SourceResult } from './types.js';
import { wallToInstant } from './zone.js';

const ZSH = /^: (\d{9,11}):\d+;(.*)$/;
const BASH_EPOCH = /^#(\d{9,11})$/;
// Groups: 1 `[`, 2–4 ISO date, 5–7 German date, 8–10 time, 11 zone, 12 `]`.
const STAMP = new RegExp(
  [
    // `\s*` only after the bracket: two adjacent `\s*` made a line of blanks take quadratic time.
    String.raw`^\s*(?:\d+\s+)?(?:(\[)\s*)?`,
    String.raw`(?:(\d{4})-(\d{2})-(\d{2})[T ]|(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+)?`,
    String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?(?![\d:])`,
    String.raw`\s*(\])?\s*(?:(?:[-—–|:]|\s)\s*)?`,
  ].join(''),
);
const NOT_SPEAKERS = new RegExp(
  '^(?:error|warn(?:ing)?|info|debug|trace|fatal|hint|remote|usage|notice|note|fyi|update|status|alert|incident|todo' +
    '|action|decision|deploy|summary|re|subject|plan|cause|fix|impact|ps)$',
  'i',
);

// A chat handle (`carol:`, `@dana:`): one lower-case word is a speaker even on one line; "Plan:" or
// "Root cause:" are labels, and a capitalised word counts only when it recurs or the config names it.
const HANDLE = /^@?[a-z][a-z0-9._-]{1,31}$/;

interface Line {
  n: number;
  at: number;
  rest: string;
  kind: EventKind;
}

/** Reads the lines of a text source inside the window. */
export function readText(text: string, ctx: ReadContext, shown: string): SourceResult {
  const messages: SourceMessage[] = [];
  const lines: Line[] = [];
  let date = ctx.date;
  let lastTime = -1;
  let pendingEpoch: number | null = null;
  const all = text.split('\n');
  all.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const n = i + 1;
    if (line.trim() === '') return;
    const bashEpoch = BASH_EPOCH.exec(line.trim());
    if (bashEpoch) {
      pendingEpoch = Number(bashEpoch[1]) * 1000;
      return;
    }
    if (pendingEpoch !== null) {
      lines.push({ n, at: pendingEpoch, rest: line.trim(), kind: 'command' });
      pendingEpoch = null;
      return;
    }
    const zsh = ZSH.exec(line);
    if (zsh) {
      lines.push({ n, at: Number(zsh[1]) * 1000, rest: zsh[2] as string, kind: 'command' });
      return;
    }
    const m = STAMP.exec(line);
    if (!m || Boolean(m[1]) !== Boolean(m[12])) {
      messages.push({
        file: shown,
        line: n,
        column: 1,
        message: `expected a time at the start of the line, found "${preview(line)}"; skipped`,
      });
      return;
    }
    const h = Number(m[8]);
    const mi = Number(m[9]);
    const s = Number(m[10] ?? 0);
    let y: number;
    let mo: number;
    let d: number;
    if (m[2]) [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
    else if (m[7]) [y, mo, d] = [Number(m[7]), Number(m[6]), Number(m[5])];
    else {
      // A time alone: the date runs on, and a time earlier than the last one is the next day.
      const time = h * 3600 + mi * 60 + s;
      if (lastTime !== -1 && time < lastTime) date = nextDay(date);
      lastTime = time;
      [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    }
    if (m[2] || m[7]) {
      date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      lastTime = h * 3600 + mi * 60 + s;
    }
    const zone = m[11];
    const at = zone ? withZone(y, mo, d, h, mi, s, zone) : wallToInstant(ctx, y, mo, d, h, mi, s);
    if (at === null) {
      messages.push({
        file: shown,
        line: n,
        column: 1,
        message: `expected a real date and time, found "${preview(m[0].trim())}"; skipped`,
      });
      return;
    }
    lines.push({ n, at, rest: line.slice(m[0].length), kind: /^\s*\d+\s+/.test(line) && m[2] ? 'command' : 'message' });
  });
  return { events: toEvents(lines, ctx, shown), messages };
}

/** A speaker at the start of a line: `<name>` (always one) or `name:` (one if it is a handle, recurs or the config names it). */
function speakerOf(rest: string): { name: string; length: number; explicit: boolean } | null {
  const tagged = /^<([^<>]{1,40})>\s+/.exec(rest);
  if (tagged) return { name: (tagged[1] as string).trim(), length: tagged[0].length, explicit: true };
  const named = /^([\p{L}@][\p{L}\p{N} ._'@-]{0,38}?):\s+(?=\S)/u.exec(rest);
  if (!named || NOT_SPEAKERS.test(named[1] as string)) return null;
  return { name: named[1] as string, length: named[0].length, explicit: false };
}

/** Drops speakers and makes the events. */
function toEvents(lines: Line[], ctx: ReadContext, shown: string): SourceEvent[] {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const s = l.kind === 'message' ? speakerOf(l.rest) : null;
    if (s) counts.set(s.name, (counts.get(s.name) ?? 0) + (s.explicit ? 2 : 1));
  }
  const speakers = new Set(
    [...counts].filter(([name, c]) => c > 1 || ctx.roles[name] !== undefined || HANDLE.test(name)).map(([n]) => n),
  );
  const scrubber = new NameScrubber(
    [...speakers].map((name) => ({ names: [name.replace(/^@/, '')] })),
    ctx.roles,
  );
  const events: SourceEvent[] = [];
  for (const l of lines) {
    if (l.at < ctx.since || l.at > ctx.until) continue;
    let rest = l.rest;
    const s = l.kind === 'message' ? speakerOf(rest) : null;
    if (s && speakers.has(s.name)) rest = rest.slice(s.length);
    const text = eventText(scrubber.scrub(l.kind === 'command' ? `Command run: ${rest.trim()}` : rest));
    if (text) events.push({ at: l.at, text, kind: l.kind, origin: `${shown}:${l.n}` });
  }
  return events;
}

function withZone(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string): number | null {
  const offset =
    zone === 'Z' || zone === 'UTC'
      ? 0
      : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const instant = wallToInstant({ zone: null, offset }, y, mo, d, h, mi, s);
  return instant;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function preview(text: string): string {
  const one = eventText(text);
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}
