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
import { buildLetterModel } from './build';
import { renderLetterDocx } from './docx';
import { renderLetterHtml } from './html';
import { letterMessages } from './letterLocale';
import { LETTER_LOCALES } from './letterLocales';
import type { LetterLocale } from './letterLocales';

const translator = (locale: LetterLocale): LetterTranslate => {
  const intl = createIntl({ locale, messages: letterMessages(locale) });
  return (id, values) => intl.formatMessage({ id }, values);
};

const SERVICE = 'Centre d’accueil Espoir de Ségou';

const build = (locale: LetterLocale, country = 'ML', place = 'Bamako') => {
  const view = fixtureView();
  view.service = { ...view.service, name: SERVICE };
  const r = buildLetterModel({
    referral: fixtureReferral(),
    view,
    office: { ...FIXTURE_OFFICE, country: country as typeof FIXTURE_OFFICE.country },
    // No letterhead motto: the state's name (and motto) come from the country.
    letterhead: { ...fixtureLetterhead(), motto: '', place },
    reference: 'MRN/BKO/2026/0042',
    date: '2026-03-02',
    options: {
      locale,
      includeName: false,
      contact: { name: 'Awa', title: '', phone: '', email: '' },
      signatory: { name: 'Fatoumata Diarra', title: 'La Directrice' },
      stamp: false,
    },
    t: translator(locale),
  });
  if (!r.ok) throw new Error(r.error);
  return r.model;
};

const docxXml = async (model: ReturnType<typeof build>) =>
  strFromU8(unzipSync(await renderLetterDocx(model))['word/document.xml']!);

describe('letters in four languages, with each country’s conventions', () => {
  it.each([
    ['fr', 'ML', ['RÉPUBLIQUE DU MALI', 'Un Peuple – Un But – Une Foi']],
    ['pt', 'MZ', ['REPÚBLICA DE MOÇAMBIQUE']],
    ['ar', 'SA', ['المملكة العربية السعودية']],
    ['ar', 'BH', ['مملكة البحرين']],
    ['en', 'PK', ['ISLAMIC REPUBLIC OF PAKISTAN']],
  ] as const)('heads a %s letter of %s with the state’s name', (locale, country, motto) => {
    expect(build(locale, country).from.motto).toEqual(motto);
  });

  it('keeps the letterhead’s own lines when the office set them', () => {
    const view = fixtureView();
    const r = buildLetterModel({
      referral: fixtureReferral(),
      view,
      office: FIXTURE_OFFICE,
      letterhead: fixtureLetterhead(),
      reference: 'R',
      date: '2026-03-02',
      options: {
        locale: 'fr',
        includeName: false,
        contact: { name: '', title: '', phone: '', email: '' },
        signatory: { name: '', title: '' },
        stamp: false,
      },
      t: translator('fr'),
    });
    expect(r.ok && r.model.from.motto).toEqual([
      'RÉPUBLIQUE DU MALI',
      'Un Peuple – Un But – Une Foi',
    ]);
  });

  it.each(LETTER_LOCALES)('never glues an article to the service name (%s)', (locale) => {
    const m = build(locale);
    expect(m.text.intro).not.toContain(SERVICE);
    expect(m.text.facts[0]).toMatchObject({ key: 'service', value: SERVICE });
    expect(JSON.stringify(m)).not.toMatch(/services de Centre|du Centre d|de Centre d/);
  });

  it('writes date lines the way each language does', () => {
    expect(build('fr').text.dateLine).toBe('Bamako, le 2 mars 2026');
    expect(build('en').text.dateLine).toBe('Bamako, 2 March 2026');
    expect(build('pt', 'MZ', 'Maputo').text.dateLine).toBe('Maputo, 2 de março de 2026');
    const ar = build('ar', 'BH', 'المنامة').text.dateLine;
    expect(ar.startsWith('المنامة في ')).toBe(true);
    expect(ar).toContain('مارس'); // Gregorian month, not a Hijri one
  });

  it('gives the subject, salutation and closing formula of each language', () => {
    expect(build('pt', 'MZ').text.subjectLabel).toBe('Assunto:');
    expect(build('pt', 'MZ').text.closing).toMatch(/cumprimentos\.$/);
    expect(build('ar', 'SA').text.subjectLabel).toBe('الموضوع:');
    expect(build('en').text.closing).toBe('Yours faithfully,');
  });

  it('lays the Arabic letter out right to left in the PDF’s HTML', () => {
    const html = renderLetterHtml(build('ar', 'BH', 'المنامة'));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('خطاب إحالة');
    expect(renderLetterHtml(build('pt', 'MZ'))).toContain('<html lang="pt" dir="ltr">');
  });

  it('marks the Arabic DOCX bidirectional, paragraphs and runs, and the others not', async () => {
    const ar = await docxXml(build('ar', 'BH', 'المنامة'));
    expect(ar).toContain('<w:bidi/>');
    expect(ar).toContain('<w:rtl/>');
    expect(ar).toContain('مملكة البحرين');
    const pt = await docxXml(build('pt', 'MZ', 'Maputo'));
    expect(pt).not.toContain('<w:bidi/>');
    expect(pt).not.toContain('<w:rtl/>');
    expect(pt).toContain('REPÚBLICA DE MOÇAMBIQUE');
  });
});
