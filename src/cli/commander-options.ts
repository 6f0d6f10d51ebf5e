import { Option, type Command } from 'commander';
import type { OptionSpec } from './options.js';

/** Commander's option for a declaration. */
export function commanderOption(spec: OptionSpec<unknown>): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.repeatable) option.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
  if (spec.mandatory) option.makeOptionMandatory();
  return option;
}

/**
 * Adds a command's options from its table, in the table's order. Each key must be the name
 * commander stores the value under, or the derived type would describe an option that never arrives.
 */
export function withOptions(command: Command, table: Record<string, OptionSpec<unknown>>): Command {
  for (const [key, spec] of Object.entries(table)) {
    const option = commanderOption(spec);
    if (option.attributeName() !== key)
      throw new Error(
        `The option table names ${spec.flags} "${key}"; commander stores it as "${option.attributeName()}".`,
      );
    command.addOption(option);
  }
  return command;
}
