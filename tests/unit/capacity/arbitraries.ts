/**
 * Arbitrary capacity events for property tests (fast-check): few shelters, few instants, so
 * that ties in time, clashes between set events and repeated ids actually happen.
 */
import fc from 'fast-check';
import type { CapacityEvent } from '@shared/domain/capacity/schema';
import { CAPACITY_POPULATIONS, SHELTER_STATUSES } from '@shared/domain/capacity/schema';

export const SHELTER_IDS = [
  '0b6f3c1e-2f55-4e0a-9d43-5a1c2f7e9b10',
  '7d2e9a44-8c1b-4f6e-a0b3-1e5d7c9f2a61',
] as const;
const INSTANTS = [
  '2026-03-01T08:00:00.000Z',
  '2026-03-01T08:00:00.000Z',
  '2026-03-01T09:30:00.000Z',
  '2026-03-02T10:15:00.500Z',
  '2026-03-03T23:59:59.999Z',
];

const base = {
  id: fc.uuid(),
  serviceId: fc.constantFrom(...SHELTER_IDS),
  at: fc.constantFrom(...INSTANTS),
  who: fc.constantFrom('Awa', 'Moussa', 'Fatoumata'),
};
const population = fc.constantFrom(...CAPACITY_POPULATIONS);
const value = fc.integer({ min: 0, max: 40 });
const count = fc.integer({ min: 1, max: 6 });

const body = fc.oneof(
  fc.record({ type: fc.constant('admission' as const), population, count }),
  fc.record({ type: fc.constant('discharge' as const), population, count }),
  fc.record({ type: fc.constant('baseline' as const), population, value }),
  fc.record({ type: fc.constant('out_of_service' as const), population, value }),
  fc.record({ type: fc.constant('waitlist' as const), population, value }),
  fc.record({ type: fc.constant('status' as const), status: fc.constantFrom(...SHELTER_STATUSES) }),
  fc.record({ type: fc.constant('note' as const), text: fc.constantFrom('', 'Eau coupée', 'RAS') }),
  fc.record({
    type: fc.constant('confirm' as const),
    populations: fc.uniqueArray(population, { maxLength: 5 }),
  }),
);

export const eventArb: fc.Arbitrary<CapacityEvent> = fc
  .tuple(fc.record(base), body)
  .map(([b, rest]) => ({
    ...b,
    ...rest,
    office: 'BKO',
    createdAt: b.at,
    updatedAt: b.at,
    deletedAt: null,
    demo: false,
  }));

/** Events with unique ids (an id names one immutable event). */
export const eventsArb = (maxLength = 60) =>
  fc.uniqueArray(eventArb, { selector: (e) => e.id, maxLength });
