import { describe, expect, it } from 'vitest';
import { frenchOfficeSheet, portugueseOfficeSheet } from '../../../tests/fixtures/officeSheets';
import { readWorkbook } from '../../../tests/fixtures/readWorkbook';
import { POPULATIONS } from '../directory/schema';
import { planFlat, previewFlat, readFlat } from './importFile';
import { testContext } from './testing';
import { distinctValues } from './valueMatch';

const read = (name: string, bytes: Uint8Array) =>
  readFlat({ name, bytes }, 'xlsx', { encoding: 'auto' }, readWorkbook);

describe('office sheets as people make them', () => {
  it('French sheet: title and instruction rows skipped, merged organisation filled down', async () => {
    const t = await read('annuaire.xlsx', frenchOfficeSheet());
    expect(t.headerRow).toBe(3);
    expect(t.rows[0]!.row).toBe(5);
    expect(t.rows.length).toBe(10);
    expect(t.sheets).toEqual([
      { name: 'Annuaire', hidden: false, rows: 14 },
      { name: 'Listes', hidden: true, rows: 2 },
    ]);
    const p = previewFlat(t);
    expect(p.suggested).toMatchObject({
      organization: 0,
      name: 1,
      category: 2,
      populations: 3,
      languages: 4,
      phones: 5,
      region: 6,
      city: 7,
      verified_date: 8,
      status: 9,
    });
    expect(t.rows.slice(0, 3).map((r) => r.cells[0])).toEqual(
      Array(3).fill('Association Lumière du Sahel'),
    );
    // "N/A" and "-" are empty.
    expect(t.rows[4]!.cells[9]).toBe('');
    expect(t.rows[5]!.cells[4]).toBe('');
  });

  it('French values matched in the office words; the one unknown names the allowed values', async () => {
    const t = await read('annuaire.xlsx', frenchOfficeSheet());
    const mapping = previewFlat(t).suggested;
    const values = distinctValues(t.rows, mapping, 'ML');
    const cat = new Map(values.category!.map((v) => [v.value, v]));
    expect(cat.get('Hébergement')).toEqual({ value: 'Hébergement', rows: 2, match: ['shelter'] });
    expect(cat.get('Ligne verte')!.match).toEqual(['hotline']);
    expect(cat.get('Santé')!.match).toEqual(['medical']);
    expect(cat.get('Police')!.match).toEqual(['law_enforcement']);
    expect(cat.get('Cuisine collective')!.match).toBeNull();
    const pop = new Map(values.populations!.map((v) => [v.value, v.match]));
    expect(pop.get('Tous')).toEqual([...POPULATIONS]);
    expect(pop.get('Enfants')).toEqual(['girls', 'boys']);
    const reg = new Map(values.region!.map((v) => [v.value, v.match]));
    // "Ségou" and "SEGOU" are one value (accents and case ignored), counted together.
    expect(values.region!.find((v) => v.value === 'Ségou')).toEqual({
      value: 'Ségou',
      rows: 2,
      match: ['ML-4'],
    });
    expect(reg.get('ML-4')).toEqual(['ML-4']);
    expect(reg.get('GAO')).toEqual(['ML-7']);
    expect(reg.get('Région de Mopti')).toEqual(['ML-5']);

    const plan = planFlat(t, 'annuaire.xlsx', 'xlsx', mapping, testContext());
    expect(plan.rejectedRows).toEqual([12]);
    const refused = plan.issues.find((i) => i.row === 12 && i.severity === 'error')!;
    expect(refused).toMatchObject({
      column: 'Type de service',
      value: 'Cuisine collective',
      code: 'exchange.issue.notAllowed',
      field: 'category',
    });
    expect(refused.allowed).toContain('shelter');
    expect(plan.services).toHaveLength(9);

    // Choosing a category for it in the value step lets the row through.
    const chosen = planFlat(t, 'annuaire.xlsx', 'xlsx', mapping, testContext(), undefined, {
      values: { category: { 'cuisine collective': ['social_services'] } },
    });
    expect(chosen.rejectedRows).toEqual([]);
    expect(chosen.services).toHaveLength(10);
    const first = chosen.services[0]!;
    expect(first).toMatchObject({
      category: 'shelter',
      populations: ['women', 'girls'],
      languages: ['fr', 'bm'],
      lastVerified: { date: '2024-12-02' },
    });
    expect(chosen.services[1]!.lastVerified!.date).toBe('2024-10-12');
    expect(chosen.services[3]!.lastVerified!.date).toBe('2024-09-03');
    expect(chosen.services[5]!.status).toBe('temporarily closed');
    expect(chosen.organizations).toHaveLength(4);
  });

  it('Portuguese sheet: Abrigo, Todos, Maputo Cidade and Protecção all read', async () => {
    const t = await read('directorio.xlsx', portugueseOfficeSheet());
    const mapping = previewFlat(t).suggested;
    const ctx = { ...testContext(), country: 'MZ' };
    const plan = planFlat(t, 'directorio.xlsx', 'xlsx', mapping, ctx);
    expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(plan.services.map((s) => s.category)).toEqual([
      'shelter',
      'legal_aid',
      'social_services',
      'hotline',
      'medical',
      'psychosocial',
    ]);
    const areas = plan.services.map(
      (s) => plan.locations.find((l) => l.id === s.locationIds[0])!.address.adminAreaCode,
    );
    expect(areas).toEqual(['MZ-N', 'MZ-N', 'MZ-MPM', 'MZ-MPM', 'MZ-S', 'MZ-P']);
    expect(plan.services[0]!.languages).toEqual(['pt', 'vmw']);
    expect(plan.services[2]!.populations).toEqual(['girls', 'boys']);
    expect(plan.services[1]!.lastVerified!.date).toBe('2024-12-02');
  });
});

describe('places checked like the editor checks them', () => {
  it('swapped coordinates and points abroad are warnings with the fix; bogus area codes are refused', async () => {
    const csv = [
      'Organisation;Nom;Région;Latitude;Longitude;Pays',
      'ONG A;Refuge;Ségou;13,43;-6,26;Mali',
      'ONG A;Écoute;Ségou;-6,26;13,43;Mali',
      'ONG B;Clinique;;34,05;-118,24;ML',
      'ONG C;Bureau;PK-TA;;;Pakistan',
      'ONG D;Antenne;Gao;;;United States',
    ].join('\n');
    const t = await readFlat(
      { name: 'p.csv', bytes: new TextEncoder().encode(csv) },
      'csv',
      { encoding: 'auto' },
      readWorkbook,
    );
    const plan = planFlat(t, 'p.csv', 'csv', previewFlat(t).suggested, testContext());
    const at = (row: number) =>
      plan.issues.filter((i) => i.row === row && i.code !== 'exchange.issue.defaultCategory');
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([
      expect.objectContaining({
        code: 'exchange.issue.coordSwapped',
        fix: '13.43, -6.26',
        severity: 'warning',
      }),
    ]);
    expect(at(4)).toEqual([
      expect.objectContaining({ code: 'exchange.issue.coordOutsideCountry', severity: 'warning' }),
    ]);
    expect(at(5)).toEqual([
      expect.objectContaining({
        code: 'exchange.issue.notAllowed',
        column: 'Région',
        value: 'PK-TA',
      }),
    ]);
    expect(at(5)[0]!.allowed).toContain('PK-KP');
    expect(at(6)).toEqual([
      expect.objectContaining({
        code: 'exchange.issue.notAllowed',
        column: 'Pays',
        value: 'United States',
        allowed: ['ML', 'MZ', 'SA', 'BH', 'PK'],
      }),
    ]);
    expect(plan.rejectedRows).toEqual([5, 6]);
  });
});

describe('text read twice as UTF-8', () => {
  it('is flagged in the report with the repaired text, and the row still imports', async () => {
    const csv = 'Organisation;Nom;Ville\nAssociation SÃ©nou;Centre dâ€™Ã©coute;Bamako\n';
    const t = await readFlat(
      { name: 'm.csv', bytes: new TextEncoder().encode(csv) },
      'csv',
      { encoding: 'auto' },
      readWorkbook,
    );
    const plan = planFlat(t, 'm.csv', 'csv', previewFlat(t).suggested, testContext());
    expect(plan.services).toHaveLength(1);
    const moji = plan.issues.filter((i) => i.code === 'exchange.issue.mojibake');
    expect(moji.map((i) => [i.column, i.fix])).toEqual([
      ['Organisation', 'Association Sénou'],
      ['Nom', 'Centre d’écoute'],
    ]);
  });
});
