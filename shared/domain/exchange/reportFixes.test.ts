import { describe, expect, it } from 'vitest';
import { noWorkbook } from '../../../tests/fixtures/readWorkbook';
import { planFlat, previewFlat, readFlat } from './importFile';
import { NO_CATEGORY, SWAPPED, applyCategory, applySwap, fixKindOf, rowsWith } from './reportFixes';
import { testContext } from './testing';

const enc = (s: string) => new TextEncoder().encode(s);

/** Mali: Ségou is near 13.4 N, 6.2 W; rows 3 and 4 have the two numbers the other way round. */
const CSV = [
  'Organisation;Nom;Région;Catégorie;Latitude;Longitude',
  'ONG A;Refuge;Ségou;shelter;13,4;-6,2',
  'ONG A;Clinique;Ségou;;-6,2;13,4',
  'ONG B;Écoute;Mopti;;-4,2;14,5',
  'ONG B;Juriste;Gao;legal;;',
].join('\n');

const plan = async () => {
  const t = await readFlat(
    { name: 'x.csv', bytes: enc(CSV) },
    'csv',
    { encoding: 'auto' },
    noWorkbook,
  );
  return planFlat(t, 'x.csv', 'csv', previewFlat(t).suggested, testContext());
};
const point = (p: Awaited<ReturnType<typeof plan>>, name: string) => {
  const s = p.services.find((x) => x.name === name)!;
  const l = p.locations.find((x) => x.id === s.locationIds[0])!;
  return [l.latitude, l.longitude];
};

describe('fixes offered in the report', () => {
  it('swapped points: the warning offers the fix, one click swaps one row, the other stays', async () => {
    const p = await plan();
    const swapped = p.issues.filter((i) => i.code === SWAPPED);
    expect(swapped.map((i) => i.row)).toEqual([3, 4]);
    expect(fixKindOf(swapped[0]!)).toBe('swap');
    const one = applySwap(p, new Set([3]));
    expect(point(one, 'Clinique')).toEqual([13.4, -6.2]);
    expect(point(one, 'Écoute')).toEqual([-4.2, 14.5]);
    expect(one.issues.filter((i) => i.code === SWAPPED).map((i) => i.row)).toEqual([4]);
    // The original plan is untouched (the user may discard).
    expect(point(p, 'Clinique')).toEqual([-6.2, 13.4]);
  });

  it('swapped points: apply to all fixes every row of the group and nothing else', async () => {
    const p = await plan();
    const all = applySwap(p, rowsWith(p, SWAPPED));
    expect(point(all, 'Clinique')).toEqual([13.4, -6.2]);
    expect(point(all, 'Écoute')).toEqual([14.5, -4.2]);
    expect(point(all, 'Refuge')).toEqual([13.4, -6.2]);
    expect(all.issues.some((i) => i.code === SWAPPED)).toBe(false);
    expect(all.issues.filter((i) => i.code === NO_CATEGORY)).toHaveLength(2);
  });

  it('rows without a category: choose one for all', async () => {
    const p = await plan();
    expect(fixKindOf(p.issues.find((i) => i.code === NO_CATEGORY)!)).toBe('category');
    const fixed = applyCategory(p, rowsWith(p, NO_CATEGORY), 'medical');
    const cat = Object.fromEntries(fixed.services.map((s) => [s.name, s.category]));
    expect(cat).toEqual({
      Refuge: 'shelter',
      Clinique: 'medical',
      Écoute: 'medical',
      Juriste: 'legal_aid',
    });
    expect(fixed.issues.some((i) => i.code === NO_CATEGORY)).toBe(false);
    // A value outside the list changes nothing.
    expect(applyCategory(p, rowsWith(p, NO_CATEGORY), 'bakery' as 'medical')).toBe(p);
  });

  it('errors offer no fix', () => {
    expect(fixKindOf({ code: SWAPPED, severity: 'error' })).toBeUndefined();
    expect(fixKindOf({ code: 'validation.phone', severity: 'warning' })).toBeUndefined();
  });
});
