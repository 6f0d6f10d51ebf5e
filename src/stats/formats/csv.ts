import { isOpen, isOverdue } from '../actions.js';
import type { ActionItemWithText } from '../types.js';

/** Quotes a CSV field (RFC 4180) and defuses spreadsheet formulas (`=`, `+`, `-`, `@` at the start). */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Action items as CSV with a header row, one item a row, with `open` and `overdue` judged on `today`. */
export function formatActionsCsv(items: readonly ActionItemWithText[], today: string): string {
  const header = [
    'postmortem',
    'file',
    'line',
    'action',
    'type',
    'owner',
    'due',
    'status',
    'ticket',
    'open',
    'overdue',
  ];
  const rows = items.map((i) => [
    i.postmortem,
    i.path,
    String(i.line),
    i.action,
    i.type,
    i.owner,
    i.due ?? '',
    i.status,
    i.ticket ?? '',
    String(isOpen(i)),
    String(isOverdue(i, today)),
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
