/** The action-items step: each category's suggestions, the user's own items, then a review list. */
import { formatInstant, offsetOf, parseInstant } from '../model/index.js';
import type { ActionItemAnswer } from './answers.js';
import { categoryDefinition, type ActionType } from './categories.js';
import type { InterviewContext } from './flow-context.js';
import { ACTION_TYPE_CHOICES, MESSAGES, STEP_TITLES } from './questions.js';
import { parseDayInput } from './moments.js';
import { validateDueDate, validateOwner, validateText, validateTicket } from './validators.js';

/** The weekday of a YYYY-MM-DD day, in English, so that an echoed date can be checked at a glance. */
function weekday(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

const DUE_DAYS = 30;

function dueDefault(iv: InterviewContext): string {
  const started = parseInstant(iv.a.started as string) ?? iv.options.now;
  return formatInstant(started + DUE_DAYS * 86_400_000, offsetOf(iv.a.started as string) ?? 0).slice(0, 10);
}

/** Owner, due date and ticket of an item; the previous item's owner is offered again. */
async function ownerDueTicket(
  iv: InterviewContext,
  prefix: string,
  previous: Partial<ActionItemAnswer>,
): Promise<{ owner: string; due: string; ticket: string }> {
  const notBefore = (iv.a.started as string).slice(0, 10);
  const owner = (
    await iv.step(`${prefix}.owner`, (ask) =>
      ask.input({ message: MESSAGES.owner, default: previous.owner, validate: validateOwner }),
    )
  ).trim();
  const typed = (
    await iv.step(`${prefix}.due`, (ask) =>
      ask.input({
        message: MESSAGES.due,
        default: previous.due ?? dueDefault(iv),
        validate: (v) => validateDueDate(v, notBefore),
      }),
    )
  ).trim();
  // Stored as the file format has it; a day typed another way is echoed as read.
  const due = parseDayInput(typed) ?? typed;
  if (due !== typed) iv.options.say?.(`  Due ${due} (${weekday(due)}).`);
  const ticket = (
    await iv.step(`${prefix}.ticket`, (ask) =>
      ask.input({ message: MESSAGES.ticket, default: previous.ticket || undefined, validate: validateTicket }),
    )
  ).trim();
  return { owner, due, ticket };
}

async function actionAndType(
  iv: InterviewContext,
  prefix: string,
  previous: { action?: string; type?: string },
): Promise<{ action: string; type: string }> {
  const action = (
    await iv.step(`${prefix}.action`, (ask) =>
      ask.input({ message: MESSAGES.action, default: previous.action, validate: validateText }),
    )
  ).trim();
  const type = await iv.step(`${prefix}.type`, (ask) =>
    ask.select({
      message: MESSAGES.actionType,
      choices: ACTION_TYPE_CHOICES,
      ...(previous.type ? { default: previous.type as ActionType } : {}),
    }),
  );
  return { action, type };
}

async function suggested(iv: InterviewContext, items: ActionItemAnswer[]): Promise<void> {
  for (const category of [...new Set((iv.a.root_causes ?? []).map((c) => c.category))]) {
    const definition = categoryDefinition(category);
    for (const [j, suggestion] of definition.remediations.entries()) {
      const prefix = `action_items.suggested.${category}.${j}`;
      const decision = await iv.step(
        prefix,
        (ask) =>
          ask.select({
            message: `Suggested for ${definition.label.toLowerCase()} (${suggestion.type}): ${suggestion.action}`,
            choices: [
              { value: 'accept', name: 'Accept' },
              { value: 'edit', name: 'Edit, then accept' },
              { value: 'drop', name: 'Drop' },
            ],
          }),
        () => 'drop',
      );
      if (decision === 'drop') continue;
      const what =
        decision === 'edit'
          ? await actionAndType(iv, prefix, suggestion)
          : { action: suggestion.action, type: suggestion.type };
      const rest = await ownerDueTicket(iv, prefix, { owner: items.at(-1)?.owner });
      items.push({ ...what, ...rest, status: 'open' });
    }
  }
}

/** A one-line view of an item for the review list. */
export function showItem(item: ActionItemAnswer): string {
  return `${item.action} (${item.type}, ${item.owner}, due ${item.due}${item.ticket ? `, ${item.ticket}` : ''})`;
}

async function review(iv: InterviewContext, items: ActionItemAnswer[]): Promise<ActionItemAnswer[]> {
  let list = items;
  for (let r = 0; ; r++) {
    const picked = await iv.step(
      `action_items.review.${r}`,
      (ask) =>
        ask.select({
          message: MESSAGES.reviewActions,
          choices: [
            { value: 'done', name: 'Done, the action items are complete' },
            { value: 'add', name: 'Add an action item' },
            ...list.map((item, i) => ({ value: String(i), name: showItem(item) })),
          ],
        }),
      () => 'done',
    );
    if (picked === 'done') break;
    const prefix = `action_items.review.${r}`;
    if (picked === 'add') {
      const what = await actionAndType(iv, `${prefix}.add`, {});
      list.push({
        ...what,
        ...(await ownerDueTicket(iv, `${prefix}.add`, { owner: list.at(-1)?.owner })),
        status: 'open',
      });
      continue;
    }
    const item = list[Number(picked)];
    if (!item) continue;
    const action = await iv.step(`${prefix}.action`, (ask) =>
      ask.select({
        message: showItem(item),
        choices: [
          { value: 'edit', name: 'Edit' },
          { value: 'remove', name: 'Remove' },
          { value: 'keep', name: 'Keep as it is' },
        ],
      }),
    );
    if (action === 'remove') list = list.filter((i) => i !== item);
    if (action === 'edit') {
      Object.assign(item, await actionAndType(iv, `${prefix}.edit`, item));
      Object.assign(item, await ownerDueTicket(iv, `${prefix}.edit`, item));
    }
  }
  return list;
}

/** Asks for action items, unless the answers hold them. */
export async function askActions(iv: InterviewContext): Promise<void> {
  if (iv.a.action_items !== undefined) return;
  iv.header(STEP_TITLES.actions);
  const items: ActionItemAnswer[] = [];
  await suggested(iv, items);
  for (let k = 0; ; k++) {
    const more = await iv.step(
      `action_items.more.${k}`,
      (ask) =>
        ask.confirm({
          message: k === 0 ? MESSAGES.addAction : MESSAGES.addAnotherAction,
          default: items.length === 0,
        }),
      () => false,
    );
    if (!more) break;
    const prefix = `action_items.own.${k}`;
    const what = await actionAndType(iv, prefix, {});
    const rest = await ownerDueTicket(iv, prefix, { owner: items.at(-1)?.owner });
    items.push({ ...what, ...rest, status: 'open' });
  }
  iv.a.action_items = await review(iv, items);
}
