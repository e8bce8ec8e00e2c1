/**
 * Accent- and case-insensitive text for search and matching: "Ségou" → "segou",
 * "Santé" → "sante", "Œuvre" → "oeuvre". Arabic diacritics (harakat) and tatweel are dropped
 * too, so vocalised and unvocalised spellings match.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };

export const normalizeText = (s: string): string =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[œæßøđł]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u2019'`´]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Words of normalised text: letters and digits of any script. */
export const tokenize = (s: string): string[] => normalizeText(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Digits only, for phone numbers: "+223 76 12-34-56" → "22376123456". */
export const digitsOnly = (s: string): string => s.replace(/\D/g, '');
