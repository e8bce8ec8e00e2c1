import { describe, expect, it } from 'vitest';
import ml from '../../../resources/areas/ML.json' with { type: 'json' };
import {
  areaByCode,
  areaByIso,
  areaByPcode,
  areaName,
  districtsOf,
  levelName,
  loadProfile,
  lookupArea,
  matchArea,
  matchDistrict,
  profileFor,
} from './areas';

const must = <T>(x: T | undefined): T => {
  if (x === undefined) throw new Error('missing');
  return x;
};

describe('ISO 3166-2 and P-code lookups', () => {
  it('keeps both numberings apart: ISO ML-9 and P-code ML10 are Ménaka', () => {
    expect(areaByIso('ML-9')?.name).toBe('Ménaka');
    expect(areaByPcode('ML10')?.name).toBe('Ménaka');
    expect(areaByIso('ML-9')).toBe(areaByPcode('ML10'));
    // Neither numbering is derived from the other: ML09 is Bamako, ML-10 is Taoudénit.
    expect(areaByPcode('ML09')?.code).toBe('ML-BKO');
    expect(areaByIso('ML-10')?.name).toBe('Taoudénit');
    expect(areaByPcode('ML-9')).toBeUndefined();
    expect(areaByIso('ML10')).toBeUndefined();
  });

  it('has Taoudénit with an ISO code and no P-code, both Malian regions flagged approximate', () => {
    const taoudenit = must(areaByIso('ml-10'));
    expect(taoudenit.pcode).toBeUndefined();
    expect(taoudenit.approximate).toBe(true);
    expect(must(areaByIso('ML-9')).approximate).toBe(true);
    expect(must(areaByIso('ML-4')).approximate).toBe(false);
    expect(districtsOf('ML-10')).toEqual([]);
  });

  it('finds Ménaka by either code and by name, and its cercles by P-code', () => {
    expect(lookupArea('ML-9')).toMatchObject({ ok: true, by: 'iso', area: { code: 'ML-9' } });
    expect(lookupArea('ml10')).toMatchObject({ ok: true, by: 'pcode', area: { code: 'ML-9' } });
    expect(matchArea(must(profileFor('ML')), 'menaka')?.code).toBe('ML-9');
    expect(districtsOf('ML-9').map((d) => d.pcode)).toEqual([
      'ML1001',
      'ML1002',
      'ML1003',
      'ML1004',
    ]);
    expect(areaByCode('ML1002')).toMatchObject({
      level: 2,
      parent: 'ML-9',
      name: 'Anderamboukane',
    });
  });

  it.each(['PK-TA', 'pk-ta', 'PK-NW', 'BH-16'])('refuses the deprecated code %s', (code) => {
    const found = lookupArea(code);
    expect(found.ok).toBe(false);
    expect(found).toMatchObject({ reason: 'deprecated' });
    expect(areaByIso(code)).toBeUndefined();
    expect(areaByCode(code)).toBeUndefined();
    expect(matchArea(must(profileFor(code.slice(0, 2))), code)).toBeUndefined();
  });

  it('never confuses ISO ML-10 (Taoudénit) with P-code ML10 (Ménaka) when matching text', () => {
    const mali = must(profileFor('ML'));
    expect(matchArea(mali, 'ML-10')?.name).toBe('Taoudénit');
    expect(matchArea(mali, 'ML10')?.name).toBe('Ménaka');
    expect(matchArea(mali, 'ml 10')).toBeUndefined(); // could be either: no guess
    expect(matchArea(mali, 'ml 4')?.name).toBe('Ségou'); // one meaning only
  });

  it('tells an unknown code from a deprecated one', () => {
    expect(lookupArea('ML-99')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('puts the former FATA agencies under Khyber Pakhtunkhwa as districts', () => {
    const kp = districtsOf('PK-KP').map((d) => d.name);
    expect(kp).toEqual(expect.arrayContaining(['Bajaur', 'Khyber', 'Kurram', 'Orakzai']));
  });

  it('finds a Mozambican district under its province and not under another', () => {
    const mz = must(profileFor('MZ'));
    const pemba = must(matchDistrict(mz, 'Cidade de Pemba'));
    expect(pemba).toMatchObject({ pcode: 'MZ0104', parent: 'MZ-P' });
    expect(matchDistrict(mz, 'Cidade de Pemba', 'MZ-N')).toBeUndefined();
  });
});

describe('names and levels per language', () => {
  it('gives sourced names and falls back to the official one', () => {
    expect(areaName(must(areaByIso('SA-01')), 'ar')).toBe('الرياض');
    expect(areaName(must(areaByIso('BH-13')), 'ar')).toBe('العاصمة');
    expect(areaName(must(areaByIso('MZ-Q')), 'pt')).toBe('Zambézia');
    expect(areaName(must(areaByIso('PK-PB')), 'ur')).toBe('پنجاب');
    expect(areaName(must(areaByIso('ML-4')), 'ar')).toBe('Ségou'); // no sourced Arabic name
  });

  it('names the levels of each country', () => {
    expect(levelName(must(profileFor('ML')), 2, 'fr')).toBe('Cercle');
    expect(levelName(must(profileFor('MZ')), 1, 'pt')).toBe('Província');
    expect(levelName(must(profileFor('MZ')), 2, 'pt')).toBe('Distrito');
  });
});

describe('loading a profile file', () => {
  const mutate = (f: (file: typeof ml) => void): unknown => {
    const copy = structuredClone(ml);
    f(copy);
    return copy;
  };

  it('loads the shipped file', () => {
    expect(loadProfile(ml).areas).toHaveLength(11);
  });

  it('refuses a file listing a deprecated code as an area', () => {
    const bad = mutate((f) => {
      f.deprecated = { 'ML-11': 'test' } as typeof f.deprecated;
      f.areas[0]!.code = 'ML-11';
      f.areas[0]!.iso = 'ML-11';
    });
    expect(() => loadProfile(bad)).toThrow(/deprecated/);
  });

  it('refuses a district whose parent is unknown, or a code of another country', () => {
    const orphan = mutate((f) => {
      const d = f.areas.find((a) => a.level === 2)!;
      d.parent = 'ML-77';
    });
    expect(() => loadProfile(orphan)).toThrow(/unknown parent/);
    const foreign = mutate((f) => {
      f.areas[0]!.code = 'MZ-P';
      f.areas[0]!.iso = 'MZ-P';
    });
    expect(() => loadProfile(foreign)).toThrow(/not in ML/);
  });

  it('refuses an ISO code that is not ISO-shaped (a P-code in the ISO field)', () => {
    const bad = mutate((f) => {
      f.areas[0]!.iso = 'ML01';
    });
    expect(() => loadProfile(bad)).toThrow();
  });
});
