import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize';
import { POPULATIONS, SERVICE_CATEGORIES } from './schema';
import type { Population, ServiceCategory } from './schema';
import { buildSearchIndex, searchIndex } from './search';
import type { SearchDoc } from './search';
import { CATEGORY_SYNONYMS, POPULATION_SYNONYMS, synonymGroups } from './synonyms';

const LANGS = ['fr', 'en', 'pt', 'ar'] as const;

describe('synonym table', () => {
  it('has terms in all four languages for every category and population', () => {
    for (const c of SERVICE_CATEGORIES)
      for (const l of LANGS) expect(CATEGORY_SYNONYMS[c][l].length, `${c}/${l}`).toBeGreaterThan(0);
    for (const p of POPULATIONS)
      for (const l of LANGS)
        expect(POPULATION_SYNONYMS[p][l].length, `${p}/${l}`).toBeGreaterThan(0);
  });
  it('writes Arabic terms in Arabic script and every term yields words', () => {
    const tables = [...Object.values(CATEGORY_SYNONYMS), ...Object.values(POPULATION_SYNONYMS)];
    for (const t of tables) {
      for (const term of t.ar) expect(term).toMatch(/^[\u0600-\u06ff ]+$/);
      for (const l of LANGS)
        for (const term of t[l]) expect(tokenize(term).length).toBeGreaterThan(0);
    }
  });
});

describe('search with synonyms and every script', () => {
  const doc = (
    id: string,
    name: string,
    locality: string,
    category: ServiceCategory,
    populations: Population[],
  ): SearchDoc => ({ id, name, locality, groups: synonymGroups(category, populations) });
  const docs = [
    doc('segou-shelter', 'Centre Jigiya', 'Ségou', 'shelter', ['girls', 'women']),
    doc('segou-clinic', 'Clinique Kènèya', 'Ségou', 'medical', ['women']),
    doc('bamako-shelter', 'Maison Espoir', 'Bamako', 'shelter', ['boys']),
    doc('maputo-abrigo', 'Casa Esperança', 'Maputo', 'shelter', ['girls']),
    doc('manama-shelter', 'دار الأمان', 'المنامة', 'shelter', ['women']),
    doc('riyadh-legal', 'مكتب العدالة', 'الرياض', 'legal_aid', ['men']),
  ];
  const index = buildSearchIndex(docs);
  const ids = (q: string) =>
    searchIndex(index, q, { limit: 100 })
      .hits.map((h) => h.id)
      .sort();

  it('finds the Ségou shelters for "foyer segou", whichever word for shelter', () => {
    expect(ids('foyer segou')).toEqual(['segou-shelter']);
    expect(ids('refuge ségou')).toEqual(['segou-shelter']);
    expect(ids('hebergement SEGOU')).toEqual(['segou-shelter']);
  });
  it('understands Portuguese: abrigo, casa de acolhimento, raparigas, meninas', () => {
    const shelters = ['bamako-shelter', 'manama-shelter', 'maputo-abrigo', 'segou-shelter'];
    expect(ids('abrigo')).toEqual(shelters);
    expect(ids('casa de acolhimento')).toEqual(shelters);
    expect(ids('abrigo raparigas')).toEqual(['maputo-abrigo', 'segou-shelter']);
    expect(ids('meninas maputo')).toEqual(['maputo-abrigo']);
  });
  it('understands Arabic with or without hamza, harakat, tatweel and the article', () => {
    const shelters = ['bamako-shelter', 'manama-shelter', 'maputo-abrigo', 'segou-shelter'];
    expect(ids('دار إيواء')).toEqual(shelters);
    expect(ids('دار ايواء')).toEqual(shelters);
    expect(ids('مأوى')).toEqual(shelters);
    expect(ids('ماوي')).toEqual(shelters);
    expect(ids('المأوى')).toEqual(shelters);
    expect(ids('مَأْوَى فتيات')).toEqual(['maputo-abrigo', 'segou-shelter']);
    expect(ids('منامة')).toEqual(['manama-shelter']);
    expect(ids('الأمان')).toEqual(['manama-shelter']);
    expect(ids('امان')).toEqual(['manama-shelter']);
    expect(ids('محامي الرياض')).toEqual(['riyadh-legal']);
  });
  it('finds girls in every language', () => {
    for (const q of ['filles', 'raparigas', 'meninas', 'girls', 'فتيات', 'فتاه'])
      expect(ids(q), q).toEqual(['maputo-abrigo', 'segou-shelter']);
  });
});

describe('Arabic normalisation', () => {
  it('unifies alef forms, hamza seats, taa marbuta, alef maqsura, tatweel and harakat', () => {
    expect(normalizeText('أإآٱ')).toBe('اااا');
    expect(normalizeText('مؤسسة')).toBe('موسسه');
    expect(normalizeText('هيئة')).toBe('هييه');
    expect(normalizeText('مستشفى')).toBe('مستشفي');
    expect(normalizeText('مـــأوى')).toBe(normalizeText('مأوى'));
    expect(normalizeText('مَدْرَسَةٌ')).toBe('مدرسه');
  });
  it('reads Arabic-Indic digits as digits', () => {
    expect(normalizeText('٧٦ ١٢ ۳۴')).toBe('76 12 34');
  });
  it('keeps Portuguese and French accents folded', () => {
    expect(normalizeText('Protecção da Criança')).toBe('proteccao da crianca');
    expect(normalizeText('Réinsertion à Ségou')).toBe('reinsertion a segou');
  });
});
