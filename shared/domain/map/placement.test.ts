import { describe, expect, it } from 'vitest';
import type { Subject } from '../accounts/permissions';
import { ROLES } from '../accounts/roles';
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
const viewer: Subject = { role: 'viewer', shelterServiceIds: [] };
const as = (role: Subject['role'], shelterServiceIds: string[] = []): Subject => ({
  role,
  shelterServiceIds,
});

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
    const { points, hidden, unplaced } = placeServices(sealedViews, 'region-centre', viewer);
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
    const { points, hidden } = placeServices(sealedViews, 'hidden', viewer);
    expect(hidden).toBe(restricted.length);
    expect(points.some((p) => p.restricted)).toBe(false);
    const ids = new Set(restricted.map((l) => l.id));
    expect(points.some((p) => ids.has(p.locationId))).toBe(false);
  });

  it('draws public and partner locations where they are; counts those without coordinates', () => {
    const v = views.find((x) => x.locations[0]!.visibility === 'public')!;
    const l = v.locations[0]!;
    const noCoordinates = { ...v, locations: [{ ...l, latitude: null, longitude: null }] };
    expect(placeServices([v], 'hidden', viewer).points[0]).toMatchObject({
      lat: l.latitude,
      lon: l.longitude,
      restricted: false,
      name: v.service.name,
      category: v.service.category,
    });
    expect(placeServices([noCoordinates], 'region-centre', viewer)).toEqual({
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
    expect(placeServices([odd], 'region-centre', viewer)).toMatchObject({ points: [], hidden: 1 });
  });
});

describe('placeServices by role', () => {
  const restrictedView = views.find((x) => x.locations[0]!.visibility === 'restricted')!;
  const loc = restrictedView.locations[0]!;
  const centre = areaByCode(loc.address.adminAreaCode)!.center;
  const other = views.find(
    (x) => x !== restrictedView && x.locations[0]!.visibility === 'restricted',
  )!;

  it('draws restricted places where they are for the roles with the right, as confidential', () => {
    for (const role of ['administrator', 'coordinator', 'ministry_staff'] as const) {
      const [p] = placeServices([restrictedView], 'hidden', as(role)).points;
      expect(p).toMatchObject({ lat: loc.latitude, lon: loc.longitude, restricted: false });
      expect(p!.confidential).toBe(true);
    }
  });

  it('gives a shelter manager the true place of their own shelter only', () => {
    const manager = as('shelter_manager', [restrictedView.service.id]);
    const sealedOther = { ...other, locations: other.locations.map(sealed) };
    const { points } = placeServices([restrictedView, sealedOther], 'region-centre', manager);
    expect(points[0]).toMatchObject({ lat: loc.latitude, confidential: true, restricted: false });
    expect(points[1]).toMatchObject({ restricted: true, confidential: false });
    expect([points[1]!.lat, points[1]!.lon]).toEqual(
      areaByCode(other.locations[0]!.address.adminAreaCode)!.center,
    );
  });

  it('never reads restricted coordinates for roles without the right, nor for nobody', () => {
    const sealedOne = { ...restrictedView, locations: [sealed(loc)] };
    for (const subject of [viewer, as('shelter_manager', [other.service.id]), null]) {
      const [p] = placeServices([sealedOne], 'region-centre', subject).points;
      expect([p!.lat, p!.lon]).toEqual(centre);
      expect(p).toMatchObject({ restricted: true, confidential: false });
      expect(placeServices([sealedOne], 'hidden', subject)).toMatchObject({
        points: [],
        hidden: 1,
      });
    }
  });

  it('draws public places alike for every role', () => {
    const pub = views.find((x) => x.locations[0]!.visibility === 'public')!;
    const placed = ROLES.map((role) => placeServices([pub], 'hidden', as(role)).points);
    for (const points of placed) expect(points).toEqual(placed[0]);
    expect(placed[0]![0]!.confidential).toBe(false);
  });
});

describe('servicesNear', () => {
  const { points } = placeServices(views, 'region-centre', viewer);
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
