// Kept out of report.ts, which every run loads: shellQuote's module loads the postmortem parser.
import { shellQuote } from '../stats/formats/actions.js';

/**
 * The `postmortem lint` command that lists a file's problems as the command that refused it saw
 * them (same file, same config), for messages that send the user there; words quoted for sh when needed.
 */
export function lintCommandFor(file: string, config?: string): string {
  const word = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : shellQuote(text));
  return ['postmortem lint', word(file), ...(config ? ['--config', word(config)] : [])].join(' ');
}
