import { displayPath as shown } from '../../model/display-path.js';
import { ruleDocsUrl } from '../docs.js';
import { pathAtLineStart, visible } from './escape.js';
import type { Formatter, FormatterOptions, LintResult } from '../types.js';

const plain = (s: string) => s;

/** Human-readable output grouped by file, like ESLint's stylish; colour only through the given functions. */
export const stylish: Formatter = (results: readonly LintResult[], options: FormatterOptions) => {
  const c = options.color ?? { red: plain, yellow: plain, dim: plain, underline: plain, bold: plain };
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    out += `\n${c.underline(pathAtLineStart(visible(shown(result.filePath, options.cwd))))}\n`;
    // One message, one line: line breaks inside a message would break the columns, and control
    // characters from the file must never reach the terminal as such.
    const rows = result.messages.map(
      (m) =>
        [
          `${m.line}:${m.column}`,
          m.severity === 2 ? 'error' : 'warning',
          visible(m.message.replace(/\s*[\r\n]+\s*/g, ' ')),
          visible(m.ruleId),
        ] as const,
    );
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    for (const [pos, sev, text, rule] of rows) {
      const label = sev === 'error' ? c.red('error') : c.yellow('warning');
      out += `  ${c.dim(pos.padEnd(posWidth))}  ${label}${sev === 'error' ? '  ' : ''}  ${text}  ${c.dim(rule)}\n`;
    }
  }
  if (errors + warnings === 0) return '';
  const total = errors + warnings;
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out += `\n${errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary))}\n`;
  if (fixable > 0) out += `  ${fixable} of them can be fixed with \`--fix\`.\n`;
  // One link, not one per rule: every rule has a section there named by its id.
  out += c.dim(`  Rule docs: ${ruleDocsUrl('', options.docsUrl)} (a section per rule id)\n`);
  return out;
};
