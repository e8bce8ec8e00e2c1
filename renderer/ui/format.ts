import { useCallback, useMemo } from 'react';
import { useLocale } from '../app/i18n';

/** A calendar date (YYYY-MM-DD) in the user's language, e.g. "23 nov. 2026". */
export const useFormatDate = (): ((isoDate: string) => string) => {
  const { locale } = useLocale();
  // Building an Intl formatter costs far more than using one: one per locale, not per cell.
  const format = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    [locale],
  );
  return useCallback(
    (isoDate: string) => {
      const d = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDate : format.format(d);
    },
    [format],
  );
};
