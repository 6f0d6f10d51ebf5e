import { visibleChar } from '../lint/formatters/escape.js';
import type { WriteOptions } from '../model/write.js';

/** A stream the CLI writes to. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /**
   * The stream under one that shows control characters: only for the terminal controls the CLI
   * writes itself (prompts, the progress line), never for text from files.
   */
  terminal?: OutputStream;
}

/** Everything a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colours for stdout. */
  color: Colours;
  /** Colours for stderr. */
  errorColor: Colours;
}

/** Puts text in a colour or style. */
export type Paint = (text: string) => string;

/** The colours and styles the CLI uses: a chalk instance is one, and NO_COLOURS is one without chalk. */
export interface Colours {
  /** 0 for no colour: the streams then show every SGR sequence too (see terminalText). */
  level: number;
  red: Paint;
  yellow: Paint;
  green: Paint;
  dim: Paint;
  underline: Paint;
  bold: Paint;
}

const plain: Paint = (text) => text;

/** Colours when colour is off: the text as it is (what chalk gives at level 0), without loading chalk. */
export const NO_COLOURS: Colours = {
  level: 0,
  red: plain,
  yellow: plain,
  green: plain,
  dim: plain,
  underline: plain,
  bold: plain,
};

/** Whether a stream should get colour: a TTY, `NO_COLOR` unset, not a dumb terminal; `FORCE_COLOR` wins. */
export function wantsColor(stream: OutputStream, env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * Builds the Io of this process. Chalk is loaded only when a stream gets colour: output that is
 * piped or redirected (CI, a cached re-run into a file) never loads it: 8 modules fewer (chalk's 4,
 * node:os, node:tty), 5-15 ms less CPU time for a cached re-run of 10,000 files.
 */
export async function processIo(): Promise<Io> {
  const env = process.env;
  const out = wantsColor(process.stdout, env);
  const err = wantsColor(process.stderr, env);
  const chalk = out || err ? (await import('chalk')).Chalk : null;
  const colours = (on: boolean): Colours => (on && chalk ? new chalk({ level: 1 }) : NO_COLOURS);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env,
    color: colours(out),
    errorColor: colours(err),
  };
}

/** Turns colour off on an Io (for `--no-color`). */
export function withoutColor(io: Io): Io {
  return { ...io, color: NO_COLOURS, errorColor: NO_COLOURS };
}

// What a terminal acts on: C0 controls but tab and LF, a CR that is not part of a CRLF (it would
// overwrite the line), DEL and C1 (U+009B is a CSI to terminals that read 8-bit controls). An SGR
// sequence is matched whole, so that the colours chalk writes can pass where colour is on.
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /\u001b\[(\d{1,3})m|\r(?!\n)|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// Every character TERMINAL_CONTROL can start with (ESC and CR are among them).
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

// The SGR codes of the styles the CLI uses (bold, dim, underline, red, green, yellow) and their
// resets: a file's own SGR can then only restyle text in that palette, never hide it (8, black on
// black, a background). A new style needs its codes here; a test checks each style passes.
const COLOUR_CODE = /^(?:1|2|4|22|24|3[123]|39)$/;

/**
 * Text as it may reach a terminal: every control character becomes a visible `\u001b`-style escape
 * (inside a JSON string, where JSON.stringify leaves DEL and C1 raw, that is the same character);
 * with `colour`, chalk's SGR colour sequences are kept. Line breaks, CRLF and tabs are kept.
 */
export function terminalText(text: string, colour = false): string {
  // Most output has no control character at all: one scan for any, before the replacing one (which
  // took 10-15 ms on a 1.7 MB JSON report).
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(TERMINAL_CONTROL, (match: string, sgr: string | undefined) =>
    colour && sgr !== undefined && COLOUR_CODE.test(sgr)
      ? match
      : `${visibleChar(match[0] as string)}${match.slice(1)}`,
  );
}

/**
 * A stream that shows the control characters written to it instead of passing them on. Everything
 * run() prints goes through one, so no command can forget it; output that is piped or redirected
 * is filtered too, since `less -R` or `cat` shows it on a terminal later.
 */
export function showingControls(stream: OutputStream, colour: boolean): OutputStream {
  return {
    write: (text: string) => stream.write(terminalText(text, colour)),
    get isTTY() {
      return stream.isTTY;
    },
    terminal: stream.terminal ?? stream,
  };
}

/** The Io whose stdout and stderr show control characters (colour passes where the Io has it). */
export function withVisibleControls(io: Io): Io {
  return {
    ...io,
    stdout: showingControls(io.stdout, io.color.level > 0),
    stderr: showingControls(io.stderr, io.errorColor.level > 0),
  };
}

/** Writes a command's `--out` file as it would print it: a report or page in a file is read on a terminal too. */
export async function writeOutputFile(path: string, text: string, options: WriteOptions): Promise<void> {
  // Loaded when a command writes a file: the writer brings the YAML library, which most runs do not need.
  const { writeFileAtomic } = await import('../model/write.js');
  await writeFileAtomic(path, terminalText(text), options);
}
