import { useCallback } from 'react';
import { hijriDate } from '@shared/i18n/dates';
import { useLocale, useT } from '../app/i18n';
import { dateTimeFormat } from './intlCache';

/**
 * Adds the Umm al-Qura date beside a Gregorian one, "23 nov. 2026 (4 جمادى الآخرة 1448 هـ)",
 * when the user asked for it (Arabic, Settings → Language and dates).
 */
export const useWithHijri = (): ((gregorian: string, isoDate: string) => string) => {
  const t = useT();
  const { locale, intlLocale, prefs } = useLocale();
  const on = locale === 'ar' && prefs.hijri;
  return useCallback(
    (gregorian: string, isoDate: string) =>
      on ? t('date.withHijri', { gregorian, hijri: hijriDate(isoDate, intlLocale) }) : gregorian,
    [on, t, intlLocale],
  );
};

/** A calendar date (YYYY-MM-DD) in the user's language, e.g. "23 nov. 2026". */
export const useFormatDate = (): ((isoDate: string) => string) => {
  const { intlLocale } = useLocale();
  const withHijri = useWithHijri();
  const format = dateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  return useCallback(
    (isoDate: string) => {
      const d = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDate : withHijri(format.format(d), isoDate);
    },
    [format, withHijri],
  );
};

/** A moment (ISO date and time) in the user's language, e.g. "23 novembre 2026 à 14:05". */
export const useFormatDateTime = (): ((iso: string) => string) => {
  const { intlLocale } = useLocale();
  const format = dateTimeFormat(intlLocale, { dateStyle: 'long', timeStyle: 'short' });
  return useCallback((iso: string) => format.format(new Date(iso)), [format]);
};

/** A file's size in whole kilobytes, rounded up, in the user's digits. */
export const useFormatKb = (): ((bytes: number) => string) => {
  const { intlLocale } = useLocale();
  return useCallback(
    (bytes: number) => new Intl.NumberFormat(intlLocale).format(Math.ceil(bytes / 1024)),
    [intlLocale],
  );
};
