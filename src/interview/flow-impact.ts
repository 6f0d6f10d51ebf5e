/** The summary-and-impact step: summary, customers, data loss, description, and when impact was felt. */
import { parseInstant } from '../model/index.js';
import type { InterviewContext } from './flow-context.js';
import { parseMomentInput, showInstant } from './moments.js';
import { MESSAGES, STEP_TITLES } from './questions.js';
import {
  parseCustomers,
  validateCustomers,
  validateLongText,
  validateOptionalLongText,
  type Validation,
} from './validators.js';

/** One spell of customer impact (FORMAT 1.1 `impact.windows`). */
export interface ImpactWindow {
  start: string;
  end: string;
}

/** A window edge typed at a prompt: a real time, after `after` (or at it), at or before `until`. */
function edge(
  text: string,
  context: { zone: string; date: string },
  after: string,
  until: string,
  atAfter: boolean,
): Validation {
  const parsed = parseMomentInput(text, context);
  if ('error' in parsed) return parsed.error;
  const ms = parseInstant(parsed.iso) as number;
  const min = parseInstant(after) as number;
  if (atAfter ? ms < min : ms <= min)
    return `Expected a time ${atAfter ? 'at or after' : 'after'} ${showInstant(after)}, found ${showInstant(parsed.iso)}.`;
  if (ms > (parseInstant(until) as number))
    return `Expected a time at or before resolved (${showInstant(until)}), found ${showInstant(parsed.iso)}.`;
  return true;
}

/** Asks when customers were affected if not continuously: windows from `started`, within `resolved`. */
async function askWindows(iv: InterviewContext): Promise<ImpactWindow[] | undefined> {
  const a = iv.a;
  const continuous = await iv.step(
    'impact.continuous',
    (ask) => ask.confirm({ message: MESSAGES.continuous, default: true }),
    () => true,
  );
  if (continuous) return undefined;
  const context = { zone: iv.zone, date: (a.started as string).slice(0, 10) };
  const resolved = a.resolved as string;
  const windows: ImpactWindow[] = [];
  let start = a.started as string;
  for (let i = 0; ; i++) {
    if (i > 0) {
      const more = await iv.step(
        `impact.windows.${i}.more`,
        (ask) => ask.confirm({ message: MESSAGES.impactAgain, default: false }),
        () => false,
      );
      if (!more) break;
      const previousEnd = start;
      const typed = await iv.step(`impact.windows.${i}.start`, (ask) =>
        ask.input({ message: MESSAGES.windowStart, validate: (v) => edge(v, context, previousEnd, resolved, true) }),
      );
      start = (parseMomentInput(typed, context) as { iso: string }).iso;
    }
    const from = start;
    const typed = await iv.step(`impact.windows.${i}.end`, (ask) =>
      ask.input({
        message: `${MESSAGES.windowEnd} (it began ${showInstant(from)})`,
        validate: (v) => edge(v, context, from, resolved, false),
      }),
    );
    const end = (parseMomentInput(typed, context) as { iso: string }).iso;
    windows.push({ start, end });
    start = end;
  }
  return windows;
}

/** Asks the summary and the impact, unless given. */
export async function askImpact(iv: InterviewContext): Promise<void> {
  const a = iv.a;
  iv.header(STEP_TITLES.impact);
  a.summary ??= (
    await iv.step('summary', (ask) => ask.text({ message: MESSAGES.summary, validate: validateLongText }))
  ).trim();
  const impact = (a.impact ??= {});
  // Impact given in an answers file carries its own `windows` if it had any.
  const impactGiven = impact.customers_affected !== undefined;
  if (impact.customers_affected === undefined) {
    impact.customers_affected = parseCustomers(
      await iv.step('impact.customers_affected', (ask) =>
        ask.input({ message: MESSAGES.customers, validate: validateCustomers }),
      ),
    );
  }
  impact.data_loss ??= await iv.step('impact.data_loss', (ask) =>
    ask.confirm({ message: MESSAGES.dataLoss, default: false }),
  );
  if (impact.description === undefined) {
    const text = (
      await iv.step(
        'impact.description',
        (ask) => ask.text({ message: MESSAGES.impactDescription, validate: validateOptionalLongText }),
        () => '',
      )
    ).trim();
    if (text !== '') impact.description = text;
  }
  // Also asked when the review screen reopened it, or a draft recorded it.
  const reopened =
    iv.options.previous?.['impact.continuous'] !== undefined || Object.hasOwn(iv.options.steps, 'impact.continuous');
  if (impact.windows === undefined && (!impactGiven || reopened)) {
    const windows = await askWindows(iv);
    if (windows) impact.windows = windows;
  }
}
