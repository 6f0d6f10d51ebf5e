/**
 * Reads an answers file's parsed data (`--answers FILE`, YAML or JSON) into the interview's
 * answers, checking every value with the prompts' own validators.
 */
import { MOMENTS, isRecord } from '../model/index.js';
import { ANSWER_KEYS, AnswersFileError, dropUndefined, valueAt, type AnswerProblem, type Answers } from './answers.js';
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
  if (!isRecord(raw))
    throw new AnswersFileError(file, [
      { key: '(file)', message: 'Expected a mapping of answers, found something else.' },
    ]);
  const problems: AnswerProblem[] = [];
  const collect: Collect = (key, result) => {
    if (result !== true) problems.push({ key, message: result });
  };
  const out: Answers = {};
  for (const key of Object.keys(raw)) {
    if (!(ANSWER_KEYS as readonly string[]).includes(key))
      collect(key, `Expected one of the answer keys (${ANSWER_KEYS.join(', ')}), found an unknown key.`);
  }
  const text = (key: string, validate: (s: string) => true | string): string | undefined => {
    const v = valueAt(raw, key);
    if (v === undefined || v === null) return undefined;
    const s = asText(v);
    if (s === null) {
      collect(key, 'Expected text, found a list or mapping.');
      return undefined;
    }
    collect(key, validate(s));
    return s.trim();
  };
  out.id = text('id', validateId);
  out.title = text('title', validateTitle);
  out.status = text('status', validateStatus);
  out.severity = text('severity', validateSeverity);
  out.timezone = text('timezone', validateZone);
  for (const key of ['authors', 'services', 'tags'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    const list = textList(v);
    if (!list || (key !== 'tags' && list.length === 0))
      collect(key, 'Expected a list with at least one entry, found none.');
    else {
      list.forEach((entry, i) => collect(`${key}.${i}`, validateText(entry)));
      out[key] = list.map((s) => s.trim());
    }
  }
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
  const impact = raw.impact;
  if (impact !== undefined && impact !== null) {
    if (!isRecord(impact))
      collect('impact', 'Expected a mapping with customers_affected, data_loss and description, found something else.');
    else {
      out.impact = {};
      const c = impact.customers_affected;
      if (c !== undefined && c !== null) {
        if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 0)
          collect('impact.customers_affected', `Expected a whole number >= 0, found ${JSON.stringify(c)}.`);
        else out.impact.customers_affected = c;
      }
      const loss = impact.data_loss;
      if (loss !== undefined && loss !== null) {
        if (typeof loss !== 'boolean')
          collect('impact.data_loss', `Expected true or false, found ${JSON.stringify(loss)}.`);
        else out.impact.data_loss = loss;
      }
      out.impact.description = text('impact.description', validateOptionalLongText);
      if (impact.windows !== undefined && impact.windows !== null) {
        const read = readWindows(impact.windows, { zone, date: incidentDate }, moments);
        read.problems.forEach((p) => collect(p.key, p.message));
        if (read.windows) out.impact.windows = read.windows;
      }
    }
  }
  for (const key of ['summary', 'root_cause', 'detection', 'resolution'] as const)
    out[key] = text(key, key === 'root_cause' ? validateOptionalLongText : validateLongText);
  if (raw.timeline !== undefined && raw.timeline !== null) {
    if (!Array.isArray(raw.timeline)) collect('timeline', 'Expected a list of {at, event}, found something else.');
    else {
      out.timeline = [];
      raw.timeline.forEach((item, i) => {
        const at = text(`timeline.${i}.at`, () => true);
        const event = text(`timeline.${i}.event`, validateText);
        if (at === undefined || event === undefined)
          return collect(`timeline.${i}`, 'Expected an item with `at` and `event`, found a part missing.');
        const parsed = parseMomentInput(at, { zone, date: incidentDate });
        if ('error' in parsed) collect(`timeline.${i}.at`, parsed.error);
        else out.timeline?.push({ at: parsed.iso, event });
      });
    }
  }
  if (raw.root_causes !== undefined && raw.root_causes !== null) {
    if (!Array.isArray(raw.root_causes) || raw.root_causes.length === 0)
      collect('root_causes', 'Expected a list of {category, summary} with at least one entry, found none.');
    else {
      out.root_causes = raw.root_causes.map((_c, i) => ({
        category: text(`root_causes.${i}.category`, (t) => validateCategory(t, defaults.categories)) ?? '',
        summary: text(`root_causes.${i}.summary`, validateText) ?? '',
      }));
      out.root_causes.forEach((c, i) => {
        if (c.category === '' || c.summary === '')
          collect(`root_causes.${i}`, 'Expected both `category` and `summary`, found a part missing.');
      });
    }
  }
  if (raw.followups !== undefined && raw.followups !== null) {
    if (!isRecord(raw.followups))
      collect('followups', 'Expected a mapping of category to answers, found something else.');
    else {
      out.followups = {};
      for (const [category, answers] of Object.entries(raw.followups)) {
        collect(`followups.${category}`, validateCategory(category, defaults.categories));
        if (!isRecord(answers)) {
          collect(`followups.${category}`, 'Expected a mapping of question to answer, found something else.');
          continue;
        }
        const kept: Record<string, string | boolean> = {};
        for (const [question, answer] of Object.entries(answers)) {
          if (typeof answer === 'boolean') kept[question] = answer;
          else kept[question] = text(`followups.${category}.${question}`, validateOptionalText) ?? '';
        }
        out.followups[category] = kept;
      }
    }
  }
  if (raw.five_whys !== undefined && raw.five_whys !== null) {
    const list = textList(raw.five_whys);
    if (!list) collect('five_whys', 'Expected a list of answers, found something else.');
    else {
      list.forEach((w, i) => collect(`five_whys.${i}`, validateLongText(w)));
      out.five_whys = list.map((w) => w.trim());
    }
  }
  if (raw.action_items !== undefined && raw.action_items !== null) {
    if (!Array.isArray(raw.action_items))
      collect('action_items', 'Expected a list of {action, type, owner, due, status, ticket}, found something else.');
    else {
      const notBefore = incidentDate === defaults.today && moments.started === undefined ? undefined : incidentDate;
      out.action_items = raw.action_items.map((_a, i) => ({
        action: text(`action_items.${i}.action`, validateText) ?? missing(collect, `action_items.${i}.action`),
        type: text(`action_items.${i}.type`, validateActionType) ?? missing(collect, `action_items.${i}.type`),
        owner: text(`action_items.${i}.owner`, validateOwner) ?? missing(collect, `action_items.${i}.owner`),
        due:
          dueDay(text(`action_items.${i}.due`, (s) => validateDueDate(s, notBefore))) ??
          missing(collect, `action_items.${i}.due`),
        status: text(`action_items.${i}.status`, validateActionStatus) ?? 'open',
        ticket: text(`action_items.${i}.ticket`, validateTicket) ?? '',
      }));
    }
  }
  if (raw.lessons !== undefined && raw.lessons !== null) {
    if (!isRecord(raw.lessons))
      collect('lessons', 'Expected a mapping with went_well, went_wrong and got_lucky, found something else.');
    else {
      out.lessons = {};
      for (const key of ['went_well', 'went_wrong', 'got_lucky'] as const) {
        const v = raw.lessons[key];
        if (v === undefined || v === null) continue;
        const list = textList(v);
        if (!list || list.length === 0) collect(`lessons.${key}`, 'Expected text or a list of text, found none.');
        else {
          list.forEach((entry, i) => collect(`lessons.${key}.${i}`, validateLongText(entry)));
          out.lessons[key] = list.map((s) => s.trim());
        }
      }
    }
  }
  if (raw.notice !== undefined && raw.notice !== null) out.notice = readNotice(raw.notice, collect, out.authors ?? []);
  if (problems.length > 0) throw new AnswersFileError(file, problems);
  return dropUndefined(out);
}

function missing(collect: Collect, key: string): string {
  collect(key, 'Expected a value, found none.');
  return '';
}
