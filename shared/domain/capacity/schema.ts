/**
 * Shelter capacity as immutable events (DESIGN §2). Meanings follow OASIS EDXL-HAVE: a baseline
 * count of beds, beds out of service, occupied beds, and an available count that is always
 * derived (baseline − occupied − out of service), never stored or typed twice.
 *
 * The current figures are a fold of the events (fold.ts), so events recorded on two machines can
 * be merged by taking the union of both sets: nothing is overwritten, nothing is lost.
 */
import { z } from 'zod';
import { replicatedSchema, uuidSchema } from '../directory/schema';

/** The populations a shelter counts beds for (a subset of the directory's populations). */
export const CAPACITY_POPULATIONS = ['women', 'men', 'girls', 'boys', 'families'] as const;
export const capacityPopulationSchema = z.enum(CAPACITY_POPULATIONS);
export type CapacityPopulation = z.infer<typeof capacityPopulationSchema>;

export const isCapacityPopulation = (p: string): p is CapacityPopulation =>
  (CAPACITY_POPULATIONS as readonly string[]).includes(p);

/** Operational status of a shelter as a whole (EDXL-HAVE OperationalStatus, simplified). */
export const SHELTER_STATUSES = ['open', 'full', 'closed', 'temporarily_closed'] as const;
export const shelterStatusSchema = z.enum(SHELTER_STATUSES, { message: 'validation.invalid' });
export type ShelterStatus = z.infer<typeof shelterStatusSchema>;

/** Far above any shelter's size; catches a typing slip (10 000 instead of 100). */
export const MAX_COUNT = 5000;
export const NOTE_MAX = 500;

/**
 * Times are UTC with exactly milliseconds (what `Date.toISOString()` gives), so that comparing
 * the strings compares the instants: the fold orders events without parsing dates.
 */
export const eventTimeSchema = z.iso.datetime({ precision: 3, message: 'validation.dateTime' });

const count = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.integer' })
  .min(0, { message: 'validation.nonNegative' })
  .max(MAX_COUNT, { message: 'validation.tooLarge' });
const positiveCount = count.min(1, { message: 'validation.invalid' });

const eventBase = replicatedSchema.extend({
  serviceId: uuidSchema,
  /** When the change happened, as the recording machine's clock saw it (orders the fold). */
  at: eventTimeSchema,
  /** The user's name, until accounts exist (as the audit trail records it). */
  who: z.string().trim().min(1).max(120),
  /** Events are never deleted: a wrong figure is corrected by a later event. */
  deletedAt: z.null().default(null),
});
const perPopulation = eventBase.extend({ population: capacityPopulationSchema });

export const capacityEventSchema = z.discriminatedUnion('type', [
  /** People arrived: occupied += count (counters sum, so two desks' admissions both count). */
  perPopulation.extend({ type: z.literal('admission'), count: positiveCount }),
  /** People left: occupied −= count. */
  perPopulation.extend({ type: z.literal('discharge'), count: positiveCount }),
  /** The number of beds the shelter has for this population (last writer wins). */
  perPopulation.extend({ type: z.literal('baseline'), value: count }),
  /** Beds that exist but cannot be used (repairs, quarantine); last writer wins. */
  perPopulation.extend({ type: z.literal('out_of_service'), value: count }),
  /** People waiting for a bed; last writer wins. */
  perPopulation.extend({ type: z.literal('waitlist'), value: count }),
  eventBase.extend({ type: z.literal('status'), status: shelterStatusSchema }),
  eventBase.extend({ type: z.literal('note'), text: z.string().trim().max(NOTE_MAX) }),
  /**
   * "I checked these figures and they are right": written by every save, so figures that did
   * not change still show when someone last vouched for them (their age is what users trust).
   */
  eventBase.extend({ type: z.literal('confirm'), populations: z.array(capacityPopulationSchema) }),
]);
export type CapacityEvent = z.infer<typeof capacityEventSchema>;
export type CapacityEventType = CapacityEvent['type'];

/** A count as typed in a form: '' is missing, "2,5" is a (refused) decimal, not 25. */
const typedCount = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim();
    return s === '' ? undefined : Number(s.replace(',', '.'));
  },
  z
    .number({
      error: (issue) => (issue.input === undefined ? 'validation.required' : 'validation.number'),
    })
    .int({ message: 'validation.integer' })
    .min(0, { message: 'validation.nonNegative' })
    .max(MAX_COUNT, { message: 'validation.tooLarge' }),
);

export const populationFiguresInputSchema = z.object({
  baseline: typedCount,
  occupied: typedCount,
  outOfService: typedCount,
  waitlist: typedCount,
});

/** What the manager's form submits for one shelter: the figures as they are now. */
export const capacityUpdateSchema = z.object({
  serviceId: uuidSchema,
  populations: z.partialRecord(capacityPopulationSchema, populationFiguresInputSchema),
  status: shelterStatusSchema,
  note: z.string().trim().max(NOTE_MAX, { message: 'validation.tooLong' }).default(''),
});
export type CapacityUpdate = z.infer<typeof capacityUpdateSchema>;
export type CapacityUpdateInput = z.input<typeof capacityUpdateSchema>;
export type PopulationFiguresInput = z.input<typeof populationFiguresInputSchema>;
