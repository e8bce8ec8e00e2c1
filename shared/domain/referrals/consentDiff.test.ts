import { describe, expect, it } from 'vitest';
import { consentChange } from './consentDiff';

const first = 'referral · oral · 2026-03-01 · Centre Jigiya';
describe('consentChange', () => {
  it('describes the first consent whole', () => {
    expect(consentChange(null, first)).toMatchObject({
      kind: 'first',
      now: { scope: ['referral'] },
    });
  });
  it('names a scope added and a method changed, nothing else', () => {
    expect(
      consentChange(first, 'referral+recordName · written · 2026-03-01 · Centre Jigiya'),
    ).toEqual({
      kind: 'changed',
      added: ['recordName'],
      removed: [],
      method: 'written',
      date: null,
      recipient: null,
    });
  });
  it('says a consent recorded again without change is unchanged, and a withdrawal so', () => {
    expect(consentChange(first, first)).toEqual({ kind: 'unchanged' });
    expect(consentChange(first, 'none')).toEqual({ kind: 'withdrawn' });
  });
});
