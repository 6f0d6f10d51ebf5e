import { plainText } from '../../render/escape.js';
import { isOpen, isOverdue } from '../actions.js';
import type { ActionItem, ActionItemWithText } from '../types.js';
import { formatActionsCsv } from './csv.js';
import { textTable } from './text-table.js';

import { ACTIONS_FORMATS, type ActionsFormat } from './names.js';

export { ACTIONS_FORMATS, type ActionsFormat };

/** Which items `postmortem actions` lists. */
export interface ActionsFilter {
  open?: boolean;
  overdue?: boolean;
  today: string;
}

/** The items that pass the filter, most overdue first (earliest due date), then by postmortem. */
export function selectActions<Item extends ActionItem>(items: readonly Item[], filter: ActionsFilter): Item[] {
  return items
    .filter((i) => (!filter.open || isOpen(i)) && (!filter.overdue || isOverdue(i, filter.today)))
    .sort(
      (a, b) =>
        (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.postmortem.localeCompare(b.postmortem) || a.line - b.line,
    );
}

/**
 * Quotes a word for a POSIX shell: single quotes around everything, each `'` written as `'\''`.
 * Nothing inside single quotes is special to sh, bash or zsh (no `$`, backtick, `!` or newline).
 */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function ghCommands(
  items: readonly ActionItemWithText[],
  options: { repo?: string; labels?: readonly string[] },
): string {
  const lines = ['#!/bin/sh', '# gh issue create for each action item without a ticket. Review, then run with sh.'];
  for (const i of items.filter((item) => item.ticket === null)) {
    // The issue is read on GitHub and the script in a terminal: neither should get escape sequences.
    const body = [
      `Action item of the postmortem ${plainText(i.postmortem)} (${plainText(i.path)}, line ${i.line}).`,
      '',
      `- Type: ${plainText(i.type)}`,
      `- Owner: ${plainText(i.owner)}`,
      `- Due: ${plainText(i.due ?? 'not set')}`,
      `- Status: ${plainText(i.status)}`,
    ].join('\n');
    const args = ['gh', 'issue', 'create'];
    if (options.repo) args.push('--repo', shellQuote(options.repo));
    // Line breaks would break the line a reviewer reads; the title keeps its words, on one line.
    args.push('--title', shellQuote(plainText(i.action)), '--body', shellQuote(body));
    for (const label of options.labels ?? []) args.push('--label', shellQuote(label));
    lines.push(args.join(' '));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes action items as a table, CSV, JSON or `gh issue create` commands (printed, never run). */
export function formatActions(
  items: readonly ActionItemWithText[],
  format: ActionsFormat,
  options: { today: string; repo?: string; labels?: readonly string[] },
): string {
  switch (format) {
    case 'csv':
      return formatActionsCsv(items, options.today);
    case 'json':
      return `${JSON.stringify(
        items.map((i) => ({ ...i, open: isOpen(i), overdue: isOverdue(i, options.today) })),
        null,
        2,
      )}\n`;
    case 'gh':
      return ghCommands(items, options);
    case 'table': {
      if (items.length === 0) return 'No action items match.\n';
      const rows = items.map((i) => [
        isOverdue(i, options.today) ? `${i.due} !` : (i.due ?? '–'),
        i.status,
        i.type,
        i.owner,
        i.ticket ?? '–',
        i.action.length > 60 ? `${i.action.slice(0, 59)}…` : i.action,
        `${i.path}:${i.line}`,
      ]);
      const overdue = items.filter((i) => isOverdue(i, options.today)).length;
      return (
        `${textTable(['due', 'status', 'type', 'owner', 'ticket', 'action', 'file'], rows, '')}\n\n` +
        `${items.length} items, ${overdue} overdue on ${options.today} (marked !).\n`
      );
    }
  }
}
