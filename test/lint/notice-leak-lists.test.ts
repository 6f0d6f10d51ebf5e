import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../src/model/leak-detectors.js';

describe('notice-leak: the detectors follow the lists asked for', () => {
  it('sees an author added in place to the same list, and one taken out', () => {
    const authors = ['Jane Doe'];
    const text = 'Jane Doe and Max Mustermann looked into it.';
    expect(findLeaks(text, { authors }).map((l) => l.text)).toEqual(['Jane Doe']);
    authors.push('Max Mustermann');
    expect(findLeaks(text, { authors }).map((l) => l.text)).toEqual(['Jane Doe', 'Max Mustermann']);
    authors.splice(0, 1);
    expect(findLeaks(text, { authors }).map((l) => l.text)).toEqual(['Max Mustermann']);
  });

  it('sees a pattern added in place, and no authors after some', () => {
    const internalPatterns: string[] = [];
    const text = 'Jane Doe restarted corp-vpn.';
    expect(findLeaks(text, { authors: ['Jane Doe'], internalPatterns }).map((l) => l.text)).toEqual(['Jane Doe']);
    internalPatterns.push('\\bcorp-vpn\\b');
    expect(findLeaks(text, { authors: ['Jane Doe'], internalPatterns }).map((l) => l.text)).toEqual([
      'Jane Doe',
      'corp-vpn',
    ]);
    expect(findLeaks(text, { internalPatterns }).map((l) => l.text)).toEqual(['corp-vpn']);
  });

  it('finds the same leaks in the same text asked twice with lists of the same content', () => {
    const text = 'Ask Jane Doe (jane@corp.example.com) about INC-42.';
    const first = findLeaks(text, { authors: ['Jane Doe'] });
    expect(findLeaks(text, { authors: ['Jane Doe'] })).toEqual(first);
    expect(first.map((l) => l.text)).toEqual(['jane@corp.example.com', 'INC-42', 'Jane Doe']);
  });
});
