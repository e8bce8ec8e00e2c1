/**
 * The languages a letter can be written in — French, English, Portuguese and Arabic — whatever
 * languages the screens have reached: a Mozambican partner gets a Portuguese letter, a Bahraini
 * one an Arabic letter. The words come from the catalogues; a letter key a language still lacks
 * falls back to English (never to a message id printed on an official letter).
 */
import { catalogues } from '../../i18n/catalogues';
import type { MessageId } from '../../i18n/catalogues';
import { letterCountry } from '../../i18n/messages/letterCountry';
import { letterTemplates } from '../../i18n/messages/letterTemplates';
import { referralValues } from '../../i18n/messages/referralValues';

export const LETTER_LOCALES = ['fr', 'en', 'pt', 'ar'] as const;
export type LetterLocale = (typeof LETTER_LOCALES)[number];

type Area = Partial<Record<LetterLocale, Partial<Record<string, string>>>>;
const LETTER_AREAS: readonly Area[] = [referralValues, letterTemplates, letterCountry];

/** Every message a letter in `locale` needs, by id. */
export const letterMessages = (locale: LetterLocale): Record<MessageId, string> => {
  const whole = (catalogues as Partial<Record<LetterLocale, Record<MessageId, string>>>)[locale];
  if (whole) return whole;
  return Object.assign({}, catalogues.en, ...LETTER_AREAS.map((a) => a[locale] ?? {})) as Record<
    MessageId,
    string
  >;
};

/** Intl locale of a letter: Mozambique's Portuguese; Arabic with Gregorian dates. */
export const intlLocale = (locale: LetterLocale): string =>
  ({ fr: 'fr', en: 'en-GB', pt: 'pt-MZ', ar: 'ar' })[locale];
