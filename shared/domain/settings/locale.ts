import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from '../../i18n/define';
import type { Locale } from '../../i18n/define';

/**
 * How the interface speaks and writes numbers and dates: the office's default (login screen,
 * new users) and each user's own choice. Not replicated: a preference of this installation.
 */
export const DIGITS = ['latn', 'arab'] as const;
export type Digits = (typeof DIGITS)[number];

export const localePrefsSchema = z.object({
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  /** Latin (0-9) or Arabic-Indic (٠-٩) digits; only Arabic offers the choice. */
  digits: z.enum(DIGITS).default('latn'),
  /** Umm al-Qura (Hijri) dates beside the Gregorian ones in lists and letters (Arabic). */
  hijri: z.boolean().default(false),
});
export type LocalePrefs = z.infer<typeof localePrefsSchema>;

export const defaultLocalePrefs = (): LocalePrefs => localePrefsSchema.parse({});

/**
 * The BCP 47 tag Intl and react-intl format with: the interface language, plus the digits
 * chosen for Arabic ("ar-u-nu-arab"). English writes dates day first, as every country of the
 * mechanism does (en-GB), not in the US order.
 */
export const intlLocale = (locale: Locale, digits: Digits): string =>
  locale === 'ar' ? `ar-u-nu-${digits}` : locale === 'en' ? 'en-GB' : locale;

/** Only Arabic has a choice of digits and of a Hijri calendar beside the Gregorian one. */
export const offersArabicOptions = (locale: Locale): boolean => locale === 'ar';
