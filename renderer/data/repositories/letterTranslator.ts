/**
 * The letter's own language, whatever the screen's: an English letter from a French desk.
 * A module of its own, loaded when a letter is issued: it carries the letter words of every
 * language (issue 15, cold start).
 */
import { createIntl, createIntlCache } from 'react-intl';
import type { LetterTranslate } from '@shared/domain/letters/build';
import { letterMessages } from '@shared/domain/letters/letterLocale';
import type { LetterLocale } from '@shared/domain/letters/letterLocales';

const cache = createIntlCache();

export const letterTranslator = (locale: LetterLocale): LetterTranslate => {
  const intl = createIntl({ locale, messages: letterMessages(locale) }, cache);
  return (id, values) => intl.formatMessage({ id }, values);
};
