import { relative, sep } from 'node:path';
import type { Formatter } from '../types.js';
import { visible } from './escape.js';

/** Escapes text for XML content and attribute values; control characters become visible escapes, and characters XML 1.0 cannot hold are dropped. */
function escapeXml(text: string): string {
  return visible(text)
    .replace(/[\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** JUnit XML: one test suite per file, one failing test case per message (a passing one for a clean file). */
export const junit: Formatter = (results, options) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="postmortem lint">\n';
  for (const result of results) {
    const file = relative(options.cwd, result.filePath).split(sep).join('/');
    const failures = result.messages.length;
    out += `  <testsuite name="${escapeXml(file)}" tests="${Math.max(failures, 1)}" failures="${failures}" errors="0">\n`;
    if (failures === 0) out += `    <testcase name="${escapeXml(file)}" classname="postmortem.lint" />\n`;
    for (const m of result.messages) {
      const type = m.severity === 2 ? 'error' : 'warning';
      out += `    <testcase name="${escapeXml(`${file}:${m.line}:${m.column} ${m.ruleId}`)}" classname="postmortem.lint.${escapeXml(m.ruleId)}">\n`;
      out +=
        `      <failure message="${escapeXml(m.message)}" type="${type}">` +
        `${escapeXml(`${type}: ${m.message} (${m.ruleId}) at ${file}:${m.line}:${m.column}`)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};
