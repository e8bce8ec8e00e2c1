/**
 * The import's area matching reads the same area data as every screen (resources/areas via
 * the country profiles): every region with its P-code and names in every language, and the
 * districts under their region.
 */
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, profileFor } from '../directory/areas';
import { allowedCodes, areasFor, autoMatch } from './valueMatch';

describe('areasFor uses the area data files', () => {
  it('has every region and district of every country, P-codes included', () => {
    for (const c of COUNTRY_CODES) {
      const p = profileFor(c)!;
      const list = areasFor(c);
      expect(list).toHaveLength(p.areas.length + p.districts.length);
      for (const a of p.areas) {
        // Records store ISO regions: Mali's regions of 2023 give the one they came from.
        const stored = a.formerParent ?? a.code;
        expect(autoMatch('region', a.code, c)).toEqual([stored]);
        if (a.pcode) expect(autoMatch('region', a.pcode, c)).toEqual([stored]);
        for (const n of Object.values(a.names)) expect(autoMatch('region', n, c)).toEqual([stored]);
      }
      // The drop-down offers each region records can store once, districts never.
      expect(allowedCodes('region', c)).toEqual(
        p.areas.filter((a) => a.formerParent === undefined).map((a) => a.code),
      );
    }
  });

  it('a district name or P-code in a region column gives its region', () => {
    const ml = profileFor('ML')!;
    const district = ml.districts.find((d) => d.pcode === 'ML0101')!;
    expect(autoMatch('region', 'ML0101', 'ML')).toEqual([district.parent]);
    expect(autoMatch('region', district.name.toUpperCase(), 'ML')).toEqual([district.parent]);
    const mz = profileFor('MZ')!.districts[0]!;
    expect(autoMatch('region', mz.pcode!, 'MZ')).toEqual([mz.parent]);
  });

  it('a 2023 Malian region in a region column is stored as its former ISO region', () => {
    expect(autoMatch('region', 'Région de Kita', 'ML')).toEqual(['ML-1']);
    expect(autoMatch('region', 'ml_bougouni', 'ML')).toEqual(['ML-3']);
    expect(autoMatch('region', 'DIOILA', 'ML')).toEqual(['ML-2']);
    // Never an ISO code made up from the new regions' numbers.
    expect(autoMatch('region', 'ML-12', 'ML')).toBeUndefined();
  });

  it('names in Arabic and Portuguese from the data match too', () => {
    const sa = profileFor('SA')!.areas.find((a) => a.names.ar)!;
    expect(autoMatch('region', sa.names.ar!, 'SA')).toEqual([sa.code]);
    const mz = profileFor('MZ')!.areas.find((a) => a.names.pt && a.names.pt !== a.name);
    if (mz) expect(autoMatch('region', mz.names.pt!, 'MZ')).toEqual([mz.code]);
  });

  it('codes the data file marks deprecated are refused, not guessed', () => {
    for (const code of Object.keys(profileFor('PK')!.deprecated))
      expect(autoMatch('region', code, 'PK')).toBeUndefined();
  });
});
