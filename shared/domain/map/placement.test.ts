import { describe, expect, it } from 'vitest';
import { areaByCode } from '../directory/areas';
import { generateDemoDirectory } from '../directory/demo';
import type { Location, ServiceView } from '../directory/schema';
import { haversineKm } from './geo';
import { placeServices, servicesNear } from './placement';

const demo = generateDemoDirectory({ office: 'BKO', now: '2026-11-23T10:00:00.000Z' });
const locations = new Map(demo.locations.map((l) => [l.id, l]));
const organizations = new Map(demo.organizations.map((o) => [o.id, o]));
const views: ServiceView[] = demo.services.map((service) => ({
  service,
  organization: organizations.get(service.organizationId),
  locations: service.locationIds.map((id) => locations.get(id)!),
}));
const restricted = demo.locations.filter((l) => l.visibility === 'restricted');

/** A location whose coordinates cannot be read: reading them fails the test. */
const sealed = (l: Location): Location => {
  const copy = { ...l };
  for (const key of ['latitude', 'longitude'] as const) {
    Object.defineProperty(copy, key, {
      enumerable: true,
      get: () => {
        throw new Error(`read ${key} of a restricted location`);
      },
    });
  }
  return copy;
};
const sealedViews = views.map((v) => ({
  ...v,
  locations: v.locations.map((l) => (l.visibility === 'restricted' ? sealed(l) : l)),
}));

describe('placeServices', () => {
  it('the demo has restricted shelters with true coordinates to hide', () => {
    expect(restricted.length).toBeGreaterThan(10);
    expect(restricted.every((l) => l.latitude !== null)).toBe(true);
  });

  it('draws restricted locations at their region centre, never reading their coordinates', () => {
    const { points, hidden, unplaced } = placeServices(sealedViews, 'region-centre');
    expect(hidden).toBe(0);
    expect(unplaced).toBe(0);
    expect(points).toHaveLength(demo.locations.length);
    for (const l of restricted) {
      const p = points.find((x) => x.locationId === l.id)!;
      expect(p.restricted).toBe(true);
      expect([p.lat, p.lon]).toEqual(areaByCode(l.address.adminAreaCode)!.center);
    }
    // The true coordinates appear nowhere in what the map receives.
    const serialized = JSON.stringify(points);
    for (const l of restricted) {
      expect(serialized).not.toContain(String(l.latitude));
      expect(serialized).not.toContain(String(l.longitude));
    }
  });

  it('leaves restricted locations out in the hidden mode', () => {
    const { points, hidden } = placeServices(sealedViews, 'hidden');
    expect(hidden).toBe(restricted.length);
    expect(points.some((p) => p.restricted)).toBe(false);
    const ids = new Set(restricted.map((l) => l.id));
    expect(points.some((p) => ids.has(p.locationId))).toBe(false);
  });

  it('draws public and partner locations where they are; counts those without coordinates', () => {
    const v = views.find((x) => x.locations[0]!.visibility === 'public')!;
    const l = v.locations[0]!;
    const noCoordinates = { ...v, locations: [{ ...l, latitude: null, longitude: null }] };
    expect(placeServices([v], 'hidden').points[0]).toMatchObject({
      lat: l.latitude,
      lon: l.longitude,
      restricted: false,
      name: v.service.name,
      category: v.service.category,
    });
    expect(placeServices([noCoordinates], 'region-centre')).toEqual({
      points: [],
      hidden: 0,
      unplaced: 1,
    });
  });

  it('hides a restricted location whose region is unknown rather than guess', () => {
    const v = views.find((x) => x.locations[0]!.visibility === 'restricted')!;
    const odd = {
      ...v,
      locations: [
        sealed({
          ...v.locations[0]!,
          address: { ...v.locations[0]!.address, adminAreaCode: 'ML-99' },
        }),
      ],
    };
    expect(placeServices([odd], 'region-centre')).toMatchObject({ points: [], hidden: 1 });
  });
});

describe('servicesNear', () => {
  const { points } = placeServices(views, 'region-centre');
  const segou: [number, number] = [13.43, -6.26];

  it('ranks each service once, nearest first, without the excluded one', () => {
    const near = servicesNear(points, segou, { limit: 10 });
    expect(near).toHaveLength(10);
    const kms = near.map((n) => n.km);
    expect([...kms].sort((a, b) => a - b)).toEqual(kms);
    expect(new Set(near.map((n) => n.item.serviceId)).size).toBe(10);
    expect(near[0]!.km).toBeCloseTo(haversineKm(segou, [near[0]!.item.lat, near[0]!.item.lon]));
    const first = near[0]!.item.serviceId;
    expect(
      servicesNear(points, segou, { exclude: first }).some((n) => n.item.serviceId === first),
    ).toBe(false);
  });

  it('ranks restricted services by their region centre, as drawn', () => {
    const shelter = servicesNear(points, segou, { limit: 500 }).find((n) => n.item.restricted)!;
    const centre = areaByCode(shelter.item.regionCode)!.center;
    expect(shelter.km).toBeCloseTo(haversineKm(segou, centre), 6);
  });
});
