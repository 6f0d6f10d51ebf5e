import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/engine.js';
import { withoutTailEnd } from '../../src/lint/rules/blameless-language.js';
import { onlyRule } from './fixtures.js';

// The "without" tail of blameless-language was one pattern with a lazy span of up to 100
// characters before the phrase, tried at every character after each verb. withoutTailEnd finds the
// phrase where "without" or "ohne" stands instead; the old pattern is the reference here.
const OLD_TAIL = new RegExp(
  '\\s+(?:hat\\s+)?\\p{Ll}+' +
    '[^.;!?]{0,100}?(?<![\\p{L}])(?:' +
    'without\\s+(?:telling|asking|informing|notifying|checking|testing|reviewing|review|approval|a review|announcing|warning|consulting|waiting)|' +
    'ohne\\s+(?:zu\\s+)?(?:\\p{L}+\\s+)?(?:informieren|fragen|prüfen|testen|Bescheid|Rücksprache|Freigabe|Review))',
  'uy',
);

function oldEnd(text: string, at: number): number {
  OLD_TAIL.lastIndex = at;
  const m = OLD_TAIL.exec(text);
  return m ? at + m[0].length : -1;
}

/** Pieces of text around the tail's edges: verbs, "hat", the phrases and their near misses, clause ends, astral letters. */
const PIECES = [
  ' ',
  '  ',
  '\t',
  '\u00a0',
  'hat',
  'hatte',
  'deployed',
  'ging',
  'Deployed',
  'without',
  'withouttelling',
  'telling',
  'asking',
  'a review',
  'review',
  'reviewing',
  'ohne',
  'zu',
  'das Team',
  'informieren',
  'Bescheid',
  'fragen',
  'x',
  'é',
  'Ä',
  '.',
  ';',
  '!',
  '?',
  ',',
  '-',
  '\u{1d44e}', // MATHEMATICAL ITALIC SMALL A: a lower-case letter of two UTF-16 units
  '\u{1f600}', // an emoji: two units, no letter
  '\ud800', // a lone high surrogate
  'a'.repeat(40),
  'é'.repeat(30),
  '\u{1f600}'.repeat(30),
];

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('blameless-language: the "without" tail', () => {
  it('ends where the old lazy pattern ended, at every start', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (let at = 0; at <= text.length; at++) expect(withoutTailEnd(text, at), `at ${at}`).toBe(oldEnd(text, at));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    [' deployed without telling anyone', 25],
    [' hat ohne zu fragen deployed', 19],
    [' hat das Update ohne Rücksprache eingespielt', 32],
    [' pushed it. Then without telling', -1],
    [` pushed ${'x'.repeat(98)} without telling`, 122],
    [` pushed ${'x'.repeat(99)} without telling`, -1],
    [` pushed ${'\u{1f600}'.repeat(98)} without telling`, 220],
    [` pushed ${'\u{1f600}'.repeat(99)} without telling`, -1],
    [' deployedwithout telling', -1],
  ])('%j ends at %d', (text, end) => {
    expect(withoutTailEnd(text, 0)).toBe(end);
    expect(oldEnd(text, 0)).toBe(end);
  });

  it('reports an author acting without telling anyone, through the rule', () => {
    const source = [
      '---',
      'authors: [Jan Novak]',
      '---',
      'Jan deployed the change without telling support. The change was reviewed by Jan.',
      '',
    ].join('\n');
    const messages = lintText(source, 'x.md', onlyRule('blameless-language')).result.messages;
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([[4, 1, 40]]);
  });
});
