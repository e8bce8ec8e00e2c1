/**
 * The words of a letter in its language (letterLocales.ts lists the languages). They come from
 * the catalogues; a letter key a language still lacks falls back to English (never to a message
 * id printed on an official letter). Every language's catalogue is here, so this module is
 * loaded when a letter is issued, not with the window (issue 15, cold start).
 */
import { catalogues } from '../../i18n/catalogues';
import type { MessageId } from '../../i18n/catalogues';
import { letterCountry } from '../../i18n/messages/letterCountry';
import { letterTemplates } from '../../i18n/messages/letterTemplates';
import { referralValues } from '../../i18n/messages/referralValues';
import type { LetterLocale } from './letterLocales';

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
