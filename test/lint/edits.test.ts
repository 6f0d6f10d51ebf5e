import { describe, expect, it } from 'vitest';
import { applyEdits, sourceText } from '../../src/lint/edits.js';

describe('sourceText', () => {
  const text = 'ab\r\ncd\nef';
  const source = sourceText(text);

  it.each([
    [1, 1, 0],
    [1, 2, 1],
    [2, 1, 4],
    [3, 2, 8],
  ])('line %i column %i is offset %i', (line, column, offset) => {
    expect(source.offset(line, column)).toBe(offset);
  });

  it.each([
    [1, 2],
    [2, 6],
    [3, 9],
  ])('line %i ends before its line end, at %i', (line, end) => {
    expect(source.lineEnd(line)).toBe(end);
  });
});

describe('applyEdits', () => {
  it('applies edits by position, skips the ones that overlap an earlier one and returns null for none', () => {
    expect(
      applyEdits('abcdef', [
        { from: 4, to: 5, text: 'E' },
        { from: 0, to: 1, text: 'A' },
      ]),
    ).toBe('AbcdEf');
    expect(
      applyEdits('abcdef', [
        { from: 0, to: 3, text: 'X' },
        { from: 2, to: 4, text: 'Y' },
      ]),
    ).toBe('Xdef');
    expect(applyEdits('abc', [{ from: 1, to: 2, text: 'b' }])).toBeNull();
    expect(applyEdits('abc', [])).toBeNull();
  });
});
