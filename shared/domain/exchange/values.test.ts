import { describe, expect, it } from 'vitest';
import { matchCode } from './values';

const categories = ['shelter', 'legal_aid', 'medical'] as const;

describe('matchCode reads labels typed in any interface language', () => {
  it('matches Portuguese and Arabic category labels, with or without accents', () => {
    expect(matchCode(categories, 'category.', 'Assistência jurídica')).toBe('legal_aid');
    expect(matchCode(categories, 'category.', 'assistencia juridica')).toBe('legal_aid');
    expect(matchCode(categories, 'category.', 'المساعدة القانونية')).toBe('legal_aid');
    expect(matchCode(categories, 'category.', 'Soins médicaux')).toBe('medical');
  });
  it('never maps an empty or unknown cell to a code', () => {
    expect(matchCode(categories, 'category.', '')).toBeUndefined();
    expect(matchCode(categories, 'category.', 'بلا معنى')).toBeUndefined();
  });
});
