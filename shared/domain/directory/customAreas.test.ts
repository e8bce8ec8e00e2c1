import { describe, expect, it } from 'vitest';
import type { AreaDraft, CustomArea } from './customAreas';
import { areaProblem, customAreaRecord, toAdminArea, usableAreas } from './customAreas';
import { readAreaCsv } from './areaCsv';

const NOW = '2026-12-02T08:00:00.000Z';
let n = 0;
const meta = (office = 'BKO', now = NOW) => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  office,
  now,
  localId: `K${n}`,
});
const make = (d: AreaDraft, office?: string, now?: string): CustomArea =>
  customAreaRecord(d, meta(office, now));

describe('adding an area', () => {
  it('adds a 2021 Malian region with a local code, never an invented ISO code', () => {
    const draft: AreaDraft = { country: 'ML', level: 1, name: 'Bougouni' };
    expect(areaProblem(draft, [])).toBeUndefined();
    const r = make(draft);
    expect(r.code).toMatch(/^ML_K\d+$/);
    expect(r.iso).toBeUndefined();
    expect(toAdminArea(r).approximate).toBe(true);
  });

  it('adds a district under a reference region and places it there', () => {
    const r = make({
      country: 'MZ',
      level: 2,
      name: 'Distrito X',
      parent: 'MZ-P',
      pcode: 'MZ0199',
    });
    expect(r.code).toBe('MZ0199');
    expect(toAdminArea(r).center).toEqual([-12.51, 39.31]);
  });

  it.each<[AreaDraft, string]>([
    [{ country: 'ML', level: 1, name: ' ' }, 'areas.error.name'],
    [{ country: 'PK', level: 1, name: 'FATA', iso: 'PK-TA' }, 'areas.error.deprecated'],
    [{ country: 'ML', level: 1, name: 'Ségou bis', iso: 'ML-4' }, 'areas.error.exists'],
    [{ country: 'ML', level: 1, name: 'Ménaka bis', pcode: 'ML10' }, 'areas.error.exists'],
    [{ country: 'ML', level: 1, name: 'Elsewhere', iso: 'MZ-X' }, 'areas.error.iso'],
    [{ country: 'ML', level: 1, name: 'Bad', iso: 'ML01' }, 'areas.error.iso'],
    [{ country: 'ML', level: 2, name: 'Orphan', parent: 'MZ-P' }, 'areas.error.parent'],
    [{ country: 'ML', level: 2, name: 'Coded', parent: 'ML-4', iso: 'ML-77' }, 'areas.error.iso'],
  ])('refuses %j (%s)', (draft, error) => {
    expect(areaProblem(draft, [])?.error).toBe(error);
  });
});

describe('areas received from partners', () => {
  it('drops records shadowing a reference area, deprecated, crafted or duplicated', () => {
    const good = make({ country: 'ML', level: 1, name: 'Nioro', pcode: 'ML99' }, 'BKO', NOW);
    const later = make(
      { country: 'ML', level: 1, name: 'Copy', pcode: 'ML99' },
      'EVIL',
      '2026-12-03T00:00:00.000Z',
    );
    const shadow = { ...make({ country: 'ML', level: 1, name: 'x' }), code: 'ML-4', name: 'Gao' };
    const deprecated = {
      ...make({ country: 'PK', level: 1, name: 'x' }),
      code: 'PK-TA',
      iso: 'PK-TA',
    };
    const foreign = { ...make({ country: 'ML', level: 1, name: 'x' }), code: 'MZ_AAA' };
    const orphan = {
      ...make({ country: 'ML', level: 1, name: 'x' }),
      level: 2 as const,
      parent: 'ML-99',
    };
    const kept = usableAreas([later, shadow, deprecated, foreign, orphan, good]);
    expect(kept.map((k) => k.name)).toEqual(['Nioro']);
  });
});

describe('importing an area list', () => {
  it('reads ISO/P-code columns, resolves parents by code or name, and refuses bad rows', () => {
    const csv = [
      'name,level,parent,iso_code,pcode',
      'Cercle A,2,ML-4,,ML0499',
      'Cercle B,2,ML10,,', // parent given by P-code: Ménaka
      'Cercle C,2,Ségou,,', // parent by name
      'Dup,2,ML-4,,ML0499', // same P-code as row 2
      'Old,1,,PK-TA,',
      'Nowhere,2,ML-77,,',
    ].join('\n');
    const rows = readAreaCsv(csv, 'ML', []);
    expect(rows.map((r) => r.draft?.parent ?? r.error)).toEqual([
      'ML-4',
      'ML-9',
      'ML-4',
      'areas.error.exists',
      'areas.error.deprecated',
      'areas.error.parent',
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
