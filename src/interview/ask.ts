/**
 * The one module that talks to @inquirer/prompts. The flow asks through the `Ask` interface, so it
 * runs the same with real prompts, with a scripted answer source in tests, or not at all.
 */
import { checkbox, confirm, editor, select } from '@inquirer/prompts';
import { styleText } from 'node:util';
import { textPrompt } from './text-prompt.js';
import type { Validation } from './validators.js';

/** A choice of a select or checkbox question. */
export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
  checked?: boolean;
}

/** A free-text question. */
export interface InputQuestion {
  message: string;
  default?: string;
  validate?: (value: string) => Validation;
  /** A comma-separated list: pasted lines become its items (else they are joined with spaces). */
  list?: boolean;
  /**
   * The next item of a list: Enter on an empty line ends the list (answers ''), even when an earlier
   * answer is offered; Tab puts that answer on the line.
   */
  emptyEnds?: boolean;
}

/** A question with one answer out of a list. */
export interface SelectQuestion<T extends string> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

/** A question with any number of answers out of a list. */
export interface CheckboxQuestion<T extends string> {
  message: string;
  choices: readonly Choice<T>[];
  validate?: (values: readonly T[]) => Validation;
}

/** A yes/no question. */
export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

/** Something that answers questions: the terminal, or a script in tests. */
export interface Ask {
  /** True when the answers are recorded ones being replayed, not a person answering. */
  readonly replaying?: boolean;
  /** One line of text. */
  input(question: InputQuestion): Promise<string>;
  /** Text of any number of lines: paragraphs, lists; pasted text keeps its lines. */
  text(question: InputQuestion): Promise<string>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T extends string>(question: CheckboxQuestion<T>): Promise<T[]>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

/** Where the terminal prompts read and write. */
export interface TerminalStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Shown under a multi-line prompt. */
const TEXT_HINT =
  'Enter answers · end a line with \\ to add another · pasted lines are kept · Ctrl-E or "e" opens $EDITOR';

/** Shown under a one-line prompt. */
const LINE_HINT = 'Enter answers · pasted lines are joined into one';

/** Shown after a question with a default. */
const DEFAULT_HINT = '(Tab edits the default)';

/** Shown after a list's next item that offers an earlier answer. */
const EARLIER_HINT = '(Tab brings back the earlier answer; Enter on an empty line ends the list)';

// Turning bracketed paste on lets the terminal mark pasted text, so its line breaks do not answer.
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

/** Asks in the terminal with @inquirer/prompts. */
export function terminalAsk(streams?: TerminalStreams): Ask {
  const context = streams ? { input: streams.input, output: streams.output } : {};
  const withHint = (q: InputQuestion) =>
    q.default ? `${q.message} ${q.emptyEnds ? EARLIER_HINT : DEFAULT_HINT}` : q.message;
  // The Tab hint helps while answering; the answered line drops it.
  const theme = {
    style: {
      message: (text: string, status: string) =>
        styleText(
          'bold',
          status === 'done' ? text.replace(` ${DEFAULT_HINT}`, '').replace(` ${EARLIER_HINT}`, '') : text,
        ),
    },
  };
  // Bracketed paste is on while a prompt reads: pasted line breaks then do not answer.
  const prompt = async (config: Parameters<typeof textPrompt>[0]) => {
    streams?.output.write(PASTE_ON);
    try {
      return await textPrompt(config, context);
    } finally {
      streams?.output.write(PASTE_OFF);
    }
  };
  return {
    input: async (q) => {
      const oneLine = q.list ? 'list' : 'text';
      const config = { message: withHint(q), default: q.default, validate: q.validate, hint: LINE_HINT, theme };
      return (await prompt({ ...config, oneLine })).text;
    },
    text: async (q) => {
      const result = await prompt({
        message: withHint(q),
        default: q.default,
        validate: q.validate,
        hint: TEXT_HINT,
        theme,
        ...(q.emptyEnds ? { emptyEnds: true } : {}),
      });
      if (!result.edit) return result.text;
      const edited = await editor(
        { message: q.message, default: result.text, postfix: '.md', waitForUserInput: false, validate: q.validate },
        context,
      );
      return edited.replace(/\s+$/, '');
    },
    select: <T extends string>(q: SelectQuestion<T>) =>
      select<T>(
        {
          message: q.message,
          choices: q.choices.map((c) => ({ value: c.value, name: c.name, description: c.description })),
          default: q.default,
          pageSize: 12,
        },
        context,
      ),
    checkbox: <T extends string>(q: CheckboxQuestion<T>) =>
      checkbox<T>(
        {
          message: q.message,
          choices: q.choices.map((c) => ({
            value: c.value,
            name: c.name,
            description: c.description,
            checked: c.checked ?? false,
          })),
          validate: q.validate ? (chosen) => q.validate?.(chosen.map((c) => c.value)) ?? true : undefined,
          pageSize: 12,
        },
        context,
      ),
    confirm: (q) => confirm({ message: q.message, default: q.default }, context),
  };
}

/** True when the user ended a prompt with Ctrl-C (inquirer's `ExitPromptError`). */
export function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
