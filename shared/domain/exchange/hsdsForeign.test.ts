import { describe, expect, it } from 'vitest';
import { hsds1Package, inconsistentRecords } from '../../../tests/fixtures/hsdsForeign';
import { planHsds } from './importFile';
import { testContext } from './testing';

const other = () => ({ ...testContext(), newId: () => crypto.randomUUID() });

describe('HSDS from other systems', () => {
  it('an HSDS 1.x package with non-UUID ids in a data/ folder is read; ids stable across imports', () => {
    const file = [{ name: 'export.zip', bytes: hsds1Package() }];
    const plan = planHsds(file, 'hsds-package', testContext());
    expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(plan.services.map((s) => s.name).sort()).toEqual([
      'Accueil de nuit',
      'Orientation juridique',
      'Écoute',
    ]);
    const night = plan.services.find((s) => s.name === 'Accueil de nuit')!;
    expect(night.url).toBe('https://www.kanuya.example/nuit');
    expect(night.hours).toBe('Monday 9:00am–5:00pm');
    expect(night.phones[0]!.number).toBe('+223 21 32 00 11');
    expect(plan.issues).toContainEqual(
      expect.objectContaining({
        code: 'exchange.issue.urlScheme',
        value: 'www.kanuya.example/nuit',
      }),
    );
    expect(plan.organizations.find((o) => o.name.startsWith('Association'))!.website).toBe(
      'https://www.kanuya.example',
    );
    const loc = plan.locations.find((l) => l.name === 'Bureau Fasoden')!;
    expect(loc.address.adminAreaCode).toBe('ML-5');
    // Same file, another run (random ids elsewhere): the same UUIDs, so a re-import updates.
    const again = planHsds(file, 'hsds-package', other());
    expect(again.services.map((s) => s.id).sort()).toEqual(plan.services.map((s) => s.id).sort());
    expect(again.organizations.map((o) => o.id).sort()).toEqual(
      plan.organizations.map((o) => o.id).sort(),
    );
    // Another office importing the same file gets its own ids (ownership is per office).
    const elsewhere = planHsds(file, 'hsds-package', { ...testContext(), office: 'GAO' });
    expect(elsewhere.services[0]!.id).not.toBe(plan.services[0]!.id);
  });

  it('a 2023 Malian region (Bandiagara) is read and stored as the ISO region it came from', () => {
    for (const named of ['Bandiagara', 'ML_BANDIAGA']) {
      const file = [{ name: 'export.zip', bytes: hsds1Package(named) }];
      const plan = planHsds(file, 'hsds-package', testContext());
      const loc = plan.locations.find((l) => l.name === 'Bureau Fasoden')!;
      expect(loc.address.adminAreaCode, named).toBe('ML-5');
      expect(plan.issues.filter((i) => i.code === 'exchange.issue.areaUnknown')).toEqual([]);
    }
  });

  it('a JSON of HSDS-like records in varying shapes: each unreadable record has its own line', () => {
    const plan = planHsds(
      [{ name: 'records.json', bytes: inconsistentRecords() }],
      'hsds-json',
      testContext(),
    );
    expect(plan.rowsRead).toBe(5);
    expect(plan.services.map((s) => s.name)).toEqual([
      'Clinique mobile',
      'Permanence juridique',
      'Centre d’écoute',
    ]);
    const names = new Map(plan.organizations.map((o) => [o.id, o.name]));
    expect(plan.services.map((s) => names.get(s.organizationId))).toEqual([
      'Santé pour tous (fictive)',
      'Droits Sahel (fictif)',
      'Écoute Bamako (fictive)',
    ]);
    expect(plan.services[0]!.url).toBe('https://sante.example');
    const coords = plan.locations.map((l) => [l.latitude, l.longitude]);
    expect(coords).toEqual([
      [12.64, -8],
      [12.65, -7.99],
    ]);
    expect(plan.rejectedRows).toEqual([4, 5]);
    const errors = plan.issues.filter((i) => i.severity === 'error');
    expect(errors).toContainEqual(
      expect.objectContaining({ row: 4, column: 'organization.name', code: 'validation.required' }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        row: 5,
        code: 'exchange.issue.recordUnreadable',
        value: 'reference, comment',
      }),
    );
  });
});
