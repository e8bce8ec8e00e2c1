import { describe, expect, it } from 'vitest';
import type { AreaEntry } from './areaMatch';
import { matchAreaEntry } from './areaMatch';
import { repairMojibake } from './mojibake';
import { columnDateOrder, fromExcelSerial, parseDate } from './dates';
import { autoMatch, resolveValue, valueKey, valueMapSchema } from './valueMatch';

/** Mali level 1 with OCHA P-codes, paired with ISO codes as in the areas README. */
const MALI: AreaEntry[] = [
  ['ML-1', 'ML01', 'Kayes'],
  ['ML-2', 'ML02', 'Koulikoro'],
  ['ML-3', 'ML03', 'Sikasso'],
  ['ML-4', 'ML04', 'Ségou', 'Segou'],
  ['ML-5', 'ML05', 'Mopti'],
  ['ML-6', 'ML06', 'Tombouctou', 'Timbuktu'],
  ['ML-7', 'ML07', 'Gao'],
  ['ML-8', 'ML08', 'Kidal'],
  ['ML-BKO', 'ML09', 'Bamako'],
  ['ML-9', 'ML10', 'Ménaka', 'Menaka'],
].map(([code, pcode, ...names]) => ({ code: code!, pcode: pcode!, names }));

describe('area matching', () => {
  it('reads ISO codes, P-codes and names in any case or accent', () => {
    const code = (t: string) => matchAreaEntry(MALI, t)?.code;
    expect(code('ML07')).toBe('ML-7');
    expect(code('ml10')).toBe('ML-9');
    expect(code('Ménaka')).toBe('ML-9');
    expect(code('MENAKA')).toBe('ML-9');
    expect(code('GAO')).toBe('ML-7');
    expect(code('ML 4')).toBe('ML-4');
    expect(code('Région de Ségou')).toBe('ML-4');
    expect(code('District de Bamako')).toBe('ML-BKO');
    expect(code('Atlantide')).toBeUndefined();
  });

  it('refuses retired and bogus codes instead of guessing', () => {
    for (const c of ['PK-TA', 'PK-NW', 'BH-19', 'BH-16'])
      expect(autoMatch('region', c, c.slice(0, 2))).toBeUndefined();
    expect(autoMatch('region', 'PK-KP', 'PK')).toEqual(['PK-KP']);
  });

  it('Maputo City and Maputo province stay apart, in either word order', () => {
    expect(autoMatch('region', 'Maputo Cidade', 'MZ')).toEqual(['MZ-MPM']);
    expect(autoMatch('region', 'Maputo City', 'MZ')).toEqual(['MZ-MPM']);
    expect(autoMatch('region', 'Maputo', 'MZ')).toEqual(['MZ-L']);
    expect(autoMatch('region', 'Província de Maputo', 'MZ')).toEqual(['MZ-L']);
  });

  it('countries by name in four languages; others are not guessed', () => {
    expect(autoMatch('country', 'Moçambique', 'ML')).toEqual(['MZ']);
    expect(autoMatch('country', 'مالي', 'ML')).toEqual(['ML']);
    expect(autoMatch('country', 'United States', 'ML')).toBeUndefined();
  });
});

describe('dates', () => {
  it('Excel serials and ISO text', () => {
    expect(fromExcelSerial(45628)).toBe('2024-12-02');
    expect(parseDate('45628')).toEqual({ iso: '2024-12-02', ambiguous: false });
    expect(parseDate('2024-03-04')).toEqual({ iso: '2024-03-04', ambiguous: false });
    expect(parseDate('31/02/2024')).toBeUndefined();
  });

  it('day first unless the column proves otherwise; a date that reads both ways is flagged', () => {
    expect(parseDate('12/10/2024')).toEqual({ iso: '2024-10-12', ambiguous: true });
    const fr = columnDateOrder(['12/10/2024', '25/11/2024']);
    expect(fr).toEqual({ order: 'dmy', proven: true });
    expect(parseDate('12/10/2024', fr.order, fr.proven)).toEqual({
      iso: '2024-10-12',
      ambiguous: false,
    });
    const us = columnDateOrder(['12/10/2024', '12/31/2024']);
    expect(us).toEqual({ order: 'mdy', proven: true });
    expect(parseDate('12/10/2024', us.order, us.proven)!.iso).toBe('2024-12-10');
    expect(parseDate('05/05/2024')!.ambiguous).toBe(false);
  });
});

describe('hostile values', () => {
  it('"__proto__" and "constructor" in a file are plain unknown values', () => {
    const values = { category: Object.fromEntries([[valueKey('__proto__'), ['shelter']]]) };
    expect(resolveValue('category', 'hasOwnProperty', values, 'ML')).toBeUndefined();
    expect(resolveValue('category', '__proto__', values, 'ML')).toEqual(['shelter']);
    expect(resolveValue('category', 'constructor', values, 'ML')).toBeUndefined();
    expect(resolveValue('populations', '__proto__', {}, 'ML')).toBeUndefined();
    expect(valueMapSchema.safeParse({ category: { x: [1] } }).success).toBe(false);
  });
});

describe('mojibake', () => {
  it('proposes the repaired text for UTF-8 read twice, leaves real text alone', () => {
    expect(repairMojibake('MÃ©XICO')).toBe('MéXICO');
    expect(repairMojibake('Centre dâ€™Ã©coute')).toBe('Centre d’écoute');
    expect(repairMojibake('SÃ©gou')).toBe('Ségou');
    expect(repairMojibake('Ségou')).toBeUndefined();
    expect(repairMojibake('Ã la maison')).toBeUndefined();
  });
});
