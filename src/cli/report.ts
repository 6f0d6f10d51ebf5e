import { displayPath } from '../model/display-path.js';
import type { Problem } from '../model/types.js';
import type { Io } from './io.js';

export { displayPath };

/** Prints problems as `file:line:col severity message (rule)` on stderr. */
export function printProblems(io: Io, file: string, problems: readonly Problem[]): void {
  const c = io.errorColor;
  for (const p of problems) {
    const label = p.severity === 'error' ? c.red('error') : c.yellow('warning');
    io.stderr.write(
      `${displayPath(file, io.cwd)}:${p.line}:${p.column} ${label} ${p.message} ${c.dim(`(${p.ruleId})`)}\n`,
    );
  }
}
