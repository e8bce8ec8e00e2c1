import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../tests/fixtures/readWorkbook';
import { expectedGroups, threeWRows, threeWWorkbook } from '../../../tests/fixtures/threeW';
import { planFlat, previewFlat, readFlat } from './importFile';
import { testContext } from './testing';
import { distinctValues } from './valueMatch';

/** The issue's workbook had 24,089 rows; the e2e test takes that size, this one a quarter. */
const ROWS = 6_000;

describe('3W/5W operational presence', () => {
  it('HXL row used for the mapping and never read as data; hidden sheets listed; grouped by organisation × sector × region, stable ids', async () => {
    const rows = threeWRows(ROWS);
    const bytes = threeWWorkbook(rows);
    const t = await readFlat(
      { name: '3w.xlsx', bytes },
      'xlsx',
      { encoding: 'auto' },
      readWorkbook,
    );
    expect(t.sheet).toBe('3W_Data');
    expect(t.sheets!.filter((s) => s.hidden).map((s) => s.name)).toEqual([
      'Listes',
      'Admin1',
      'Admin2',
      'Secteurs',
      'Organisations',
      'Pivot',
    ]);
    expect(t.headerRow).toBe(1);
    expect(t.hxl![0]).toBe('#org+name');
    expect(t.rows).toHaveLength(ROWS);
    expect(t.rows[0]!.row).toBe(3);
    const mapping = previewFlat(t).suggested;
    expect(mapping).toMatchObject({
      organization: 0,
      category: 2,
      name: 3,
      region: 4,
      city: 6,
      status: 8,
    });

    const sectors = distinctValues(t.rows, mapping, 'ML').category!;
    expect(sectors.find((s) => s.value === 'VBG')!.match).toBeNull();
    expect(sectors.find((s) => s.value === 'Abris / AME')!.match).toEqual(['shelter']);
    const values = { category: { vbg: ['psychosocial'] } };

    const plan = planFlat(t, '3w.xlsx', 'xlsx', mapping, testContext(), undefined, {
      values,
      presence: true,
    });
    expect(plan.source.grouped).toBe(true);
    expect(plan.rowsRead).toBe(ROWS);
    expect(plan.rejectedRows).toEqual([]);
    expect(plan.services.length).toBe(expectedGroups(rows));
    expect(plan.services.length).toBeLessThan(2000);
    expect(plan.organizations).toHaveLength(37);
    const gao = plan.services.find(
      (s) => s.name === 'Santé — Gao' && s.organizationId === plan.organizations[0]!.id,
    );
    expect(gao).toBeDefined();
    const places = plan.locations.filter((l) => gao!.locationIds.includes(l.id));
    expect(new Set(places.map((l) => l.name))).toEqual(
      new Set(['Gao', 'Ansongo', 'Bourem'].filter((c) => places.some((p) => p.name === c))),
    );
    expect(places.every((l) => l.address.adminAreaCode === 'ML-7')).toBe(true);

    // The next month's workbook gives the same service ids: a re-import updates.
    const again = planFlat(t, '3w.xlsx', 'xlsx', mapping, testContext(), undefined, {
      values,
      presence: true,
    });
    expect(again.services.map((s) => s.id)).toEqual(plan.services.map((s) => s.id));

    // Without grouping: one service per row, rows repeating a service (same activity,
    // organisation and region) reported as duplicates within the file and imported once.
    const flat = planFlat(t, '3w.xlsx', 'xlsx', mapping, testContext(), undefined, { values });
    const dup = flat.issues.filter((i) => i.code === 'exchange.issue.duplicateInFile');
    expect(dup.length).toBeGreaterThan(0);
    expect(flat.services.length + dup.length).toBe(ROWS);
    const firstDup = dup[0]!;
    const original = t.rows.find((r) => r.row === Number(firstDup.fix))!;
    const repeated = t.rows.find((r) => r.row === firstDup.row)!;
    expect([repeated.cells[0], repeated.cells[3], repeated.cells[4]]).toEqual([
      original.cells[0],
      original.cells[3],
      original.cells[4],
    ]);
  }, 120_000);
});
