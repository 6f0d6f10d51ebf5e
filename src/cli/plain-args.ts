import type { OptionSpec } from './options.js';

/** Operands and options as commander hands them to a command's action. */
export interface PlainArgs {
  operands: string[];
  options: Record<string, unknown>;
}

/**
 * Parses a command's arguments from its option table as commander would, when they are plain:
 * operands, and flags of the table written whole (`--cache`, `--format json`, `-o out.txt`), each
 * value one of its choices and not starting with `-`. Anything else gives null and goes to
 * commander, which answers it as it always has: help, `--flag=value`, `-qf`, `--`, an unknown or
 * misspelt flag (with a suggestion), a missing value, a value that is not one of the choices.
 * `ignored` are the program's own flags, read before parsing (`--no-color`).
 *
 * Why a second reading of the table at all: loading commander and building the whole program cost
 * a sixth of a cached `lint` re-run (issue 22). test/cli/plain-args.test.ts holds that what this
 * parses, commander parses the same.
 */
export function parsePlainArgs(
  tokens: readonly string[],
  table: Record<string, OptionSpec<unknown>>,
  ignored: readonly string[] = [],
): PlainArgs | null {
  const byFlag = new Map<string, { key: string; spec: OptionSpec<unknown>; takesValue: boolean }>();
  for (const [key, spec] of Object.entries(table)) {
    // An optional value (`--resume [draft-id]`) depends on what follows: commander's to decide.
    if (spec.flags.includes('[')) continue;
    const takesValue = spec.flags.includes('<');
    for (const flag of spec.flags.split(/[\s,]+/))
      if (flag.startsWith('-')) byFlag.set(flag, { key, spec, takesValue });
  }
  const options: Record<string, unknown> = {};
  const operands: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (!token.startsWith('-')) {
      operands.push(token);
      continue;
    }
    if (ignored.includes(token)) continue;
    const found = byFlag.get(token);
    if (!found) return null;
    const { key, spec, takesValue } = found;
    if (!takesValue) {
      options[key] = !isNegated(spec);
      continue;
    }
    const value = tokens[++i];
    if (value === undefined || value.startsWith('-') || (spec.choices && !spec.choices.includes(value))) return null;
    options[key] = spec.repeatable ? [...((options[key] as string[] | undefined) ?? []), value] : value;
  }
  for (const [key, spec] of Object.entries(table)) {
    if (key in options) continue;
    if (spec.mandatory) return null;
    if (spec.defaultValue !== undefined) options[key] = spec.defaultValue;
    else if (isNegated(spec)) options[key] = true;
  }
  return { operands, options };
}

/** A `--no-…` switch: true unless given. */
function isNegated(spec: OptionSpec<unknown>): boolean {
  return /(?:^|[\s,])--no-/.test(spec.flags);
}
