import { strFromU8, unzipSync } from 'fflate';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_OFFICE,
  fixtureLetterhead,
  fixtureReferral,
  fixtureView,
} from '../referrals/fixtures';
import type { LetterTranslate } from './build';
import { buildLetterModel, letterDate } from './build';
import { renderLetterDocx } from './docx';
import { renderLetterHtml } from './html';
import { letterMessages } from './letterLocale';
import type { LetterLocale } from './letterLocales';

const translator = (locale: LetterLocale): LetterTranslate => {
  const intl = createIntl({ locale, messages: letterMessages(locale) });
  return (id, values) => intl.formatMessage({ id }, values);
};

const build = (locale: LetterLocale, hijri: boolean) => {
  const view = fixtureView();
  const loc = view.locations[0]!;
  view.locations = [
    { ...loc, address: { ...loc.address, city: 'Budaiya', adminAreaCode: 'BH-17', country: 'BH' } },
  ];
  const r = buildLetterModel({
    referral: fixtureReferral(),
    view,
    office: { ...FIXTURE_OFFICE, country: 'BH' },
    letterhead: { ...fixtureLetterhead(), place: 'المنامة', hijri },
    reference: 'MRN/MNM/2026/0007',
    date: '2026-03-03',
    options: {
      locale,
      includeName: false,
      contact: { name: 'Mariam', title: '', phone: '', email: '' },
      signatory: { name: 'Mariam Al-Khalifa', title: 'المديرة' },
      stamp: false,
    },
    t: translator(locale),
  });
  if (!r.ok) throw new Error(r.error);
  return r.model;
};

describe('Hijri (Umm al-Qura) date beside the Gregorian one on letters (issue 18)', () => {
  it('writes both calendars when the office asks for it, in the letter’s language', () => {
    // 3 March 2026 is 14 Ramadan 1447 in the Umm al-Qura calendar.
    expect(letterDate('2026-03-03', 'ar', true, translator('ar'))).toBe(
      '3 مارس 2026م الموافق 14 رمضان 1447 هـ',
    );
    expect(letterDate('2026-03-03', 'en', true, translator('en'))).toBe(
      '3 March 2026 (14 Ramadan 1447 AH)',
    );
    expect(letterDate('2026-03-03', 'fr', true, translator('fr'))).toBe(
      '3 mars 2026 (14 ramadan 1447 AH)',
    );
    expect(letterDate('2026-03-03', 'ar', false, translator('ar'))).toBe('3 مارس 2026');
  });

  it('puts it on the date line of the model, the HTML (PDF) and the DOCX; only when asked', async () => {
    const on = build('ar', true);
    expect(on.text.dateLine).toContain('14 رمضان 1447 هـ');
    expect(on.text.dateLine).toContain('المنامة');
    expect(renderLetterHtml(on)).toContain('14 رمضان 1447 هـ');
    const xml = strFromU8(unzipSync(await renderLetterDocx(on))['word/document.xml']!);
    expect(xml).toContain('14 رمضان 1447 هـ');
    const off = build('ar', false);
    expect(off.text.dateLine).not.toContain('هـ');
    expect(build('en', false).text.dateLine).not.toContain('AH');
  });

  it('names the recipient’s governorate in the letter’s language', () => {
    expect(build('ar', false).to.lines.join(' ')).toContain('الشمالية');
    expect(build('en', false).to.lines.join(' ')).toContain('Northern');
    expect(build('fr', false).to.lines.join(' ')).toContain('Nord');
  });
});
