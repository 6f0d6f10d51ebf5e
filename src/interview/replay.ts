/**
 * Replays a recorded answer through the question that recorded it, so that a draft's answers pass
 * the same checks as typed ones: a hand-edited draft with an id of `../../x` is refused, not used.
 */
import { RecordedAnswerError } from './flow-context.js';
import type { Ask, Choice, InputQuestion } from './ask.js';

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** An `Ask` that answers one question with `value`, after checking it as the question would. */
export function replayAsk(key: string, value: unknown): Ask {
  const fail = (reason: string): never => {
    throw new RecordedAnswerError(key, reason);
  };
  const text = (q: InputQuestion): Promise<string> => {
    if (typeof value !== 'string') return fail(`Expected text, found ${shown(value)}.`);
    const check = q.validate ? q.validate(value) : true;
    if (check !== true) fail(check);
    return Promise.resolve(value);
  };
  const oneOf = <T extends string>(choices: readonly Choice<T>[], v: unknown): T => {
    const hit = choices.find((c) => c.value === v);
    if (!hit) fail(`Expected one of ${choices.map((c) => c.value).join(', ')}, found ${shown(v)}.`);
    return v as T;
  };
  return {
    replaying: true,
    input: text,
    text,
    select: (q) => Promise.resolve(oneOf(q.choices, value)),
    checkbox: (q) => {
      if (!Array.isArray(value)) return fail(`Expected a list of choices, found ${shown(value)}.`);
      const picked = value.map((v) => oneOf(q.choices, v));
      const check = q.validate ? q.validate(picked) : true;
      if (check !== true) fail(check);
      return Promise.resolve(picked);
    },
    confirm: () =>
      typeof value === 'boolean' ? Promise.resolve(value) : fail(`Expected yes or no, found ${shown(value)}.`),
  };
}
