import { describe, expect, it } from 'vitest';
import { areaByCode, profileFor } from './areas';
import { DEMO_MARKER, generateDemoDirectory } from './demo';
import { locationSchema, organizationSchema, serviceSchema } from './schema';

const opts = { office: 'ML-BKO-01', now: '2026-03-02T09:30:00Z' };
const demo = generateDemoDirectory(opts);
const { organizations, locations, services } = demo;

describe('generateDemoDirectory', () => {
  it('produces records already in their parsed, normalised form', () => {
    for (const o of organizations) expect(organizationSchema.parse(o)).toEqual(o);
    for (const l of locations) expect(locationSchema.parse(l)).toEqual(l);
    for (const s of services) expect(serviceSchema.parse(s)).toEqual(s);
  });

  it('has about 150 services from about 60 organisations', () => {
    expect(services.length).toBeGreaterThanOrEqual(140);
    expect(services.length).toBeLessThanOrEqual(170);
    expect(organizations.length).toBeGreaterThanOrEqual(45);
    expect(organizations.length).toBeLessThanOrEqual(75);
    expect(
      organizations.some((o) => services.filter((s) => s.organizationId === o.id).length > 1),
    ).toBe(true);
  });

  it('uses unique ids everywhere', () => {
    const ids = [
      ...organizations.map((o) => o.id),
      ...locations.map((l) => l.id),
      ...services.flatMap((s) => [
        s.id,
        ...s.phones.map((p) => p.id),
        ...s.contacts.map((c) => c.id),
      ]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every service its own name', () => {
    const names = services.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('marks every record as demo and owned by the office', () => {
    for (const r of [...organizations, ...locations, ...services]) {
      expect(r.demo).toBe(true);
      expect(r.office).toBe(opts.office);
      expect(r.deletedAt).toBeNull();
    }
  });

  it('starts every description with the fictional marker', () => {
    for (const r of [...organizations, ...services])
      expect(r.description.startsWith(DEMO_MARKER)).toBe(true);
    expect(DEMO_MARKER).toBe('Donnée fictive de démonstration.');
  });

  it('places every location in Mali, inside its region bbox', () => {
    for (const l of locations) {
      expect(l.address.country).toBe('ML');
      const area = areaByCode(l.address.adminAreaCode);
      expect(area, l.address.adminAreaCode).toBeDefined();
      const [s, w, n, e] = area!.bbox;
      expect(l.latitude).not.toBeNull();
      expect(
        l.latitude! >= s && l.latitude! <= n && l.longitude! >= w && l.longitude! <= e,
        l.name,
      ).toBe(true);
      expect(l.address.city).not.toBe('');
    }
  });

  it('covers every region of Mali, Bamako most', () => {
    const byRegion = new Map<string, number>();
    const locationById = new Map(locations.map((l) => [l.id, l]));
    for (const s of services) {
      const code = locationById.get(s.locationIds[0]!)!.address.adminAreaCode;
      byRegion.set(code, (byRegion.get(code) ?? 0) + 1);
    }
    // Records store ISO regions; Mali's regions of 2023 hold them through their cercles.
    for (const area of profileFor('ML')!.areas.filter((a) => a.formerParent === undefined))
      expect(byRegion.get(area.code) ?? 0, area.code).toBeGreaterThan(0);
    expect(Math.max(...byRegion.values())).toBe(byRegion.get('ML-BKO'));
  });

  it('resolves every organisation and location reference', () => {
    const orgIds = new Set(organizations.map((o) => o.id));
    const locationIds = new Set(locations.map((l) => l.id));
    for (const s of services) {
      expect(orgIds.has(s.organizationId)).toBe(true);
      expect(s.locationIds).toHaveLength(1);
      for (const id of s.locationIds) expect(locationIds.has(id)).toBe(true);
    }
    for (const l of locations) expect(orgIds.has(l.organizationId)).toBe(true);
  });

  it('has a realistic mix of categories, one national hotline, restricted shelters', () => {
    const count = (c: string) => services.filter((s) => s.category === c).length;
    expect(count('hotline')).toBe(1);
    expect(count('shelter') / services.length).toBeGreaterThan(0.15);
    expect(count('shelter') / services.length).toBeLessThan(0.25);
    const locationById = new Map(locations.map((l) => [l.id, l]));
    for (const s of services.filter((x) => x.category === 'shelter')) {
      expect(locationById.get(s.locationIds[0]!)!.visibility).toBe('restricted');
      expect(s.populations.length).toBeGreaterThan(0);
    }
    expect(locations.some((l) => l.visibility === 'partners')).toBe(true);
    expect(services.some((s) => s.lastVerified !== null)).toBe(true);
    expect(services.some((s) => s.lastVerified === null)).toBe(true);
  });

  it('uses Mali phone numbers and languages of the Mali profile', () => {
    const languages = new Set(profileFor('ML')!.languages);
    for (const s of services) {
      expect(s.phones.length).toBeGreaterThanOrEqual(1);
      expect(s.phones.length).toBeLessThanOrEqual(2);
      for (const p of s.phones) expect(p.number).toMatch(/^\+223( \d\d){4}$/);
      for (const l of s.languages) expect(languages.has(l)).toBe(true);
    }
  });

  it('has accented names for accent-insensitive search demos', () => {
    expect(services.some((s) => s.name.includes('Ségou'))).toBe(true);
    expect(services.some((s) => s.name.includes('Santé') || s.name.includes('santé'))).toBe(true);
  });

  it('is deterministic, and gives each office its own ids', () => {
    expect(generateDemoDirectory(opts)).toEqual(demo);
    const other = generateDemoDirectory({ ...opts, office: 'ML-SEG-01' });
    expect(other.services.map((s) => s.name)).toEqual(services.map((s) => s.name));
    expect(other.services[0]!.id).not.toBe(services[0]!.id);
  });
});
