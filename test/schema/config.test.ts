import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configSchema, plainConfig } from '../../src/schema/config.js';

// plainConfig spares a plain config the schema (and loading zod); it must never accept what the
// schema refuses, nor return anything else than the schema does.

const text = fc.oneof(fc.constantFrom('', ' ', 'a', 'vendor-outage', 'postmortems/**'), fc.string({ maxLength: 4 }));
const severity = fc.oneof(
  fc.constantFrom('off', 'warn', 'error', 'warning', 'loud', 0, 1, 2, 3, null),
  fc.constant(['error']),
  fc.constant(['warn', { words: ['x'] }]),
);
const anyValue = fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.constant({}));
const config = fc.dictionary(
  fc.constantFrom('$schema', 'rules', 'categories', 'sections', 'ignores', 'internalPatterns', 'notice', 'colour'),
  fc.oneof(
    anyValue,
    fc.array(text, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('section-order', 'timeline-order', 'x'), severity, { maxKeys: 3 }),
  ),
  { maxKeys: 4 },
);

describe('plainConfig', () => {
  it('accepts only what the schema accepts, and returns what the schema returns', () => {
    const schema = configSchema(z);
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(config, anyValue), (raw) => {
        const fast = plainConfig(raw);
        if (fast === null) return;
        plain++;
        const parsed = schema.safeParse(raw);
        expect(parsed.success, JSON.stringify(raw)).toBe(true);
        const { $schema: _schema, ...slow } = parsed.data ?? {};
        expect(fast).toEqual(slow);
      }),
      { numRuns: 2000 },
    );
    // Both sides are exercised: many generated configs take the fast path.
    expect(plain).toBeGreaterThan(100);
  });

  it.each([
    [
      { rules: { 'section-order': 'off' }, ignores: ['a/**'], $schema: 'x' },
      { rules: { 'section-order': 'off' }, ignores: ['a/**'] },
    ],
    [{ rules: { x: 'warning' } }, null],
    [{ rules: { x: ['error'] } }, null],
    [{ categories: [''] }, null],
    [{ notice: {} }, null],
    [[], null],
  ])('%j → %j', (raw, expected) => {
    expect(plainConfig(raw)).toEqual(expected);
  });
});
