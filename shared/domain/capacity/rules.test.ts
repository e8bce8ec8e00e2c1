import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldShelter } from './fold';
import {
  eventsForUpdate,
  freshness,
  freeBeds,
  isStale,
  servedPopulations,
  validateUpdate,
} from './rules';
import type { CapacityEvent, CapacityUpdate } from './schema';
import { CAPACITY_POPULATIONS, SHELTER_STATUSES } from './schema';

const S = '0b6f3c1e-2f55-4e0a-9d43-5a1c2f7e9b10';
const figures = { baseline: '10', occupied: '4', outOfService: '0', waitlist: '0' };
const input = (women: Partial<typeof figures>, extra = {}) => ({
  serviceId: S,
  populations: { women: { ...figures, ...women } },
  status: 'open' as const,
  note: '',
  ...extra,
});

describe('validateUpdate', () => {
  it('accepts figures as typed, including over capacity', () => {
    const r = validateUpdate(input({ occupied: ' 12 ' }), ['women']);
    expect(r).toEqual({
      ok: true,
      value: {
        serviceId: S,
        populations: { women: { baseline: 10, occupied: 12, outOfService: 0, waitlist: 0 } },
        status: 'open',
        note: '',
      },
    });
  });

  it.each([
    ['-1', 'validation.nonNegative'],
    ['2.5', 'validation.integer'],
    ['2,5', 'validation.integer'],
    ['deux', 'validation.number'],
    ['', 'validation.required'],
    ['99999', 'limits.tooLarge?max=5000'],
  ])('refuses occupied = %j with %s, naming the field', (occupied, message) => {
    const r = validateUpdate(input({ occupied }), ['women']);
    expect(r).toEqual({ ok: false, errors: { 'populations.women.occupied': message } });
  });

  it('refuses more beds out of service than beds', () => {
    const r = validateUpdate(input({ outOfService: '11' }), ['women']);
    expect(r).toEqual({
      ok: false,
      errors: { 'populations.women.outOfService': 'capacity.error.outOfServiceOverBaseline' },
    });
  });

  it('refuses a population the shelter does not serve, and an unknown status', () => {
    const r = validateUpdate(input({}, { status: 'ajar' }), ['men']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['populations.women', 'status']);
  });
});

describe('eventsForUpdate', () => {
  let i = 0;
  const ctx = (now: string) => ({
    office: 'BKO',
    who: 'Awa',
    now,
    newId: () => `00000000-0000-4000-8000-${String(++i).padStart(12, '0')}`,
  });

  it('records the first figures, then only what changed, each save confirmed', () => {
    const first = eventsForUpdate(undefined, validOf(input({})), ctx('2026-03-01T08:00:00.000Z'));
    expect(first.map((e) => e.type)).toEqual(['baseline', 'admission', 'status', 'confirm']);
    const current = foldShelter(S, first);
    const second = eventsForUpdate(
      current,
      validOf(input({ occupied: '2', waitlist: '3' })),
      ctx('2026-03-01T09:00:00.000Z'),
    );
    expect(
      second.map((e) => [e.type, 'count' in e ? e.count : 'value' in e ? e.value : null]),
    ).toEqual([
      ['waitlist', 3],
      ['discharge', 2],
      ['confirm', null],
    ]);
  });

  it('folds back to exactly the figures submitted, after any sequence of saves', () => {
    const count = fc.integer({ min: 0, max: 30 });
    const update = fc.record({
      populations: fc.dictionary(
        fc.constantFrom(...CAPACITY_POPULATIONS),
        fc.record({ baseline: count, occupied: count, outOfService: count, waitlist: count }),
      ),
      status: fc.constantFrom(...SHELTER_STATUSES),
      note: fc.constantFrom('', 'RAS', 'Eau coupée'),
    });
    fc.assert(
      fc.property(fc.array(update, { minLength: 1, maxLength: 6 }), (updates) => {
        const events: CapacityEvent[] = [];
        let id = 0;
        updates.forEach((u, k) => {
          const now = new Date(Date.UTC(2026, 2, 1, 8, k)).toISOString();
          const newId = () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`;
          const next: CapacityUpdate = { serviceId: S, ...u };
          events.push(
            ...eventsForUpdate(foldShelter(S, events), next, {
              office: 'BKO',
              who: 'Awa',
              now,
              newId,
            }),
          );
          const f = foldShelter(S, events)!;
          expect(f.status).toBe(u.status);
          expect(f.note).toBe(u.note);
          for (const [p, want] of Object.entries(u.populations)) {
            const got = f.populations[p as keyof typeof f.populations]!;
            expect({ ...want, at: got.lastUpdated?.at }).toEqual({
              baseline: got.baseline,
              occupied: got.occupied,
              outOfService: got.outOfService,
              waitlist: got.waitlist,
              at: now,
            });
          }
        });
      }),
      { numRuns: 200 },
    );
  });
});

const validOf = (i: ReturnType<typeof input>): CapacityUpdate => {
  const r = validateUpdate(i, ['women']);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('freshness', () => {
  const at = '2026-03-01T08:00:00.000Z';
  const h = (n: number) => Date.parse(at) + n * 3_600_000;
  it('flags figures older than the threshold, and missing figures', () => {
    expect(freshness({ at }, h(47.9), 48)).toBe('fresh');
    expect(freshness({ at }, h(48.1), 48)).toBe('stale');
    expect(freshness(null, h(0), 48)).toBe('never');
    expect(isStale({ at }, h(49), 48)).toBe(true);
    expect(isStale({ at }, h(-2), 48)).toBe(false);
    expect(isStale({ at }, h(13), 12)).toBe(true);
  });
});

describe('servedPopulations and freeBeds', () => {
  it('keeps the counted populations in canonical order', () => {
    expect(
      servedPopulations({ populations: ['persons_with_disabilities', 'girls', 'women'] }),
    ).toEqual(['women', 'girls']);
  });
  it('counts no free bed while full or closed, and none below zero', () => {
    const f = { available: 3 } as Parameters<typeof freeBeds>[0];
    expect(freeBeds(f, 'open')).toBe(3);
    expect(freeBeds(f, null)).toBe(3);
    expect(freeBeds(f, 'full')).toBe(0);
    expect(freeBeds(f, 'temporarily_closed')).toBe(0);
    expect(freeBeds({ ...f, available: -2 }, 'open')).toBe(0);
  });
});
