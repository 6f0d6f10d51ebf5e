import { relative, sep } from 'node:path';
import type { Formatter } from '../types.js';
import { visible } from './escape.js';

/** Escapes a workflow-command message (`%`, CR, LF) as @actions/core does, and other control characters visibly. */
function escapeData(text: string): string {
  return visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a workflow-command property value (also `:` and `,`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, one per message. */
export const github: Formatter = (results, options) => {
  let out = '';
  for (const result of results) {
    const file = relative(options.workspace ?? options.cwd, result.filePath)
      .split(sep)
      .join('/');
    for (const m of result.messages) {
      const props = [`file=${escapeProperty(file)}`, `line=${m.line}`, `col=${m.column}`];
      if (m.endLine !== undefined) props.push(`endLine=${m.endLine}`);
      if (m.endColumn !== undefined) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escapeProperty(`postmortem ${m.ruleId}`)}`);
      out += `::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(`${m.message} (${m.ruleId})`)}\n`;
    }
  }
  return out;
};
