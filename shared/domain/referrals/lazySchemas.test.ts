/**
 * Issue 15, cold start: the referral and screening schemas are in the window's first load (the
 * directory imports modules that import them) but the directory never uses them, so each is
 * built on its first use instead of when the module is imported. These tests fail if one of them
 * is turned back into a schema built at import, and check that building later changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as referrals from './schema';
import * as screeningCore from '../screening/core';
import * as screening from '../screening/schema';

const schemasOf = (module: Record<string, unknown>) =>
  Object.entries(module).filter(([, v]) => v instanceof z.ZodType);

describe.each([
  ['referrals/schema', referrals, 10],
  ['screening/schema', screening, 9],
  ['screening/core', screeningCore, 2],
] as const)('%s', (_, module, lazy) => {
  it('builds each big schema on first use, not at import', () => {
    const schemas = schemasOf(module);
    const deferred = schemas.filter(([, s]) => s instanceof z.ZodLazy).map(([name]) => name);
    expect(deferred).toHaveLength(lazy);
    // What stays eager is small (an id, a shape other modules extend), never an object of objects.
    for (const [name, s] of schemas.filter(([, s]) => !(s instanceof z.ZodLazy))) {
      const fields = s instanceof z.ZodObject ? Object.values(s.shape) : [];
      expect(
        fields.filter((f) => f instanceof z.ZodObject),
        name,
      ).toEqual([]);
    }
  });
});

describe('a schema built on first use', () => {
  it('is built once, and validates as the schema it wraps', () => {
    // What parses is built once and kept (`unwrap()` builds a copy, for composing schemas).
    const inner = referrals.referralSchema._zod.innerType;
    expect(inner).toBeInstanceOf(z.ZodObject);
    expect(referrals.referralSchema._zod.innerType).toBe(inner);
    const event = {
      id: '0b6f6c39-8f0e-4c55-9d87-4b8c7fd5d2a1',
      referralId: '7a0a9a4f-3f44-4a64-9a2e-8f0c2d7b6e11',
      office: 'BKO',
      at: '2026-12-03T10:00:00Z',
      by: 'Awa',
      type: 'sent',
    };
    const lazy = referrals.referralEventSchema.safeParse(event);
    const built = referrals.referralEventSchema.unwrap().safeParse(event);
    expect(lazy).toEqual(built);
    expect(lazy.success && lazy.data.reason).toBe('');
    // Refused the same way, naming the same field.
    const bad = { ...event, type: 'hacked', at: 'yesterday' };
    const refused = referrals.referralEventSchema.safeParse(bad);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['at', 'type']);
    expect(refused.error?.issues).toEqual(
      referrals.referralEventSchema.unwrap().safeParse(bad).error?.issues,
    );
  });

  it('keeps object checks inside a lazy schema (consent without a recipient)', () => {
    const r = referrals.consentSchema.safeParse({ given: true, scope: ['referral'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'date',
      'method',
      'recipient',
    ]);
  });
});
