import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm, inBBox, inPolygons, nearest, smallestBy } from './geo';
import type { LatLon } from './geo';

const BAMAKO: LatLon = [12.6392, -8.0029];
const SEGOU: LatLon = [13.4317, -6.2157];
const latLon = fc.tuple(
  fc.double({ min: -90, max: 90, noNaN: true }),
  fc.double({ min: -180, max: 180, noNaN: true }),
);

describe('haversineKm', () => {
  it('gives known great-circle distances', () => {
    // Road distance is ~235 km; as the crow flies ~212 km.
    const km = haversineKm(BAMAKO, SEGOU);
    expect(km).toBeGreaterThan(200);
    expect(km).toBeLessThan(240);
    expect(km).toBeCloseTo(212, -1);
    // Paris–London, a figure found everywhere: 343.5 km.
    expect(haversineKm([48.8566, 2.3522], [51.5074, -0.1278])).toBeCloseTo(343.5, 0);
    // Karachi–Lahore ≈ 1,030 km.
    expect(haversineKm([24.8607, 67.0011], [31.5204, 74.3587])).toBeCloseTo(1030, -1);
  });

  it('is zero at the same point and half the circumference at the antipode', () => {
    expect(haversineKm(BAMAKO, BAMAKO)).toBe(0);
    expect(haversineKm([0, 0], [0, 180])).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(haversineKm([90, 0], [-90, 0])).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('is symmetric, bounded and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(latLon, latLon, latLon, (a, b, c) => {
        const ab = haversineKm(a, b);
        expect(ab).toBeCloseTo(haversineKm(b, a), 6);
        expect(ab).toBeGreaterThanOrEqual(0);
        // Near antipodes the haversine loses ~1e-5 km to rounding: a metre of slack.
        expect(ab).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-3);
        expect(ab).toBeLessThanOrEqual(haversineKm(a, c) + haversineKm(c, b) + 1e-3);
      }),
    );
  });
});

describe('nearest', () => {
  const towns: [string, LatLon | undefined][] = [
    ['Mopti', [14.49, -4.18]],
    ['Ségou', SEGOU],
    ['Kati', [12.74, -8.07]],
    ['nowhere', undefined],
    ['Kayes', [14.45, -11.44]],
  ];
  it('ranks by distance, skips items without a position and honours the limit', () => {
    const ranked = nearest(BAMAKO, towns, ([, p]) => p, 3);
    expect(ranked.map((r) => r.item[0])).toEqual(['Kati', 'Ségou', 'Kayes']);
    expect(ranked[0]!.km).toBeLessThan(15);
    expect(nearest(BAMAKO, towns, ([, p]) => p, 10)).toHaveLength(4);
  });
});

describe('inBBox / inPolygons', () => {
  const square = [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ],
  ];
  it('tests [lat, lon] points against [lon, lat] rings, holes excluded', () => {
    expect(inPolygons([2, 8], [square])).toBe(true);
    expect(inPolygons([5, 5], [square])).toBe(false); // in the hole
    expect(inPolygons([11, 5], [square])).toBe(false);
    expect(inBBox([12.6, -8], [12.54, -8.07, 12.71, -7.93])).toBe(true);
    expect(inBBox([-8, 12.6], [12.54, -8.07, 12.71, -7.93])).toBe(false);
  });
});

describe('smallestBy', () => {
  it('keeps the n smallest, in order, like a full sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), fc.nat(20), (xs, n) => {
        const sorted = [...xs].sort((a, b) => a - b).slice(0, n);
        expect(smallestBy(xs, (x) => x, n)).toEqual(sorted);
      }),
    );
  });
});
