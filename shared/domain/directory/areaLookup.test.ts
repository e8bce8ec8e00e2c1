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

describe("Mali's regions of 2023 (local codes, no ISO code)", () => {
  const mali = must(profileFor('ML'));
  const NEW = [
    'ML_NIORO',
    'ML_KITA',
    'ML_DIOILA',
    'ML_NARA',
    'ML_BOUGOUNI',
    'ML_KOUTIALA',
    'ML_SAN',
    'ML_DOUENTZA',
    'ML_BANDIAGA',
  ];

  it('lists the nine beside the eleven ISO areas, none with an ISO code or a P-code', () => {
    expect(mali.areas.map((a) => a.code)).toEqual(expect.arrayContaining(NEW));
    expect(mali.areas.filter((a) => a.iso !== undefined)).toHaveLength(11);
    for (const code of NEW) {
      const a = must(areaByCode(code));
      expect(a).toMatchObject({ level: 1, approximate: true });
      expect(a.iso).toBeUndefined();
      expect(a.pcode).toBeUndefined();
      // Its own code is never taken for an ISO code or a P-code.
      expect(areaByIso(code)).toBeUndefined();
      expect(areaByPcode(code)).toBeUndefined();
    }
  });

  it('finds Kita by its local code and by name, accents and case ignored', () => {
    expect(lookupArea('ML_KITA')).toMatchObject({ ok: true, by: 'code', area: { name: 'Kita' } });
    expect(lookupArea(' ml_kita ')).toMatchObject({ ok: true, area: { code: 'ML_KITA' } });
    expect(matchArea(mali, 'KITA')?.code).toBe('ML_KITA');
    expect(matchArea(mali, 'dioila')?.code).toBe('ML_DIOILA');
    expect(matchArea(mali, 'DIOÏLA')?.code).toBe('ML_DIOILA');
    expect(matchArea(mali, 'nioro-du-sahel')?.code).toBe('ML_NIORO');
    expect(matchArea(mali, 'ml kita')?.code).toBe('ML_KITA');
    // The cercle of the same name stays a level-2 area of its ISO region.
    expect(matchDistrict(mali, 'Kita')).toMatchObject({ code: 'ML0105', parent: 'ML-1' });
  });

  it('never invents an ISO code for them: the next ISO numbers find nothing', () => {
    for (const code of ['ML-11', 'ML-12', 'ML-19', 'ML-20']) {
      expect(areaByIso(code)).toBeUndefined();
      expect(lookupArea(code)).toEqual({ ok: false, reason: 'unknown' });
    }
  });

  it('keeps the old regions valid and says which one each new region came from', () => {
    const kita = must(areaByCode('ML_KITA'));
    expect(kita.formerParent).toBe('ML-1');
    expect(must(areaByIso('ML-1')).name).toBe('Kayes');
    const parents = Object.fromEntries(NEW.map((c) => [c, must(areaByCode(c)).formerParent]));
    expect(parents).toEqual({
      ML_NIORO: 'ML-1',
      ML_KITA: 'ML-1',
      ML_DIOILA: 'ML-2',
      ML_NARA: 'ML-2',
      ML_BOUGOUNI: 'ML-3',
      ML_KOUTIALA: 'ML-3',
      ML_SAN: 'ML-4',
      ML_DOUENTZA: 'ML-5',
      ML_BANDIAGA: 'ML-5',
    });
    // Each lies in the box of its former region, its centre (the chef-lieu) inside it.
    for (const code of NEW) {
      const a = must(areaByCode(code));
      const [s, w, n, e] = a.bbox;
      expect(a.bbox).toEqual(must(areaByCode(a.formerParent!)).bbox);
      expect(a.center[0] >= s && a.center[0] <= n && a.center[1] >= w && a.center[1] <= e).toBe(
        true,
      );
    }
  });

  it('names the cercles that formed a region, still listed under their ISO region', () => {
    expect(districtsOf('ML_BOUGOUNI').map((d) => d.name)).toEqual([
      'Bougouni',
      'Kolondieba',
      'Yanfolila',
    ]);
    for (const d of districtsOf('ML_BOUGOUNI')) expect(d.parent).toBe('ML-3');
    // Sikasso keeps all seven of its reference cercles.
    expect(districtsOf('ML-3')).toHaveLength(7);
  });

  it('still refuses deprecated codes, and a file that gives a new region an ISO code', () => {
    expect(lookupArea('PK-TA')).toMatchObject({ ok: false, reason: 'deprecated' });
    const withIso = structuredClone(ml) as unknown as {
      areas: Record<string, unknown>[];
    };
    const kita = withIso.areas.find((a) => a.code === 'ML_KITA')!;
    kita.iso = 'ML-12';
    expect(() => loadProfile(withIso)).toThrow();
    kita.code = 'ML-12';
    expect(() => loadProfile(withIso)).toThrow(/formerParent/);
  });

  it('refuses a successor naming an unknown or deprecated former region, or a foreign cercle', () => {
    const file = () =>
      structuredClone(ml) as unknown as { areas: Record<string, unknown>[]; deprecated: object };
    const bad = file();
    bad.areas.find((a) => a.code === 'ML_KITA')!.formerParent = 'ML-77';
    expect(() => loadProfile(bad)).toThrow(/unknown former parent/);
    const foreign = file();
    // ML0301 (Bougouni) was a cercle of Sikasso, not of Kayes.
    foreign.areas.find((a) => a.code === 'ML_KITA')!.formerDistricts = ['ML0301'];
    expect(() => loadProfile(foreign)).toThrow(/ML0301 was not a district of it/);
    const district = file();
    district.areas.find((a) => a.code === 'ML0105')!.formerParent = 'ML-1';
    expect(() => loadProfile(district)).toThrow();
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
    // Eleven ISO areas (ten regions and Bamako) and Mali's nine regions of 2023.
    expect(loadProfile(ml).areas).toHaveLength(20);
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
