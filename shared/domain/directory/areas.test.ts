import { describe, expect, it } from 'vitest';
import {
  BUNDLED_COUNTRY_FILES,
  COUNTRY_CODES,
  COUNTRY_PROFILES,
  areaByCode,
  areasContaining,
  loadProfile,
  matchArea,
  profileFor,
} from './areas';
import type { CountryProfile } from './areas';

const inBox = ([lat, lon]: [number, number], [s, w, n, e]: [number, number, number, number]) =>
  lat >= s && lat <= n && lon >= w && lon <= e;

const mali = (): CountryProfile => {
  const p = profileFor('ML');
  if (!p) throw new Error('no Mali profile');
  return p;
};

describe('country profiles', () => {
  // The app shapes the bundled files without validating them as it starts (issue 15): this is
  // where a broken file, or one with a field the schema would drop, is caught.
  it('builds every bundled file into exactly the profile its schema validates', () => {
    expect(BUNDLED_COUNTRY_FILES).toHaveLength(COUNTRY_CODES.length);
    expect(COUNTRY_PROFILES).toEqual(BUNDLED_COUNTRY_FILES.map(loadProfile));
  });

  it('has one profile per country code, in order', () => {
    expect(COUNTRY_PROFILES.map((p) => p.code)).toEqual([...COUNTRY_CODES]);
    expect(profileFor('ml')?.name.fr).toBe('Mali');
    expect(profileFor('FR')).toBeUndefined();
  });

  it('uses unique area codes prefixed by their country: ISO-shaped, or local for Mali 2023', () => {
    const codes = COUNTRY_PROFILES.flatMap((p) => p.areas.map((a) => a.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of COUNTRY_PROFILES) {
      for (const a of p.areas)
        expect(a.code).toMatch(
          a.formerParent === undefined
            ? new RegExp(`^${p.code}-[A-Z0-9]{1,3}$`)
            : new RegExp(`^${p.code}_[A-Z0-9]{1,8}$`),
        );
    }
  });

  it('puts every center inside its own bbox and its country bbox', () => {
    for (const p of COUNTRY_PROFILES) {
      expect(inBox(p.center, p.bbox), p.code).toBe(true);
      for (const a of p.areas) {
        const [s, w, n, e] = a.bbox;
        expect(s < n && w < e, a.code).toBe(true);
        expect(inBox(a.center, a.bbox), a.code).toBe(true);
        expect(inBox(a.center, p.bbox), a.code).toBe(true);
      }
    }
  });

  it('has the expected number of areas per country', () => {
    const counts = Object.fromEntries(COUNTRY_PROFILES.map((p) => [p.code, p.areas.length]));
    // Mali: Bamako, ten ISO regions and the nine regions of 2023 (local codes).
    expect(counts).toEqual({ ML: 20, MZ: 11, SA: 13, BH: 4, PK: 7 });
    const districts = Object.fromEntries(COUNTRY_PROFILES.map((p) => [p.code, p.districts.length]));
    expect(districts).toEqual({ ML: 53, MZ: 159, SA: 0, BH: 0, PK: 160 });
  });

  it('lists Bamako and the ten ISO regions of Mali, Ménaka and Taoudénit included', () => {
    const names = Object.fromEntries(mali().areas.map((a) => [a.code, a.name]));
    expect(names).toMatchObject({
      'ML-BKO': 'Bamako',
      'ML-1': 'Kayes',
      'ML-2': 'Koulikoro',
      'ML-3': 'Sikasso',
      'ML-4': 'Ségou',
      'ML-5': 'Mopti',
      'ML-6': 'Tombouctou',
      'ML-7': 'Gao',
      'ML-8': 'Kidal',
      'ML-9': 'Ménaka',
      'ML-10': 'Taoudénit',
    });
  });

  it('finds an area by code across profiles', () => {
    expect(areaByCode('ML-4')?.name).toBe('Ségou');
    expect(areaByCode('mz-mpm')?.name).toBe('Cidade de Maputo');
    expect(areaByCode('ML-99')).toBeUndefined();
  });
});

describe('matchArea', () => {
  it.each(['segou', 'SÉGOU', ' Ségou ', 'ML-4', 'ml-4', 'ml 4'])('matches %j to Ségou', (text) => {
    expect(matchArea(mali(), text)?.code).toBe('ML-4');
  });

  it('matches French and English names', () => {
    expect(matchArea(mali(), 'Tombouctou')?.code).toBe('ML-6');
    expect(matchArea(mali(), 'Timbuktu')?.code).toBe('ML-6');
  });

  it('matches across spelling variants and scripts in other profiles', () => {
    const pk = profileFor('PK');
    const sa = profileFor('SA');
    const mz = profileFor('MZ');
    if (!pk || !sa || !mz) throw new Error('missing profile');
    expect(matchArea(pk, 'gilgit baltistan')?.code).toBe('PK-GB');
    expect(matchArea(pk, 'Sindh')?.code).toBe('PK-SD');
    expect(matchArea(sa, 'hail')?.code).toBe('SA-06');
    expect(matchArea(sa, 'الرياض')?.code).toBe('SA-01');
    expect(matchArea(mz, 'Maputo')?.code).toBe('MZ-L');
    expect(matchArea(mz, 'zambezia')?.code).toBe('MZ-Q');
  });

  it('matches nothing for empty, unknown or other-country input', () => {
    expect(matchArea(mali(), '')).toBeUndefined();
    expect(matchArea(mali(), 'Paris')).toBeUndefined();
    expect(matchArea(mali(), 'MZ-P')).toBeUndefined();
  });
});

describe('areasContaining', () => {
  it('finds Ségou around its own center', () => {
    const segou = areaByCode('ML-4');
    if (!segou) throw new Error('no ML-4');
    const [lat, lon] = segou.center;
    expect(areasContaining(mali(), lat, lon).map((a) => a.code)).toContain('ML-4');
  });

  it('finds no Malian area for swapped latitude and longitude', () => {
    const [lat, lon] = [13.43, -6.26]; // Ségou town
    expect(areasContaining(mali(), lat, lon).map((a) => a.code)).toContain('ML-4');
    expect(areasContaining(mali(), lon, lat)).toEqual([]);
  });
});
