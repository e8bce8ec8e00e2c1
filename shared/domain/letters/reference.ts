/**
 * Letter reference numbers, e.g. MRN/BKO/2026/0042. The format is set in Settings with tokens;
 * the sequence is per office and year (the repository allocates it in a transaction), so the
 * format must contain the office, the year and the sequence: otherwise two offices, or two
 * years, could print the same reference.
 */
export const DEFAULT_REFERENCE_FORMAT = 'MRN/{OFFICE}/{YEAR}/{SEQ:4}';

/** {OFFICE}, {YEAR}, {YY}, {SEQ} or {SEQ:n} (zero-padded to n digits, 1–8). */
const TOKEN = /\{(OFFICE|YEAR|YY|SEQ(?::[1-8])?)\}/g;
/** Literal text allowed around tokens: what file names and registers accept everywhere. */
const LITERAL = /^[A-Za-z0-9/\-_. ]*$/;

export type ReferenceFormatError =
  | 'letters.validation.formatSeq'
  | 'letters.validation.formatYear'
  | 'letters.validation.formatOffice'
  | 'letters.validation.formatChars';

export const checkReferenceFormat = (format: string): ReferenceFormatError | null => {
  const literal = format.replace(TOKEN, '');
  if (!LITERAL.test(literal) || format.length > 60) return 'letters.validation.formatChars';
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1]!);
  if (!tokens.some((t) => t.startsWith('SEQ'))) return 'letters.validation.formatSeq';
  if (!tokens.includes('YEAR') && !tokens.includes('YY')) return 'letters.validation.formatYear';
  if (!tokens.includes('OFFICE')) return 'letters.validation.formatOffice';
  return null;
};

export const formatReference = (
  format: string,
  parts: { office: string; year: number; seq: number },
): string =>
  format.replace(TOKEN, (_, token: string) => {
    if (token === 'OFFICE') return parts.office;
    if (token === 'YEAR') return String(parts.year);
    if (token === 'YY') return String(parts.year % 100).padStart(2, '0');
    const width = Number(token.split(':')[1] ?? 1);
    return String(parts.seq).padStart(width, '0');
  });

/** The counter a reference is drawn from: one per office and year. */
export const referenceCounterKey = (office: string, year: number): string =>
  `letter/${office}/${year}`;
export const caseCounterKey = (office: string, year: number): string => `case/${office}/${year}`;

/** A reference as a file-name part: slashes become dashes. */
export const referenceFileStem = (reference: string): string =>
  reference.replace(/[/\\:*?"<>| ]+/g, '-');
