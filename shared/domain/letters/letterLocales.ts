/**
 * The languages a letter can be written in — French, English, Portuguese and Arabic — whatever
 * languages the screens have reached: a Mozambican partner gets a Portuguese letter, a Bahraini
 * one an Arabic letter. Their words are in letterLocale.ts, loaded with a letter.
 */
export const LETTER_LOCALES = ['fr', 'en', 'pt', 'ar'] as const;
export type LetterLocale = (typeof LETTER_LOCALES)[number];

/** Intl locale of a letter: Mozambique's Portuguese; Arabic with Gregorian dates. */
export const intlLocale = (locale: LetterLocale): string =>
  ({ fr: 'fr', en: 'en-GB', pt: 'pt-MZ', ar: 'ar' })[locale];
