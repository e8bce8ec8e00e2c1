import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { decodeBasemap, regionAt } from '../map/basemap';
import { COUNTRY_CODES, areaByCode, profileFor } from './areas';
import { demoMarker, generateDemoDirectory } from './demo';
import { DEMO_PACKS } from './demoPacks';
import { locationSchema, organizationSchema, serviceSchema } from './schema';

const read = (name: string): Topology =>
  JSON.parse(
    readFileSync(new URL(`../../../resources/map/${name}`, import.meta.url), 'utf8'),
  ) as Topology;
const basemap = decodeBasemap(read('regions.topo.json'), read('world.topo.json'));
const NOW = '2026-12-02T08:00:00Z';

describe.each(COUNTRY_CODES)('demo directory of %s', (country) => {
  const demo = generateDemoDirectory({ office: 'OFF', now: NOW, country });
  const locationById = new Map(demo.locations.map((l) => [l.id, l]));
  const pack = DEMO_PACKS[country];

  it('parses, and every record is marked fictional in the pack language', () => {
    for (const o of demo.organizations) expect(organizationSchema.parse(o)).toEqual(o);
    for (const l of demo.locations) expect(locationSchema.parse(l)).toEqual(l);
    for (const s of demo.services) expect(serviceSchema.parse(s)).toEqual(s);
    for (const r of [...demo.organizations, ...demo.services]) {
      expect(r.demo).toBe(true);
      expect(r.description.startsWith(demoMarker(country))).toBe(true);
    }
    expect(new Set(demo.services.map((s) => s.name)).size).toBe(demo.services.length);
  });

  it('places every town inside its own region polygon, and locations in the region box', () => {
    for (const region of pack.regions)
      for (const [name, lat, lon] of region.towns) {
        const area = areaByCode(region.code);
        // Ménaka and Taoudénit have no polygon: their towns lie in the region they left.
        const expected = area?.approximate
          ? { 'ML-9': 'ML-7', 'ML-10': 'ML-6' }[region.code]
          : region.code;
        expect(regionAt(basemap.regionShapes, [lat, lon])?.code, name[0]).toBe(expected);
      }
    for (const l of demo.locations) {
      expect(l.address.country).toBe(country);
      const [s, w, n, e] = areaByCode(l.address.adminAreaCode)!.bbox;
      expect(l.latitude! >= s && l.latitude! <= n && l.longitude! >= w && l.longitude! <= e).toBe(
        true,
      );
      if (l.address.districtCode)
        expect(areaByCode(l.address.districtCode)?.parent).toBe(l.address.adminAreaCode);
    }
  });

  it('covers every first-level area and uses only unassigned phone ranges', () => {
    const covered = new Set(demo.locations.map((l) => l.address.adminAreaCode));
    expect([...covered].sort()).toEqual(
      // Records store ISO regions (Mali's regions of 2023 hold them through their cercles).
      profileFor(country)!
        .areas.filter((a) => a.formerParent === undefined)
        .map((a) => a.code)
        .sort(),
    );
    const prefix = profileFor(country)!.phonePrefix.replace('+', '\\+');
    for (const s of demo.services)
      for (const p of [...s.phones.map((x) => x.number), ...s.contacts.map((c) => c.phone)])
        expect(p).toMatch(new RegExp(`^${prefix} 0`));
  });

  it('has shelters for girls and for several populations', () => {
    const shelters = demo.services.filter((s) => s.category === 'shelter');
    expect(shelters.some((s) => s.populations.includes('girls'))).toBe(true);
    const populations = new Set(shelters.flatMap((s) => s.populations));
    expect(populations.size).toBeGreaterThanOrEqual(3);
    for (const s of shelters)
      expect(locationById.get(s.locationIds[0]!)!.visibility).toBe('restricted');
  });
});

describe('names per language', () => {
  it('names Gulf services in Arabic with an English alternate name', () => {
    for (const country of ['SA', 'BH']) {
      const { services } = generateDemoDirectory({ office: 'OFF', now: NOW, country });
      for (const s of services) {
        expect(s.name).toMatch(/[\u0600-\u06ff]/);
        expect(s.alternateName).toMatch(/^[\x20-\x7e–’']+$/);
      }
    }
  });

  it('names Pakistani services in English with an Urdu alternate name', () => {
    const { services } = generateDemoDirectory({ office: 'OFF', now: NOW, country: 'PK' });
    for (const s of services) expect(s.alternateName).toMatch(/[\u0600-\u06ff]/);
  });

  it('names Mozambican services in Portuguese, never glued to an article', () => {
    const { services, locations } = generateDemoDirectory({
      office: 'OFF',
      now: NOW,
      country: 'MZ',
    });
    expect(services.some((s) => s.name.startsWith('Casa de Acolhimento'))).toBe(true);
    expect(services.every((s) => s.alternateName === '')).toBe(true);
    expect(locations.some((l) => l.address.districtCode === 'MZ0104')).toBe(true); // Cidade de Pemba
  });

  it('gives each office of a country its own ids, and two countries distinct content', () => {
    const a = generateDemoDirectory({ office: 'A', now: NOW, country: 'MZ' });
    const b = generateDemoDirectory({ office: 'B', now: NOW, country: 'MZ' });
    expect(a.services.map((s) => s.name)).toEqual(b.services.map((s) => s.name));
    expect(a.services[0]!.id).not.toBe(b.services[0]!.id);
    const ml = generateDemoDirectory({ office: 'A', now: NOW, country: 'ML' });
    expect(ml.services[0]!.id).not.toBe(a.services[0]!.id);
  });
});
