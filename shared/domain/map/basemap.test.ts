import { readFileSync, statSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { COUNTRY_PROFILES, areaByCode } from '../directory/areas';
import { decodeBasemap, regionAt } from './basemap';
import { inPolygons } from './geo';

const file = (name: string) => new URL(`../../../resources/map/${name}`, import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as Topology;
const basemap = decodeBasemap(read('regions.topo.json'), read('world.topo.json'));

describe('offline basemap', () => {
  it('is small enough to bundle', () => {
    const bytes = ['regions.topo.json', 'world.topo.json'].reduce(
      (sum, n) => sum + statSync(file(n)).size,
      0,
    );
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('has exactly one region per area of areas.ts (but Ménaka and Taoudénit), same names', () => {
    const coded = basemap.regionShapes.filter((r) => r.code !== '');
    const codes = coded.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const expected = COUNTRY_PROFILES.flatMap((p) =>
      p.areas.filter((a) => !a.approximate).map((a) => a.code),
    );
    expect([...codes].sort()).toEqual(expected.sort());
    for (const r of coded) {
      const area = areaByCode(r.code)!;
      expect(r.name).toBe(area.name);
      expect(r.country).toBe(r.code.slice(0, 2));
    }
  });

  it("contains each area's centre inside that area's own polygon", () => {
    for (const p of COUNTRY_PROFILES) {
      for (const a of p.areas.filter((x) => !x.approximate)) {
        expect(regionAt(basemap.regionShapes, a.center)?.code, a.code).toBe(a.code);
      }
    }
    // No polygon yet: their sourced centre lies in the region they were carved out of.
    expect(regionAt(basemap.regionShapes, areaByCode('ML-9')!.center)?.code).toBe('ML-7');
    expect(regionAt(basemap.regionShapes, areaByCode('ML-10')!.center)?.code).toBe('ML-6');
    // Mali's regions of 2023: their chef-lieu lies in the ISO region they were carved out of.
    const successors = COUNTRY_PROFILES.flatMap((p) => p.areas.filter((a) => a.formerParent));
    expect(successors).toHaveLength(9);
    for (const a of successors)
      expect(regionAt(basemap.regionShapes, a.center)?.code, a.code).toBe(a.formerParent);
  });

  it('finds the region of a town and nothing at sea', () => {
    expect(regionAt(basemap.regionShapes, [13.43, -6.26])?.name).toBe('Ségou');
    expect(regionAt(basemap.regionShapes, [-25.93, 32.6])?.code).toBe('MZ-MPM');
    expect(regionAt(basemap.regionShapes, [34.01, 71.58])?.code).toBe('PK-KP'); // Peshawar
    expect(regionAt(basemap.regionShapes, [32.9, 70.0])?.code).toBe('PK-KP'); // former FATA
    expect(regionAt(basemap.regionShapes, [0, 0])).toBeUndefined();
  });

  it('draws the rest of the world with ISO codes, without the profile countries', () => {
    const byCode = new Map(basemap.world.features.map((f) => [f.properties.a2, f]));
    for (const c of ['SN', 'BF', 'NE', 'DZ', 'TZ', 'ZA', 'YE', 'IR', 'IN', 'AF', 'QA']) {
      expect(byCode.has(c), c).toBe(true);
    }
    for (const c of ['ML', 'MZ', 'SA', 'BH', 'PK']) expect(byCode.has(c), c).toBe(false);
    const senegal = byCode.get('SN')!;
    const [lon, lat] = senegal.properties.label;
    const polygons =
      senegal.geometry.type === 'Polygon'
        ? [senegal.geometry.coordinates]
        : senegal.geometry.coordinates;
    expect(inPolygons([lat, lon], polygons)).toBe(true);
  });

  it('has boundary lines: inner region borders and the five country outlines', () => {
    expect(basemap.regionBorders.coordinates.length).toBeGreaterThan(20);
    expect(basemap.countryOutlines.coordinates.length).toBeGreaterThanOrEqual(5);
  });
});
