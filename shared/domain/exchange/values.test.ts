import { describe, expect, it } from 'vitest';
import { MEMO_LIMIT, matchCode, memo } from './values';

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

describe('memo: a pure function remembered per distinct key, within a bound', () => {
  it('answers as the function does, computing each key once, and keeps no more than the limit', () => {
    const calls: string[] = [];
    const upper = memo((k) => {
      calls.push(k);
      return k.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('__proto__')]).toEqual([
      'A',
      'B',
      'A',
      '__PROTO__',
    ]);
    expect(calls).toEqual(['a', 'b', '__proto__']);
    for (let i = 0; i < MEMO_LIMIT + 10; i++) upper(`k${i}`);
    calls.length = 0;
    // Past the bound, answers are still right, only computed again.
    expect(upper(`k${MEMO_LIMIT + 5}`)).toBe(`K${MEMO_LIMIT + 5}`);
    expect(calls).toEqual([`k${MEMO_LIMIT + 5}`]);
  });
});
