import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/engine.js';
import { FIXTURES, onlyRule } from './fixtures.js';

const base = readFileSync(join(FIXTURES, '../complete-postmortem.md'), 'utf8');

/** The rule's messages for the fixture with a double-quoted title holding `escape`. */
function messages(escape: string): string[] {
  const text = base.replace(/^title: .*$/m, `title: "API down${escape} after a change"`);
  const run = lintText(text, '/x/2020-01-01-api-outage.md', onlyRule('no-control-characters'));
  return run.result.messages.map((m) => m.message);
}

// no-control-characters walks the front matter's values only when the raw YAML holds an escape that
// can write a control character: every such escape must still be found.
describe('no-control-characters finds every YAML escape of a control character', () => {
  it.each([
    ['\\0', 'U+0000'],
    ['\\a', 'U+0007'],
    ['\\b', 'U+0008'],
    ['\\e', 'U+001B'],
    ['\\f', 'U+000C'],
    ['\\r', 'U+000D'],
    ['\\v', 'U+000B'],
    ['\\N', 'U+0085'],
    ['\\x9b', 'U+009B'],
    ['\\u0007', 'U+0007'],
    ['\\U0000001b', 'U+001B'],
  ])('%s', (escape, code) => {
    expect(messages(escape)).toEqual([
      `Expected \`title\` without control characters, found ${code} written as an escape.`,
    ]);
  });

  it.each(['\\t', '\\"', '\\\\', '\\/', '\\_', '\\n'])('%s writes none', (escape) => {
    expect(messages(escape)).toEqual([]);
  });
});
