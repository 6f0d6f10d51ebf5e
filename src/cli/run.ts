import { withoutColor, withVisibleControls, type Io } from './io.js';
import { LINT_OPTIONS, NO_COLOR_FLAG } from './options.js';
import type { LintOptions } from './commands/lint.js';
import { parsePlainArgs } from './plain-args.js';

/** Runs the CLI with arguments (without node and script) and returns the exit code; never throws. */
export async function run(argv: string[], givenIo: Io): Promise<number> {
  // Decided before parsing so that commander's own errors honour --no-color too.
  const end = argv.indexOf('--');
  const coloured = (end === -1 ? argv : argv.slice(0, end)).includes(NO_COLOR_FLAG) ? withoutColor(givenIo) : givenIo;
  // Text from postmortems is printed by every command; the streams, not each command, keep its escapes off the terminal.
  const io = withVisibleControls(coloured);
  // A plain `lint` run (the CI gate, and a cached re-run meant to take a blink) is parsed from its
  // option table without loading commander; anything else goes through the program.
  const plain = argv[0] === 'lint' ? parsePlainArgs(argv.slice(1), LINT_OPTIONS, [NO_COLOR_FLAG]) : null;
  if (plain) {
    try {
      const { lintCommand } = await import('./commands/lint.js');
      return await lintCommand(plain.operands, plain.options as LintOptions, io);
    } catch (error) {
      // Loaded for an error only: with report.js, two modules a run that ends in a report never needs.
      const { reportError } = await import('./exit.js');
      return reportError(error, io);
    }
  }
  const { runProgram } = await import('./program.js');
  return runProgram(argv, io);
}
