import { describe, expect, it } from 'vitest';
import { dateOrder, formatTypedDate, hijriDate, latinDigits, parseTypedDate } from './dates';

describe('dates in the interface language', () => {
  it('takes the day/month/year order from the locale, not the browser', () => {
    expect(dateOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(dateOrder('pt')).toEqual(['day', 'month', 'year']);
    expect(dateOrder('en-GB')).toEqual(['day', 'month', 'year']);
    expect(dateOrder('en-US')).toEqual(['month', 'day', 'year']);
    expect(dateOrder('ar')).toEqual(['day', 'month', 'year']);
  });

  it('reads typed dates in that order, in ISO, and with Arabic-Indic digits', () => {
    const dmy = dateOrder('fr');
    expect(parseTypedDate('23/11/2026', dmy)).toBe('2026-11-23');
    expect(parseTypedDate('3.2.26', dmy)).toBe('2026-02-03');
    expect(parseTypedDate('2026-11-23', dmy)).toBe('2026-11-23');
    expect(parseTypedDate('11/23/2026', dateOrder('en-US'))).toBe('2026-11-23');
    expect(parseTypedDate('٢٣/١١/٢٠٢٦', dateOrder('ar'))).toBe('2026-11-23');
    expect(latinDigits('۲۰۲۶')).toBe('2026');
  });

  it('refuses what is not a calendar date', () => {
    const dmy = dateOrder('fr');
    for (const bad of ['31/02/2026', '11/23/2026', '23/11', 'hier', '', '23/11/202', '0/1/2026'])
      expect(parseTypedDate(bad, dmy), bad).toBeUndefined();
    expect(parseTypedDate('29/02/2028', dmy)).toBe('2028-02-29');
  });

  it('writes the field in the order and digits of the locale', () => {
    expect(formatTypedDate('2026-11-23', dateOrder('fr'), 'fr')).toBe('23/11/2026');
    expect(formatTypedDate('2026-11-23', dateOrder('en-US'), 'en-US')).toBe('11/23/2026');
    expect(formatTypedDate('2026-11-23', dateOrder('ar'), 'ar-u-nu-arab')).toBe('٢٣/١١/٢٠٢٦');
    expect(formatTypedDate('2026-11-23', dateOrder('ar'), 'ar-u-nu-latn')).toBe('23/11/2026');
    expect(formatTypedDate('', dateOrder('fr'), 'fr')).toBe('');
  });

  it('gives the Umm al-Qura date (1 Ramadan 1447 is 18 February 2026)', () => {
    const h = hijriDate('2026-02-18', 'ar-u-nu-latn');
    expect(h).toContain('رمضان');
    expect(h).toContain('1447');
    expect(h).toMatch(/^1 /);
  });
});
