/**
 * Accent- and case-insensitive text for search and matching: "Ségou" → "segou",
 * "Santé" → "sante", "Œuvre" → "oeuvre". Arabic is folded the way people type it: harakat and
 * tatweel dropped; alef with hamza or madda (أ إ آ) and alef wasla (ٱ) → ا; hamza on waw or
 * yaa (ؤ ئ) → و ي; taa marbuta ة → ه; alef maqsura ى → ي; Persian/Urdu yeh and keheh → ي ك;
 * Arabic-Indic digits → 0–9 (phone numbers typed either way).
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };
const ARABIC_LETTERS: Record<string, string> = {
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
};

/** Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as 0–9. */
export const latinDigits = (s: string): string =>
  s
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

export const normalizeText = (s: string): string =>
  latinDigits(s)
    // NFKD splits أ إ آ ؤ ئ into a base letter and a combining hamza/madda (U+0653–U+0655),
    // removed below with the harakat.
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[œæßøđł]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[ٱةىیک]/g, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(/[\u2019'`´]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The Arabic definite article on a word of 2+ letters, dropped for search so "المأوى" finds
 * "مأوى" and the reverse (the usual light stemming; both the text and the query go through it).
 */
const ARTICLE = /^ال(?=[\u0621-\u064a]{2})/;

/** Words of normalised text: letters and digits of any script. */
export const tokenize = (s: string): string[] =>
  (normalizeText(s).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.replace(ARTICLE, ''));

/** Digits only, for phone numbers: "+223 76 12-34-56" → "22376123456". */
export const digitsOnly = (s: string): string => latinDigits(s).replace(/\D/g, '');
