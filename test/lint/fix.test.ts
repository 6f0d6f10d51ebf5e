import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/engine.js';
import { offsetForWallTime } from '../../src/model/index.js';
import { FIXTURES, onlyRule } from './fixtures.js';

const base = readFileSync(join(FIXTURES, '../complete-postmortem.md'), 'utf8');
const all = {
  ...onlyRule('timeline-order'),
  rules: {
    'timeline-order': { level: 'error' as const, options: {} },
    'timeline-format': { level: 'error' as const, options: {} },
    'timestamp-offset': { level: 'error' as const, options: {} },
  },
};

function fix(text: string): string {
  return lintText(text, '/x/2020-01-01-api-outage.md', all, { fix: true }).fixed ?? text;
}

const item = fc.record({
  minute: fc.integer({ min: 0, max: 59 }),
  hour: fc.integer({ min: 0, max: 23 }),
  zone: fc.constantFrom('Z', 'UTC', '+01:00', '+0100', '-05:00'),
  sep: fc.constantFrom('—', '–', '-', ':'),
  event: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[a-z]$/),
});

describe('--fix', () => {
  it('fixing twice equals fixing once', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), fc.boolean(), (items, blankLines) => {
        const lines = items.map(
          (i) =>
            `- 2020-01-01 ${String(i.hour).padStart(2, '0')}:${String(i.minute).padStart(2, '0')} ${i.zone} ${i.sep} ${i.event}`,
        );
        const text = base.replace(
          /## Timeline\n\n[\s\S]*?\n\n## Root cause/,
          `## Timeline\n\n${lines.join(blankLines ? '\n\n' : '\n')}\n\n## Root cause`,
        );
        const once = fix(text);
        expect(fix(once)).toBe(once);
        const after = lintText(once, '/x/2020-01-01-api-outage.md', all).result.messages;
        expect(after.filter((m) => m.ruleId === 'timeline-order')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves a timeline alone when an item has no valid timestamp', () => {
    const text = base
      .replace('- 2020-01-01 10:05 Z — Error rate alert fires', '- around ten — Error rate alert fires')
      .replace('- 2020-01-01 10:00 Z — Configuration change deployed\n', '')
      .concat('');
    const swapped = text.replace(
      '- 2020-01-01 10:30 Z — Change reverted; errors stop\n- 2020-01-01 11:00 Z — Incident closed',
      '- 2020-01-01 11:00 Z — Incident closed\n- 2020-01-01 10:30 Z — Change reverted; errors stop',
    );
    expect(fix(swapped)).toBe(swapped);
  });

  it.each([
    ['Europe/Berlin', '2020-01-15T12:00', 60],
    ['Europe/Berlin', '2020-07-15T12:00', 120],
    ['Europe/Berlin', '2020-03-29T02:30', 60],
    ['Europe/Berlin', '2020-10-25T02:30', 120],
    ['America/New_York', '2020-07-04T09:00', -240],
    ['Asia/Kolkata', '2020-01-01T00:00', 330],
    ['Not/AZone', '2020-01-01T00:00', null],
  ])('offset of %s at %s is %s minutes', (zone, local, expected) => {
    expect(offsetForWallTime(zone, Date.parse(`${local}:00Z`))).toBe(expected);
  });
});

describe("--fix keeps the file's encoding details", () => {
  const unsorted = base.replace(
    '- 2020-01-01 10:30 Z — Change reverted; errors stop\n- 2020-01-01 11:00 Z — Incident closed',
    '- 2020-01-01 11:00 Z — Incident closed\n- 2020-01-01 10:30 Z — Change reverted; errors stop',
  );

  it.each([
    ['a UTF-8 byte order mark', (t: string) => `\uFEFF${t}`],
    ['CRLF line ends', (t: string) => t.replace(/\n/g, '\r\n')],
    ['a byte order mark and CRLF', (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`],
  ])('keeps %s', (_name, encode) => {
    expect(unsorted).not.toBe(base);
    const bytes = new TextEncoder().encode(encode(unsorted));
    const fixed = lintText(bytes, '/x/2020-01-01-api-outage.md', all, { fix: true }).fixed;
    expect(fixed).toBe(encode(base));
  });
});

describe('--fix on an ordered timeline', () => {
  const timeline = /## Timeline\n\n[\s\S]*?\n\n## Root cause/;
  const withItems = (items: string[]) => base.replace(timeline, `## Timeline\n\n${items.join('\n')}\n\n## Root cause`);

  it.each([
    [
      'numbered from 1',
      ['1. 2020-01-01 10:05 Z — B', '2. 2020-01-01 10:00 Z — A', '3. 2020-01-01 10:30 Z — C'],
      ['1. 2020-01-01 10:00 Z — A', '2. 2020-01-01 10:05 Z — B', '3. 2020-01-01 10:30 Z — C'],
    ],
    [
      'numbered from 5 with parentheses',
      ['5) 2020-01-01 10:30 Z — C', '6) 2020-01-01 10:00 Z — A', '7) 2020-01-01 10:05 Z — B'],
      ['5) 2020-01-01 10:00 Z — A', '6) 2020-01-01 10:05 Z — B', '7) 2020-01-01 10:30 Z — C'],
    ],
    [
      'all numbered 1',
      ['1. 2020-01-01 10:05 Z — B', '1. 2020-01-01 10:00 Z — A'],
      ['1. 2020-01-01 10:00 Z — A', '1. 2020-01-01 10:05 Z — B'],
    ],
  ])('sorts the events and keeps the numbering %s', (_name, items, expected) => {
    const once = fix(withItems(items));
    expect(once).toBe(withItems(expected));
    expect(fix(once)).toBe(once);
  });
});

describe('--fix keeps each line its own line end (issue 10: mixed LF/CRLF became all CRLF)', () => {
  const messy = base
    .replace('started: "2020-01-01T10:00:00Z"', 'started: "2020-01-01T10:00:00"\ntimezone: UTC')
    .replace(
      '- 2020-01-01 10:30 Z — Change reverted; errors stop\n- 2020-01-01 11:00 Z — Incident closed',
      '- 2020-01-01 11:00 UTC - Incident closed\n- 2020-01-01 10:30 Z: Change reverted; errors stop',
    );
  const mixed = (text: string) =>
    text
      .split('\n')
      .map((line, i) => (i % 3 === 1 ? `${line}\r` : line))
      .join('\n');

  it('fixes offsets, prefixes and order and keeps every LF and CRLF where it was', () => {
    expect(messy).not.toBe(base);
    const input = mixed(messy);
    const bytes = new TextEncoder().encode(`\uFEFF${input}`);
    const fixed = lintText(bytes, '/x/2020-01-01-api-outage.md', all, { fix: true }).fixed ?? '';
    expect(fixed.startsWith('\uFEFF')).toBe(true);
    const ends = (text: string) => text.split('\n').map((l) => l.endsWith('\r'));
    expect(ends(fixed.slice(1))).toEqual(ends(input));
    const plain = fixed.slice(1).replace(/\r\n/g, '\n');
    expect(plain).toContain('started: "2020-01-01T10:00:00Z"');
    expect(plain).toContain(
      '- 2020-01-01 10:30 Z — Change reverted; errors stop\n- 2020-01-01 11:00 Z — Incident closed',
    );
    expect(lintText(fixed, '/x/2020-01-01-api-outage.md', all).result.messages).toEqual([]);
  });
});
