/**
 * Reads an answers file's parsed data (`--answers FILE`, YAML or JSON) into the interview's
 * answers: its shape checked with the answers-file schema (src/schema/answers.ts), then every value
 * with the prompts' own validators.
 */
import { z } from 'zod';
import { MOMENTS, isRecord } from '../model/index.js';
import { PART_MISSING, answersSchema, type AnswersFile } from '../schema/answers.js';
import { describeIssue, type SchemaIssue } from '../schema/issues.js';
import { AnswersFileError, dropUndefined, valueAt, type AnswerProblem, type Answers } from './answers.js';
import { asText, textList, type Collect } from './answer-values.js';
import { parseDayInput, parseMomentInput } from './moments.js';
import { readNotice } from './read-notice.js';
import { readWindows } from './windows.js';
import {
  validateActionStatus,
  validateActionType,
  validateCategory,
  validateDueDate,
  validateId,
  validateLongText,
  validateMomentOrder,
  validateOptionalLongText,
  validateOptionalText,
  validateOwner,
  validateSeverity,
  validateStatus,
  validateText,
  validateTicket,
  validateTitle,
  validateZone,
  type MomentName,
} from './validators.js';

/** The answers-file schema, built once, its messages for patterned texts worded by the prompts' validators. */
let schema: ReturnType<typeof answersSchema> | undefined;
function fileSchema(): ReturnType<typeof answersSchema> {
  schema ??= answersSchema(z, {
    id: validateId,
    title: validateTitle,
    text: validateText,
    due: (text) => validateDueDate(text),
    ticket: validateTicket,
  });
  return schema;
}

/** What is wrong with the data's shape: each wrong value's key path, and the problem as the user reads it. */
function shapeProblems(
  issues: readonly SchemaIssue[],
  data: unknown,
): Array<{ path: PropertyKey[]; problem: AnswerProblem }> {
  const found = issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return (issue.keys ?? []).map((key) => ({ path: [...issue.path, key], message: issue.message, atKey: true }));
    const { path, expected } = describeIssue(issue, data);
    return [{ path, message: expected, atKey: false }];
  });
  const problems = found.map(({ path, message, atKey }) => {
    // A part missing from an item is added at the item (once, when two parts are missing).
    const at = message.endsWith(PART_MISSING) ? path.slice(0, -1) : path;
    const key = at.length === 0 ? '(file)' : at.map(String).join('.');
    return { path, problem: { key, message, ...(atKey ? { atKey } : {}) } };
  });
  return problems.filter(
    ({ problem }, i) =>
      problems.findIndex((p) => p.problem.key === problem.key && p.problem.message === problem.message) === i,
  );
}

/**
 * A copy of `data` without the values at `paths`, so that the rest can still be checked. A list keeps
 * its entries (a hole would shift or blur the keys named next); the checks read entries by kind.
 */
function without(data: Record<string, unknown>, paths: ReadonlyArray<readonly PropertyKey[]>): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const path of paths) {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((v, k) => (isRecord(v) || Array.isArray(v) ? (v as never)[k] : undefined), copy);
    if (isRecord(parent)) delete parent[path.at(-1) as string];
  }
  return copy;
}

/** A valid due date as the file format writes it (YYYY-MM-DD), whichever form the answers file used. */
function dueDay(text: string | undefined): string | undefined {
  return text === undefined ? undefined : (parseDayInput(text) ?? text);
}

/**
 * Checks the values of parsed answers-file data with the prompt validators and returns answers in
 * the interview's shape (moments as ISO text with an offset). Throws `AnswersFileError` naming
 * every wrong key. `defaults.today` is the date a bare `HH:MM` falls on when the file has no `started`.
 */
export function readAnswers(
  raw: unknown,
  file: string,
  defaults: { zone: string; today: string; categories?: readonly string[] },
): Answers {
  if (raw === undefined || raw === null) return {};
  const parsed = fileSchema().safeParse(raw);
  const shape = parsed.success ? [] : shapeProblems(parsed.error.issues, raw);
  if (!parsed.success && !isRecord(raw))
    throw new AnswersFileError(
      file,
      shape.map((s) => s.problem),
    );
  // The values the schema refused are left out (a part of an item may then be missing), so that the
  // rest is still checked and the user hears every problem at once.
  const data = (
    parsed.success
      ? parsed.data
      : without(
          raw as Record<string, unknown>,
          shape.map((s) => s.path),
        )
  ) as AnswersFile;
  const problems: AnswerProblem[] = [];
  const collect: Collect = (key, result) => {
    if (result !== true) problems.push({ key, message: result });
  };
  const out: Answers = {};
  // The schema has checked every kind: a text is text, a number or true/false; a list is a list or one text.
  const text = (key: string, validate: (s: string) => true | string): string | undefined => {
    const s = asText(valueAt(data, key));
    if (s === null) return undefined;
    collect(key, validate(s));
    return s.trim();
  };
  const list = (key: string, value: unknown, validate: (s: string) => true | string): string[] | undefined => {
    const entries = textList(value);
    if (entries === null) return undefined;
    entries.forEach((entry, i) => collect(`${key}.${i}`, validate(entry)));
    return entries.map((s) => s.trim());
  };
  out.id = text('id', validateId);
  out.title = text('title', validateTitle);
  out.status = text('status', validateStatus);
  out.severity = text('severity', validateSeverity);
  out.timezone = text('timezone', validateZone);
  for (const key of ['authors', 'services', 'tags'] as const) out[key] = list(key, data[key], validateText);
  const zone = out.timezone ?? defaults.zone;
  let incidentDate = defaults.today;
  const moments: Partial<Record<MomentName, string>> = {};
  for (const name of MOMENTS) {
    const v = text(name, () => true);
    if (v === undefined) continue;
    const parsed = parseMomentInput(v, { zone, date: incidentDate });
    if ('error' in parsed) collect(name, parsed.error);
    else {
      moments[name] = parsed.iso;
      out[name] = parsed.iso;
      if (name === 'started') incidentDate = parsed.iso.slice(0, 10);
    }
  }
  const given = MOMENTS.filter((m) => moments[m] !== undefined);
  for (let i = 1; i < given.length; i++) {
    const pair = {
      [given[i - 1] as MomentName]: moments[given[i - 1] as MomentName],
      [given[i] as MomentName]: moments[given[i] as MomentName],
    };
    collect(given[i] as string, validateMomentOrder(pair));
  }
  const impact = data.impact;
  if (impact) {
    out.impact = {};
    if (typeof impact.customers_affected === 'number') out.impact.customers_affected = impact.customers_affected;
    if (typeof impact.data_loss === 'boolean') out.impact.data_loss = impact.data_loss;
    out.impact.description = text('impact.description', validateOptionalLongText);
    if (impact.windows !== undefined && impact.windows !== null) {
      const read = readWindows(impact.windows, { zone, date: incidentDate }, moments);
      read.problems.forEach((p) => collect(p.key, p.message));
      if (read.windows) out.impact.windows = read.windows;
    }
  }
  for (const key of ['summary', 'root_cause', 'detection', 'resolution'] as const)
    out[key] = text(key, key === 'root_cause' ? validateOptionalLongText : validateLongText);
  if (data.timeline) {
    out.timeline = [];
    data.timeline.forEach((_item, i) => {
      const at = text(`timeline.${i}.at`, () => true);
      const event = text(`timeline.${i}.event`, validateText);
      if (at === undefined || event === undefined) return;
      const parsed = parseMomentInput(at, { zone, date: incidentDate });
      if ('error' in parsed) collect(`timeline.${i}.at`, parsed.error);
      else out.timeline?.push({ at: parsed.iso, event });
    });
  }
  if (data.root_causes) {
    out.root_causes = data.root_causes.map((_c, i) => ({
      category: text(`root_causes.${i}.category`, (t) => validateCategory(t, defaults.categories)) as string,
      summary: text(`root_causes.${i}.summary`, validateText) as string,
    }));
  }
  if (data.followups) {
    out.followups = {};
    for (const [category, answers] of Object.entries(data.followups)) {
      collect(`followups.${category}`, validateCategory(category, defaults.categories));
      const kept: Record<string, string | boolean> = {};
      for (const [question, answer] of Object.entries(answers)) {
        if (typeof answer === 'boolean') kept[question] = answer;
        else kept[question] = text(`followups.${category}.${question}`, validateOptionalText) ?? '';
      }
      out.followups[category] = kept;
    }
  }
  out.five_whys = list('five_whys', data.five_whys, validateLongText);
  if (data.action_items) {
    const notBefore = incidentDate === defaults.today && moments.started === undefined ? undefined : incidentDate;
    out.action_items = data.action_items.map((_a, i) => ({
      action: text(`action_items.${i}.action`, validateText) as string,
      type: text(`action_items.${i}.type`, validateActionType) as string,
      owner: text(`action_items.${i}.owner`, validateOwner) as string,
      due: dueDay(text(`action_items.${i}.due`, (s) => validateDueDate(s, notBefore))) as string,
      status: text(`action_items.${i}.status`, validateActionStatus) ?? 'open',
      ticket: text(`action_items.${i}.ticket`, validateTicket) ?? '',
    }));
  }
  const lessons = data.lessons;
  if (lessons) {
    out.lessons = {};
    for (const key of ['went_well', 'went_wrong', 'got_lucky'] as const)
      out.lessons[key] = list(`lessons.${key}`, lessons[key], validateLongText);
    out.lessons = dropUndefined(out.lessons);
  }
  if (data.notice) out.notice = readNotice(data.notice, collect, out.authors ?? []);
  const refused = new Set(shape.map((s) => s.problem.key));
  const all = [...shape.map((s) => s.problem), ...problems.filter((p) => !refused.has(p.key))];
  if (all.length > 0) throw new AnswersFileError(file, all);
  return dropUndefined(out);
}
