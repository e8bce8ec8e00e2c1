/**
 * Mali's regions of 2023 in the directory's area filter: offered beside the ISO regions, and
 * holding the services of the cercles that formed them (records keep their ISO region).
 */
import { describe, expect, it } from 'vitest';
import { profileFor } from '@shared/domain/directory/areas';
import { EMPTY_FILTERS, filterMask, matchesFilters } from '@shared/domain/directory/filter';
import { demoViews } from '@shared/domain/exchange/testing';
import type { ServiceView } from '@shared/domain/directory/schema';
import { areaOptions } from './areaOptions';

const at = (view: ServiceView, adminAreaCode: string, districtCode?: string): ServiceView => ({
  ...view,
  locations: view.locations.map((l) => {
    const { districtCode: _drop, ...address } = l.address;
    return {
      ...l,
      address: { ...address, adminAreaCode, ...(districtCode ? { districtCode } : {}) },
    };
  }),
});

describe("the directory's area filter and Mali's regions of 2023", () => {
  const mali = areaOptions('ML', [], 'fr');

  it('offers the nine new regions after the eleven ISO areas, named in the interface language', () => {
    const codes = mali.regions.map((r) => r.code);
    expect(codes.slice(0, 11)).toEqual(expect.arrayContaining(['ML-1', 'ML-9', 'ML-10', 'ML-BKO']));
    // The nine of 2023 (listed in areaLookup.test.ts), in the data file's order.
    const successors = profileFor('ML')!.areas.filter((a) => a.formerParent !== undefined);
    expect(successors).toHaveLength(9);
    expect(codes.slice(11)).toEqual(successors.map((a) => a.code));
    expect(codes).toContain('ML_BANDIAGA');
    expect(mali.regions.find((r) => r.code === 'ML_DIOILA')?.name).toBe('Dioïla');
    // No sourced Arabic name: the official one, not a made-up translation.
    expect(areaOptions('ML', [], 'ar').regions.find((r) => r.code === 'ML_KITA')?.name).toBe(
      'Kita',
    );
    // Other countries are untouched.
    expect(areaOptions('MZ', [], 'pt').regions).toHaveLength(11);
  });

  it("offers a new region's former cercles as its districts; the ISO region keeps all its own", () => {
    expect(mali.districtsIn('ML_KOUTIALA').map((d) => d.code)).toEqual(['ML0304', 'ML0307']);
    expect(mali.districtsIn('ML-3')).toHaveLength(7);
    // Attaching a new district still goes by the listed parent only.
    expect(mali.districtsOf('ML_KOUTIALA')).toEqual([]);
    expect(mali.districtsIn('')).toEqual([]);
  });

  it('holds the services of its former cercles, not the rest of the ISO region', () => {
    const [one, two, three] = demoViews();
    const inKita = at(one!, 'ML-1', 'ML0105');
    const inKayes = at(two!, 'ML-1', 'ML0103');
    const noCercle = at(three!, 'ML-1');
    const kita = { ...EMPTY_FILTERS, region: 'ML_KITA' };
    expect(matchesFilters(inKita, kita)).toBe(true);
    expect(matchesFilters(inKayes, kita)).toBe(false);
    expect(matchesFilters(noCercle, kita)).toBe(false);
    // The ISO region still holds all three, as before.
    const kayes = { ...EMPTY_FILTERS, region: 'ML-1' };
    expect([...filterMask([inKita, inKayes, noCercle], kayes)]).toEqual([1, 1, 1]);
    // A cercle of another region is not in Kita even if a record names it under Kayes.
    expect(matchesFilters(at(one!, 'ML-1', 'ML0301'), kita)).toBe(false);
    // The district filter narrows within the new region.
    expect(matchesFilters(inKita, { ...kita, district: 'ML0105' })).toBe(true);
    expect(matchesFilters(inKita, { ...kita, district: 'ML0106' })).toBe(false);
  });
});
