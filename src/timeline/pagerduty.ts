/**
 * PagerDuty incident log entries, as the REST API's `GET /incidents/{id}/log_entries` (or
 * `/log_entries`) returns them: `{"log_entries": [{type, created_at, agent, channel, incident}]}`.
 * The entry's `summary` names people ("Acknowledged by …"), so the words are built from the type.
 */
import { parseInstant } from '../model/timestamp.js';
import { isRecord } from '../model/guards.js';
import { NameScrubber, roleOf } from './blameless.js';
import { eventText } from './event-text.js';
import { elementLines } from './json.js';
import type { EventKind, ReadContext, SourceEvent, SourceMessage, SourceResult } from './types.js';

/** True when parsed JSON is a PagerDuty log-entry list. */
export function isPagerDuty(value: unknown): boolean {
  const list = isRecord(value) ? value.log_entries : value;
  return (
    Array.isArray(list) && list.some((e) => isRecord(e) && typeof e.type === 'string' && /_log_entry$/.test(e.type))
  );
}

function field(value: unknown, ...keys: string[]): string {
  let v: unknown = value;
  for (const k of keys) v = isRecord(v) ? v[k] : undefined;
  return typeof v === 'string' ? v.trim() : '';
}

/** The words and kind of one entry; null for entries that are not timeline events (notifications). */
function describe(
  entry: Record<string, unknown>,
  roles: Record<string, string>,
): { text: string; kind: EventKind } | null {
  const type = String(entry.type).replace(/_reference$/, '');
  const who =
    isRecord(entry.agent) && entry.agent.type !== 'service_reference'
      ? roleOf(roles, { id: field(entry.agent, 'id'), names: [field(entry.agent, 'summary')].filter(Boolean) })
      : null;
  const by = who ? ` by ${who}` : '';
  const what = (field(entry, 'channel', 'summary') || field(entry, 'incident', 'summary')).replace(/^\[#\d+\]\s*/, '');
  switch (type) {
    case 'trigger_log_entry':
      return { text: `PagerDuty incident triggered${what ? `: ${what}` : ''}`, kind: 'page' };
    case 'acknowledge_log_entry':
      return { text: `PagerDuty incident acknowledged${by}`, kind: 'page' };
    case 'unacknowledge_log_entry':
      return { text: 'PagerDuty acknowledgement timed out', kind: 'page' };
    case 'escalate_log_entry':
      return { text: 'PagerDuty incident escalated', kind: 'page' };
    case 'resolve_log_entry':
      return { text: `PagerDuty incident resolved${by}`, kind: 'page' };
    case 'annotate_log_entry': {
      const note =
        field(entry, 'channel', 'summary') || field(entry, 'channel', 'content') || field(entry, 'channel', 'notes');
      return note ? { text: `Note: ${note}`, kind: 'note' } : null;
    }
    case 'assign_log_entry':
      return { text: 'PagerDuty incident reassigned', kind: 'page' };
    case 'priority_change_log_entry':
      return { text: 'PagerDuty incident priority changed', kind: 'page' };
    case 'urgency_change_log_entry':
      return { text: 'PagerDuty incident urgency changed', kind: 'page' };
    case 'status_update_log_entry': {
      const message = field(entry, 'message') || field(entry, 'channel', 'summary');
      return { text: `Status update${message ? `: ${message}` : ''}`, kind: 'note' };
    }
    default:
      // notify, snooze, delegate, repeat and exhaust escalation paths: how people were reached, not what happened.
      return null;
  }
}

/** Reads PagerDuty log entries inside the window. */
export function readPagerDuty(value: unknown, text: string, ctx: ReadContext, shown: string): SourceResult {
  const list = (isRecord(value) ? value.log_entries : value) as unknown[];
  const depth = isRecord(value) ? 2 : 1;
  const events: SourceEvent[] = [];
  const messages: SourceMessage[] = [];
  const scrubber = new NameScrubber([], ctx.roles);
  let lines: number[] | null = null;
  const lineOf = (i: number) => (lines ??= elementLines(text, depth))[i];
  list.forEach((entry, i) => {
    const at = isRecord(entry) ? parseInstant(field(entry, 'created_at')) : null;
    if (!isRecord(entry) || typeof entry.type !== 'string' || at === null) {
      const why =
        !isRecord(entry) || typeof entry.type !== 'string' ? 'a `type`' : 'a `created_at` timestamp with a zone';
      messages.push({ file: shown, line: lineOf(i), message: `expected a log entry with ${why}; skipped` });
      return;
    }
    if (at < ctx.since || at > ctx.until) return;
    const described = describe(entry, ctx.roles);
    if (!described) return;
    const words = eventText(scrubber.scrub(described.text));
    if (words) events.push({ at, text: words, kind: described.kind, origin: `${shown}:${lineOf(i) ?? 1}` });
  });
  return { events, messages };
}
