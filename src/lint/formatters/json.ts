import type { Formatter } from '../types.js';

/**
 * The fields ESLint's JSON has, in its order: JSON.stringify writes only these keys of every object,
 * in this order, so a result and its messages are written as they are (`fixable` and anything else
 * left out) without a copy of each: the copies were 20,000 objects for a run of 10,000 files.
 */
const FIELDS = [
  'filePath',
  'messages',
  'ruleId',
  'severity',
  'message',
  'line',
  'column',
  'endLine',
  'endColumn',
  'errorCount',
  'warningCount',
  'fixableErrorCount',
  'fixableWarningCount',
];

/** ESLint-compatible JSON: the tools that read ESLint's `--format json` read this. */
export const json: Formatter = (results) => JSON.stringify(results, FIELDS) + '\n';
