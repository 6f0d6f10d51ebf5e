import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesHolding } from '../../src/lint/prose.js';
import { findPlaceholders, MAY_HOLD_LOREM, PLACEHOLDER_NEEDLES } from '../../src/model/placeholders.js';

const PIECES = ['TODO', 'todo', 'ToDo', 'TBD', 'TBA', 'FIXME', 'XXX', 'xxx', '???', '??', '{{ x }}', '{{', '}}', '<>'];
const MORE = ['<x>', '<b>', '<a href="y">', '<!-- c -->', '<https://e.org>', 'lorem ipsum', 'Lorem Ipsum', 'lorem'];
const TEXT = ['a', 'é', 'ſ', 'İ', '_', '1', ' ', '.', '-', '\u212a', 'ß', 'ǅ'];
const line = fc.array(fc.constantFrom(...PIECES, ...MORE, ...TEXT), { maxLength: 12 }).map((p) => p.join(''));

describe('findPlaceholders', () => {
  it('finds the same as a full scan: the quick pre-check only skips lines without a placeholder', () => {
    let found = 0;
    fc.assert(
      fc.property(line, (text) => {
        // A final line with a lone `<` passes the pre-check and adds no match of its own (no pattern
        // crosses a line break), so it forces the full scan of `text`.
        const full = findPlaceholders(`${text}\n<`);
        if (full.length > 0) found++;
        expect(findPlaceholders(text)).toEqual(full);
      }),
      { numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(300);
  });

  it('finds markers, templates and non-HTML angle brackets, and skips lower-case words and markup', () => {
    expect(findPlaceholders('Owner: TODO, see {{ name }} and <team>').map((p) => p.text)).toEqual([
      'TODO',
      '{{ name }}',
      '<team>',
    ]);
    expect(findPlaceholders('todo <b>bold</b> <https://example.org> ok')).toEqual([]);
    expect(findPlaceholders('Lorem ipsum dolor')).toEqual([{ text: 'Lorem ipsum', index: 0 }]);
  });

  it('finds "lorem ipsum" with a long s, as the full pattern (case-insensitive Unicode) does', () => {
    // The quick pre-check has no `u` flag, under which `i` does not take ſ (U+017F) for s.
    expect(findPlaceholders('see lorem ipſum')).toEqual([{ text: 'lorem ipſum', index: 4 }]);
  });

  it('has its lines found by the first look over a whole file (needles and the lorem pattern)', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const first = linesHolding(lines.join('\n'), PLACEHOLDER_NEEDLES, MAY_HOLD_LOREM);
        lines.forEach((text, i) => {
          if (findPlaceholders(text).length === 0) return;
          found++;
          expect(first.has(i + 1)).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
    expect(found).toBeGreaterThan(500);
  });
});
