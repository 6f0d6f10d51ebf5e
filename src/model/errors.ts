import type { Problem } from './types.js';

/**
 * What kind of failure an error is; `run()` in src/cli/program.ts turns it into the exit code once:
 * `usage` (wrong flags or arguments) 2, `input` (the input's content is wrong) 1, `runtime`
 * (configuration, files, the machine) 2, `interrupted` (Ctrl-C) 130.
 */
export type ErrorKind = 'usage' | 'input' | 'runtime' | 'interrupted';

/**
 * An expected failure, not a bug: the CLI prints its message without a stack trace and exits by
 * its kind. Core modules throw these (or subclasses) so that commands need no `instanceof` ladders.
 * A leaf module of the model, so every area may import it without breaking the arrows.
 */
export class PostmortemError extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Wrong command-line use: unknown option, missing argument, bad value. Exit 2. */
export class UsageError extends PostmortemError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'usage', options);
  }
}

/** The input itself is wrong; the message names `file:line:col`. Exit 1. */
export class InputError extends PostmortemError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'input', options);
  }
}

/** A configuration or runtime failure outside the input's content (missing file, bad config). Exit 2. */
export class RuntimeError extends PostmortemError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'runtime', options);
  }
}

/** The user interrupted (Ctrl-C). Exit 130. */
export class InterruptedError extends PostmortemError {
  constructor(message = 'Interrupted.', options?: ErrorOptions) {
    super(message, 'interrupted', options);
  }
}

/**
 * The input has problems at known positions: the CLI prints each as `file:line:col severity message
 * (rule)`, as lint and render do, and exits 1.
 */
export class ProblemsError extends InputError {
  constructor(
    readonly path: string,
    readonly problems: readonly Problem[],
    options?: ErrorOptions,
  ) {
    super(`${path}: ${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`, options);
  }
}
