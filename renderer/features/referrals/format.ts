/**
 * Formatting for the referral screens: dates, durations and country names in the user's
 * language (Intl), and a clock that ticks so "overdue" appears while the screen stays open.
 */
import { useCallback, useMemo } from 'react';
import { useLocale, useT } from '../../app/i18n';
import { useNow } from '../../ui/clock';
import { useWithHijri } from '../../ui/format';

/** Now as an ISO string, re-rendering every minute. */
export const useNowIso = (): string => new Date(useNow()).toISOString();

export const useFormatDate = () => {
  const { intlLocale: locale } = useLocale();
  const withHijri = useWithHijri();
  const f = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  return useCallback(
    (iso: string) =>
      withHijri(f.format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso)), iso),
    [f, withHijri],
  );
};

export const useFormatDateTime = () => {
  const { intlLocale: locale } = useLocale();
  const f = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  return useCallback((iso: string) => f.format(new Date(iso)), [f]);
};

/** "5 heures", "3 jours": hours under two days, days beyond. */
export const useDuration = () => {
  const t = useT();
  return useCallback(
    (ms: number) => {
      const hours = Math.max(1, Math.round(Math.abs(ms) / 3_600_000));
      return hours < 48
        ? t('referrals.hours', { count: hours })
        : t('referrals.days', { count: Math.round(hours / 24) });
    },
    [t],
  );
};

export const useCountryName = () => {
  const { intlLocale: locale } = useLocale();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      return undefined;
    }
  }, [locale]);
  return useCallback((code: string) => names?.of(code) ?? code, [names]);
};
