import type { Ask } from '../../src/interview/index.js';
import type { InputQuestion } from '../../src/interview/ask.js';

/** One scripted answer: which kind of prompt is expected, text its message must contain, the answer. */
export type Scripted =
  | { input: string; expect?: string }
  | { select: string; expect?: string }
  /** Picks the first choice whose name contains the text. */
  | { choose: string; expect?: string }
  | { checkbox: string[]; expect?: string }
  | { confirm: boolean; expect?: string };

/** Stands in for the user: what inquirer's ExitPromptError looks like when the script runs out. */
export class ScriptExhausted extends Error {
  constructor() {
    super('script exhausted');
    this.name = 'ExitPromptError';
  }
}

/**
 * An answer source that replays a script like a user would type it: an empty input takes the
 * default, and an answer the question's validator rejects fails the test.
 */
export function scriptedAsk(script: Scripted[]): Ask & { asked: string[]; defaults: Array<string | undefined> } {
  const queue = [...script];
  const asked: string[] = [];
  const defaults: Array<string | undefined> = [];
  function next(kind: string, message: string) {
    asked.push(message);
    const item = queue.shift();
    if (!item) throw new ScriptExhausted();
    if (!(kind in item) && !(kind === 'select' && 'choose' in item))
      throw new Error(`expected a ${Object.keys(item)[0]} prompt, got ${kind}: "${message}"`);
    if (item.expect && !message.includes(item.expect))
      throw new Error(`expected a prompt containing "${item.expect}", got "${message}"`);
    return item as Record<string, unknown>;
  }
  async function typed(q: InputQuestion): Promise<string> {
    defaults.push(q.default);
    const text = next('input', q.message).input as string;
    const value = text === '' ? (q.emptyEnds ? '' : (q.default ?? '')) : text;
    const valid = q.validate ? q.validate(value) : true;
    if (valid !== true) throw new Error(`answer "${value}" to "${q.message}" rejected: ${valid}`);
    return value;
  }
  return {
    asked,
    defaults,
    input: (q) => typed(q),
    // A multi-line answer is scripted like a one-line one: `input`, with `\n` between lines.
    text: (q) => typed(q),
    async select(q) {
      const item = next('select', q.message);
      const value =
        'choose' in item
          ? (q.choices.find((c) => c.name.includes(item.choose as string))?.value ??
            `no choice "${String(item.choose)}"`)
          : (item.select as string);
      if (!q.choices.some((c) => c.value === value)) throw new Error(`"${value}" is not a choice of "${q.message}"`);
      return value as never;
    },
    async checkbox(q) {
      const values = next('checkbox', q.message).checkbox as string[];
      const valid = q.validate ? q.validate(values as never) : true;
      if (valid !== true) throw new Error(`checkbox answer rejected: ${valid}`);
      return values as never;
    },
    async confirm(q) {
      return next('confirm', q.message).confirm as boolean;
    },
  };
}
