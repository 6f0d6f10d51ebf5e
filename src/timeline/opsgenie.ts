/**
 * Opsgenie alert logs (`GET /v2/alerts/{id}/logs`: `{"data": [{log, type, owner, createdAt}]}`)
 * and alert notes (`/v2/alerts/{id}/notes`: `{"data": [{note, owner, createdAt}]}`). Owners are
 * never copied; e-mail addresses and owners' names in the log text become roles.
 */
import { parseInstant } from '../model/timestamp.js';
import { isRecord } from '../model/guards.js';
import { NameScrubber } from './blameless.js';
import { eventText } from './event-text.js';
import { elementLines } from './json.js';
import type { EventKind, ReadContext, SourceEvent, SourceMessage, SourceResult } from './types.js';

/** True when parsed JSON is an Opsgenie log or note list. */
export function isOpsgenie(value: unknown): boolean {
  return (
    isRecord(value) &&
    Array.isArray(value.data) &&
    value.data.some((e) => isRecord(e) && typeof e.createdAt === 'string' && ('log' in e || 'note' in e))
  );
}

/** Log lines that say how people were reached, not what happened (and `sentTo`). */
const NOTIFICATION = /\b(?:notification|notified|will be notified|delivered|email sent)\b/i;

/** The line terminators, where `.` stops. */
const LINE_END = /[\n\r\u2028\u2029]/;

/**
 * Whether a line says "sent … to", as `/\bsent .* to\b/i` finds it. That pattern tried every `sent `
 * of a line to its end (quadratic); a later `sent ` finds nothing the first one's rest does not hold.
 */
export function sentTo(log: string): boolean {
  return log.split(LINE_END).some((line) => {
    const at = line.search(/\bsent /i);
    return at >= 0 && / to\b/i.test(line.slice(at + 'sent '.length));
  });
}

/** An owner's name without its mail domain: from the first `@` of its last line on, as `/@.*$/` cut it, in linear time. */
export function withoutDomain(owner: string): string {
  const lines = owner.split(LINE_END);
  const last = lines.pop() ?? '';
  const at = last.indexOf('@');
  return at < 0 ? owner : owner.slice(0, owner.length - last.length + at);
}

function kindOf(log: string, type: string): EventKind | null {
  if (type === 'note') return 'note';
  if (NOTIFICATION.test(log) || sentTo(log)) return null;
  if (/acknowledg|escalat|clos|resolv|creat|snooz|assign|priority|reopen/i.test(log)) return 'page';
  return 'note';
}

/** Reads Opsgenie alert logs or notes inside the window. */
export function readOpsgenie(value: unknown, text: string, ctx: ReadContext, shown: string): SourceResult {
  const list = (value as { data: unknown[] }).data;
  const events: SourceEvent[] = [];
  const messages: SourceMessage[] = [];
  const owners = list.flatMap((e) => (isRecord(e) && typeof e.owner === 'string' && e.owner ? [e.owner] : []));
  const people = [...new Set(owners)].map((o) => ({ names: [o, withoutDomain(o)] }));
  const scrubber = new NameScrubber(people, ctx.roles);
  let lines: number[] | null = null;
  const lineOf = (i: number) => (lines ??= elementLines(text, 2))[i];
  list.forEach((entry, i) => {
    const at = isRecord(entry) && typeof entry.createdAt === 'string' ? parseInstant(entry.createdAt) : null;
    const words = isRecord(entry) ? (typeof entry.note === 'string' ? entry.note : entry.log) : undefined;
    if (!isRecord(entry) || at === null || typeof words !== 'string') {
      const why = at === null ? 'a `createdAt` timestamp with a zone' : 'a `log` or `note` text';
      messages.push({ file: shown, line: lineOf(i), message: `expected an alert log entry with ${why}; skipped` });
      return;
    }
    if (at < ctx.since || at > ctx.until) return;
    const type = typeof entry.note === 'string' ? 'note' : typeof entry.type === 'string' ? entry.type : '';
    const kind = kindOf(words, type);
    if (!kind) return;
    const said = eventText(scrubber.scrub(type === 'note' ? `Note: ${words}` : `Opsgenie: ${words}`));
    if (said) events.push({ at, text: said, kind, origin: `${shown}:${lineOf(i) ?? 1}` });
  });
  return { events, messages };
}
