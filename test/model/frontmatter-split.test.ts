import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/model/frontmatter.js';

/** Where the front matter ends and the body starts, worked out by splitting the whole file into lines. */
function reference(source: string) {
  const lines = source.split('\n');
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test((lines[i] as string).replace(/\r$/, ''))) {
      close = i;
      break;
    }
  }
  if (close === -1) return { body: '', bodyStartLine: lines.length + 1, block: null };
  const raw = lines
    .slice(1, close)
    .map((l) => l.replace(/\r$/, ''))
    .join('\n');
  return {
    body: lines.slice(close + 1).join('\n'),
    bodyStartLine: close + 2,
    block: { raw, contentStartLine: 2, endLine: close + 1 },
  };
}

const line = fc.constantFrom('---', '--- ', '...', '---\r', 'a: 1', 'a: 1\r', 'b: "x"', '', '\r', '# t', 'text', '- x');

describe('readFrontMatter', () => {
  it('splits front matter and body where a whole-file split puts them', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.boolean(), (lines, crlf) => {
        const source = ['---', ...lines].join(crlf ? '\r\n' : '\n');
        const mine = readFrontMatter(source);
        const expected = reference(source);
        expect({ body: mine.body, bodyStartLine: mine.bodyStartLine, block: mine.block }).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
