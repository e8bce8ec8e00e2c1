/**
 * HSDS from other systems: their ids are rarely UUIDs ("1", "svc-0042"), their web addresses
 * often lack a scheme, and JSON exports vary in shape (`organizations: [...]`, a plain
 * organisation name, `coordinates: {lat, lng}`). Foreign ids become UUIDs derived from the
 * office and the foreign id, so importing the same file again updates the same records; the
 * foreign id itself is kept on the record (externalIds.ts).
 */
import { isUuid } from './externalIds';
import { stableId } from './ids';
import { isRecord } from './text';
import type { ImportContext } from './types';

type Obj = Record<string, unknown>;

/** Our id for a record of another system: its own if a UUID, else derived, never random. */
export const ownId = (ctx: ImportContext, kind: string, foreign: string): string =>
  isUuid(foreign)
    ? foreign.toLowerCase()
    : foreign
      ? stableId('hsds', ctx.office, kind, foreign)
      : ctx.newId();

/** "www.example.org" → "https://www.example.org" (fixed says a warning is due). */
export const withScheme = (url: string): { url: string; fixed: boolean } =>
  url && !/^[a-z][a-z0-9+.-]*:/i.test(url) && /^[\w-]+(\.[\w-]+)+/.test(url)
    ? { url: `https://${url.replace(/^\/+/, '')}`, fixed: true }
    : { url, fixed: false };

const first = (v: unknown): Obj | undefined =>
  isRecord(v) ? v : Array.isArray(v) ? v.find(isRecord) : undefined;

/** Coordinates given as {lat, lng} / {latitude, longitude} / [lon, lat] (GeoJSON order). */
const coordinates = (v: unknown): { latitude: unknown; longitude: unknown } | undefined => {
  if (Array.isArray(v) && v.length === 2) return { latitude: v[1], longitude: v[0] };
  if (!isRecord(v)) return undefined;
  const latitude = v.latitude ?? v.lat;
  const longitude = v.longitude ?? v.lng ?? v.lon ?? v.long;
  return latitude !== undefined || longitude !== undefined ? { latitude, longitude } : undefined;
};

const withCoordinates = (l: Obj): Obj => {
  const c = coordinates(l.coordinates) ?? coordinates(l.geo) ?? coordinates(l.geometry);
  return c && l.latitude === undefined && l.longitude === undefined ? { ...l, ...c } : l;
};

/**
 * An HSDS-like record in one of the shapes other systems write → the HSDS 3 service shape the
 * reader knows; records that already have it come back unchanged.
 */
export const normalizeRecord = (item: Obj): Obj => {
  let out = item;
  if (!isRecord(out.organization)) {
    const org =
      first(out.organizations) ??
      (typeof out.organization === 'string' ? { name: out.organization } : undefined) ??
      (typeof out.organization_name === 'string' ? { name: out.organization_name } : undefined);
    if (org) out = { ...out, organization: org };
  }
  if (!Array.isArray(out.service_at_locations)) {
    const locations = [
      ...(Array.isArray(out.locations) ? out.locations.filter(isRecord) : []),
      ...(isRecord(out.location) ? [out.location] : []),
    ];
    const own = coordinates(out.coordinates);
    if (!locations.length && own) locations.push({ name: out.name, ...own });
    if (locations.length)
      out = {
        ...out,
        service_at_locations: locations.map((l) => ({ location: withCoordinates(l) })),
      };
  }
  return out;
};

/** Fields only an HSDS organisation has: such a record is an organisation, not a service. */
const ORGANIZATION_ONLY = [
  'services',
  'website',
  'legal_status',
  'year_incorporated',
  'tax_status',
  'tax_id',
  'organization_identifiers',
  'logo',
  'uri',
  'parent_organization_id',
  'funding',
  'programs',
];
const SERVICE_HINTS = [
  'organizations',
  'organization_name',
  'organization',
  'locations',
  'location',
  'coordinates',
  'phones',
  'url',
  'email',
  'description',
];

/** Looks like a service from some system: a name and something a service has. */
export const looksLikeService = (item: Obj): boolean =>
  'status' in item ||
  'service_at_locations' in item ||
  isRecord(item.organization) ||
  ('name' in item &&
    !ORGANIZATION_ONLY.some((k) => k in item) &&
    SERVICE_HINTS.some((k) => k in item));
