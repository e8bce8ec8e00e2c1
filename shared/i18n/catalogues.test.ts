import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogues';
import { LOCALES } from './define';

describe('i18n catalogues', () => {
  it('every locale has exactly the French keys, none empty', () => {
    const keys = Object.keys(catalogues.fr).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(catalogues[locale]).sort()).toEqual(keys);
      for (const [k, v] of Object.entries(catalogues[locale])) expect(v.trim(), k).not.toBe('');
    }
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
});
