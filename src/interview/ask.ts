/**
 * The one module that talks to @inquirer/prompts. The flow asks through the `Ask` interface, so it
 * runs the same with real prompts, with a scripted answer source in tests, or not at all.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
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
  input(question: InputQuestion): Promise<string>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T extends string>(question: CheckboxQuestion<T>): Promise<T[]>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
}

/** Asks in the terminal with @inquirer/prompts. */
export function terminalAsk(): Ask {
  return {
    input: (q) => input({ message: q.message, default: q.default, validate: q.validate }),
    select: <T extends string>(q: SelectQuestion<T>) =>
      select<T>({
        message: q.message,
        choices: q.choices.map((c) => ({ value: c.value, name: c.name, description: c.description })),
        default: q.default,
        pageSize: 12,
      }),
    checkbox: <T extends string>(q: CheckboxQuestion<T>) =>
      checkbox<T>({
        message: q.message,
        choices: q.choices.map((c) => ({
          value: c.value,
          name: c.name,
          description: c.description,
          checked: c.checked ?? false,
        })),
        validate: q.validate ? (chosen) => q.validate?.(chosen.map((c) => c.value)) ?? true : undefined,
        pageSize: 12,
      }),
    confirm: (q) => confirm({ message: q.message, default: q.default }),
  };
}

/** True when the user ended a prompt with Ctrl-C (inquirer's `ExitPromptError`). */
export function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
