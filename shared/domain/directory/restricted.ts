/**
 * The restricted part of a location (issue 13, hole 9): a shelter whose address is restricted
 * keeps its street, town, point and own name out of every form that leaves the people allowed
 * to see it. The same split serves the database (sealed with the data key,
 * renderer/data/repositories/locationsAtRest.ts) and replication (sealed to the allowed offices,
 * shared/domain/sync/tables.ts). What stays open is exactly what a redacted location shows: the
 * region (and district), the country, the organisation and the visibility, so that a map can
 * still draw it at its region's centre and a referral can still name where it goes.
 */
import { z } from 'zod';
import { latitudeSchema, longitudeSchema } from './schema';

/** The name a restricted location carries where its true name is sealed. */
export const RESTRICTED_NAME = '—';

export const placeSchema = z.strictObject({
  name: z.string().max(200),
  address1: z.string().max(200),
  city: z.string().max(120),
  latitude: latitudeSchema.nullable(),
  longitude: longitudeSchema.nullable(),
});
export type Place = z.infer<typeof placeSchema>;

const isRestricted = (record: Record<string, unknown>): boolean =>
  record.visibility === 'restricted';

type Addr = Record<string, unknown>;
const addressOf = (record: Record<string, unknown>): Addr =>
  typeof record.address === 'object' && record.address !== null ? (record.address as Addr) : {};

/** Whether a restricted record still shows any part of its place in the open. */
export const showsPlace = (record: Record<string, unknown>): boolean => {
  const a = addressOf(record);
  return (
    (typeof record.name === 'string' && record.name !== RESTRICTED_NAME) ||
    (typeof a.address1 === 'string' && a.address1 !== '') ||
    (typeof a.city === 'string' && a.city !== '') ||
    (record.latitude !== null && record.latitude !== undefined) ||
    (record.longitude !== null && record.longitude !== undefined)
  );
};

/**
 * Splits a location into its open part and its place; a location that is not restricted has
 * no place to hide (`place` undefined, record unchanged).
 */
export const takePlace = <R extends Record<string, unknown>>(
  record: R,
): { record: R; place: Place | undefined } => {
  if (!isRestricted(record)) return { record, place: undefined };
  const a = addressOf(record);
  const place: Place = {
    name: typeof record.name === 'string' ? record.name : '',
    address1: typeof a.address1 === 'string' ? a.address1 : '',
    city: typeof a.city === 'string' ? a.city : '',
    latitude: typeof record.latitude === 'number' ? record.latitude : null,
    longitude: typeof record.longitude === 'number' ? record.longitude : null,
  };
  return {
    record: {
      ...record,
      name: RESTRICTED_NAME,
      address: { ...a, address1: '', city: '' },
      latitude: null,
      longitude: null,
    },
    place,
  };
};

/**
 * Puts a place back into an open record. Only the five place fields come out of it, and only
 * into a restricted record: whatever else a sealed part carries (another id, owner or
 * visibility) is ignored, as for referral case fields (issue 13, hole 2).
 */
export const restorePlace = <R extends Record<string, unknown>>(record: R, place: unknown): R => {
  if (!isRestricted(record)) return record;
  const parsed = placeSchema.safeParse(place);
  if (!parsed.success) return record;
  const p = parsed.data;
  return {
    ...record,
    name: p.name || RESTRICTED_NAME,
    address: { ...addressOf(record), address1: p.address1, city: p.city },
    latitude: p.latitude,
    longitude: p.longitude,
  };
};
