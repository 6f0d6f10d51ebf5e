/** An error the CLI reports without a stack trace, with the exit code it stands for. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong command-line use: unknown option, missing argument, bad value. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** A configuration or runtime failure outside the input's content (missing file, bad config). Exit 2. */
export class RuntimeError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The input itself is wrong; the message names `file:line:col`. Exit 1. */
export class InputError extends CliError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** The user interrupted (Ctrl-C). Exit 130. */
export class InterruptedError extends CliError {
  constructor(message = 'Interrupted.') {
    super(message, 130);
  }
}
