/**
 * Capacity rules: validating what a shelter manager submits, turning the new figures into the
 * events that lead from the current fold to them, and how old a figure may be before nobody
 * should trust it.
 */
import type { Service } from '../directory/schema';
import type { FieldErrors, Result } from '../validation';
import { fieldErrors } from '../validation';
import type { PopulationFigures, ShelterFigures } from './fold';
import { emptyPopulation } from './fold';
import type {
  CapacityEvent,
  CapacityPopulation,
  CapacityUpdate,
  CapacityUpdateInput,
  ShelterStatus as Status,
} from './schema';
import { CAPACITY_POPULATIONS, capacityEventSchema, capacityUpdateSchema } from './schema';

/** The populations a shelter counts beds for, in the canonical order. */
export const servedPopulations = (service: Pick<Service, 'populations'>): CapacityPopulation[] =>
  CAPACITY_POPULATIONS.filter((p) => service.populations.includes(p));

/**
 * Checks the manager's figures. Over capacity (more people than beds in service) is allowed and
 * shown; more beds out of service than beds, or a population the shelter does not serve, is not.
 */
export const validateUpdate = (
  input: CapacityUpdateInput,
  served: readonly CapacityPopulation[],
): Result<CapacityUpdate> => {
  const parsed = capacityUpdateSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  for (const p of Object.keys(input.populations ?? {})) {
    if (!(served as readonly string[]).includes(p))
      errors[`populations.${p}`] ??= 'validation.invalid';
  }
  if (parsed.success) {
    for (const [p, f] of Object.entries(parsed.data.populations)) {
      if (f && f.outOfService > f.baseline)
        errors[`populations.${p}.outOfService`] ??= 'capacity.error.outOfServiceOverBaseline';
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
};

export type EventContext = {
  office: string;
  who: string;
  /** `Date.toISOString()` of the save: every event of one save shares it. */
  now: string;
  newId: () => string;
  demo?: boolean;
};

/**
 * The events that take the current figures to the submitted ones: a set event for each changed
 * set value, an admission or discharge for the change in occupancy, and one `confirm` that
 * vouches for every figure shown, changed or not.
 */
export const eventsForUpdate = (
  current: ShelterFigures | undefined,
  update: CapacityUpdate,
  ctx: EventContext,
): CapacityEvent[] => {
  const base = {
    office: ctx.office,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
    demo: ctx.demo ?? false,
    serviceId: update.serviceId,
    at: ctx.now,
    who: ctx.who,
  };
  const out: unknown[] = [];
  const populations = CAPACITY_POPULATIONS.filter((p) => update.populations[p]);
  for (const population of populations) {
    const next = update.populations[population]!;
    const cur = current?.populations[population] ?? emptyPopulation(population);
    const at = { ...base, population };
    if (next.baseline !== cur.baseline)
      out.push({ ...at, id: ctx.newId(), type: 'baseline', value: next.baseline });
    if (next.outOfService !== cur.outOfService)
      out.push({ ...at, id: ctx.newId(), type: 'out_of_service', value: next.outOfService });
    if (next.waitlist !== cur.waitlist)
      out.push({ ...at, id: ctx.newId(), type: 'waitlist', value: next.waitlist });
    const delta = next.occupied - cur.occupied;
    if (delta !== 0)
      out.push({
        ...at,
        id: ctx.newId(),
        type: delta > 0 ? 'admission' : 'discharge',
        count: Math.abs(delta),
      });
  }
  if (update.status !== (current?.status ?? null))
    out.push({ ...base, id: ctx.newId(), type: 'status', status: update.status });
  if (update.note !== (current?.note ?? ''))
    out.push({ ...base, id: ctx.newId(), type: 'note', text: update.note });
  out.push({ ...base, id: ctx.newId(), type: 'confirm', populations });
  // Parse what we return: the schema is the contract of the stored events.
  return out.map((e) => capacityEventSchema.parse(e));
};

export type Freshness = 'fresh' | 'stale' | 'never';

const HOUR = 3_600_000;

/** 'never' when nobody has given figures yet; a time ahead of ours (clock skew) is fresh. */
export const freshness = (
  lastUpdated: { at: string } | null | undefined,
  now: number | Date,
  thresholdHours: number,
): Freshness => {
  if (!lastUpdated) return 'never';
  const age = +now - Date.parse(lastUpdated.at);
  return age > thresholdHours * HOUR ? 'stale' : 'fresh';
};

/** Figures older than the threshold, or missing, are not to be trusted without a phone call. */
export const isStale = (
  lastUpdated: { at: string } | null | undefined,
  now: number | Date,
  thresholdHours: number,
): boolean => freshness(lastUpdated, now, thresholdHours) !== 'fresh';

/** Beds a person could be sent to now: none while the shelter says full or closed. */
export const freeBeds = (figures: PopulationFigures, status: Status | null): number =>
  status === null || status === 'open' ? Math.max(0, figures.available) : 0;
