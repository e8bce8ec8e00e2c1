/**
 * Where each location is drawn. This is the ONLY way coordinates reach the map: a restricted
 * location (a shelter's address) is replaced here, for a user without the right to see it,
 * before anything is handed to Leaflet, by its region's centre, or left out, so its true
 * coordinates never exist in the map's data at all.
 *
 * The right is `mayShowLocation` (accounts): administrators, coordinators and ministry staff
 * see every restricted place where it is, a shelter manager only their own shelters'. For the
 * others the preference `restrictedLocations` chooses between the region's centre (with a
 * "location restricted" marker) and not drawing them. The repository already blanks what a
 * user may not see; this check does not rely on it. 'partners' locations are drawn: every
 * user works in a referral-mechanism office, i.e. is a partner.
 */
import type { Subject } from '../accounts/permissions';
import { isRedacted, mayShowLocation } from '../accounts/visibility';
import { areaByCode } from '../directory/areas';
import type { ServiceCategory, ServiceView } from '../directory/schema';
import type { Preferences } from '../settings/schema';
import type { LatLon, Ranked } from './geo';
import { nearest } from './geo';

export type RestrictedMode = Preferences['restrictedLocations'];

/** What the map knows of one location: nothing more than the marker and its popup show. */
export type MapPoint = {
  serviceId: string;
  locationId: string;
  name: string;
  category: ServiceCategory;
  phone: string;
  regionCode: string;
  lat: number;
  lon: number;
  /** Drawn at the region's centre because the true place is restricted. */
  restricted: boolean;
  /** A restricted place drawn where it is, for a user allowed to see it: not to be passed on. */
  confidential: boolean;
};

export type Placement = {
  points: MapPoint[];
  /** Restricted locations not drawn (mode 'hidden', or no known region to stand in). */
  hidden: number;
  /** Locations without coordinates, not drawn. */
  unplaced: number;
};

/**
 * `subject`: who looks (null: nobody logged in, who sees no restricted place). Required, so
 * that no caller can forget to ask.
 */
export const placeServices = (
  views: readonly ServiceView[],
  mode: RestrictedMode,
  subject: Subject | null,
): Placement => {
  const points: MapPoint[] = [];
  let hidden = 0;
  let unplaced = 0;
  for (const { service, locations } of views) {
    for (const loc of locations) {
      const regionCode = loc.address.adminAreaCode;
      // Not allowed, or allowed but the place is not held here (sealed to other offices):
      // drawn at the region's centre either way.
      const withheld = !mayShowLocation(subject, loc, [service.id]) || isRedacted(loc);
      let position: LatLon | undefined;
      if (withheld) {
        // Never read loc.latitude / loc.longitude on this branch.
        position = mode === 'region-centre' ? areaByCode(regionCode)?.center : undefined;
        if (!position) {
          hidden++;
          continue;
        }
      } else if (loc.latitude !== null && loc.longitude !== null) {
        position = [loc.latitude, loc.longitude];
      } else {
        unplaced++;
        continue;
      }
      points.push({
        serviceId: service.id,
        locationId: loc.id,
        name: service.name,
        category: service.category,
        phone: service.phones[0]?.number ?? '',
        regionCode,
        lat: position[0],
        lon: position[1],
        restricted: withheld,
        confidential: !withheld && loc.visibility === 'restricted',
      });
    }
  }
  return { points, hidden, unplaced };
};

/**
 * Services by great-circle distance from `origin`, nearest first, each once (at its nearest
 * location). Works on placed points, so for a user without the right a restricted service is
 * ranked by its region's centre: distances from true coordinates would let them triangulate it.
 */
export const servicesNear = (
  points: readonly MapPoint[],
  origin: LatLon,
  { limit = 20, exclude }: { limit?: number; exclude?: string } = {},
): Ranked<MapPoint>[] => {
  const seen = new Set<string>();
  return nearest(
    origin,
    points,
    (p) => (p.serviceId === exclude ? undefined : [p.lat, p.lon]),
    Infinity,
  )
    .filter(({ item }) => !seen.has(item.serviceId) && Boolean(seen.add(item.serviceId)))
    .slice(0, limit);
};
