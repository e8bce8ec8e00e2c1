import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { areas, catalogues } from './catalogues';
import { LOCALES } from './define';

describe('i18n catalogues', () => {
  it('every locale has exactly the French keys, none empty', () => {
    const keys = Object.keys(catalogues.fr).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(catalogues[locale]).sort()).toEqual(keys);
      for (const [k, v] of Object.entries(catalogues[locale])) expect(v.trim(), k).not.toBe('');
    }
  });
  it('every area file gives all four languages with the same keys', () => {
    for (const area of areas) {
      const keys = Object.keys(area.fr).sort();
      for (const locale of LOCALES) expect(Object.keys(area[locale]).sort()).toEqual(keys);
    }
  });
  it('no key is defined by two area files (a later one would silently win)', () => {
    const seen = new Map<string, number>();
    areas.forEach((area, i) => {
      for (const key of Object.keys(area.fr)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, i);
      }
    });
  });
  it('every message is valid ICU with the same arguments in each locale', () => {
    const args = (msg: string) => [...msg.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
    for (const [key, fr] of Object.entries(catalogues.fr)) {
      for (const locale of LOCALES) {
        const msg = catalogues[locale][key as keyof typeof catalogues.fr];
        expect(() => new IntlMessageFormat(msg, locale), `${locale} ${key}`).not.toThrow();
        expect(args(msg), `${locale} ${key}`).toEqual(args(fr));
      }
    }
  });
  it('Portuguese and Arabic are translations, not copies of French', () => {
    const entries = Object.entries(catalogues.fr);
    const copied = entries.filter(
      ([k, fr]) => catalogues.pt[k as keyof typeof catalogues.pt] === fr,
    );
    // Proper nouns, codes and format names are the same in both (Mali, PDF, UTF-8…).
    expect(copied.length / entries.length).toBeLessThan(0.08);
    const arabic = /[\u0600-\u06ff]/;
    const latinOnly = entries
      .map(([k]) => k as keyof typeof catalogues.ar)
      .filter((k) => !arabic.test(catalogues.ar[k]));
    expect(latinOnly.length / entries.length).toBeLessThan(0.05);
  });
  it('Arabic counts use the dual and the 3–10 plural where French has a plural', () => {
    for (const [key, fr] of Object.entries(catalogues.fr)) {
      if (!/, plural,/.test(fr)) continue;
      const ar = catalogues.ar[key as keyof typeof catalogues.ar];
      expect(ar, key).toMatch(/\btwo \{/);
      expect(ar, key).toMatch(/\bfew \{/);
    }
  });
  it('formats an Arabic plural with its dual form', () => {
    const msg = new IntlMessageFormat(catalogues.ar['directory.results'], 'ar');
    expect(msg.format({ count: 2 })).toBe('خدمتان');
    expect(msg.format({ count: 5 })).toContain('خدمات');
  });
});
