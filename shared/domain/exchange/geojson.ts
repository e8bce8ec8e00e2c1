/**
 * GeoJSON (RFC 7946) of the directory's locations, for GIS tools and partners' maps: one point
 * per service and location with coordinates. Restricted locations are left out unless the user
 * chose to include them: a point is an address.
 */
import type { ServiceView } from '../directory/schema';
import type { ExportOptions } from './hsdsWrite';
import { isHidden } from './hsdsWrite';

export const toGeoJson = (views: readonly ServiceView[], opts: ExportOptions) => ({
  type: 'FeatureCollection' as const,
  features: views.flatMap(({ service: s, organization: o, locations }) =>
    locations
      .filter((l) => l.latitude !== null && l.longitude !== null && !isHidden(l, opts))
      .map((l) => ({
        type: 'Feature' as const,
        id: `${s.id}/${l.id}`,
        // GeoJSON is longitude first.
        geometry: { type: 'Point' as const, coordinates: [l.longitude!, l.latitude!] },
        properties: {
          service_id: s.id,
          service: s.name,
          organization: o?.name ?? '',
          category: s.category,
          populations: s.populations,
          phones: s.phones.map((p) => p.number),
          location: l.name,
          city: l.address.city,
          admin_area: l.address.adminAreaCode,
          visibility: l.visibility,
        },
      })),
  ),
});
