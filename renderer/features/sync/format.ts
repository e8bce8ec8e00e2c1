/** Durations and outcomes as people read them, in their language. */
import { useCallback } from 'react';
import { useLocale, useT } from '../../app/i18n';
import type { ImportOutcome } from '../../data/sync/bundles';

/** Beyond this, "not in step" is shown in red. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** "5 min", "3 h", "3 days": the largest unit that keeps the number small. */
export const useDuration = () => {
  const { intlLocale: locale } = useLocale();
  return useCallback(
    (ms: number) => {
      const minutes = Math.max(0, Math.round(ms / 60_000));
      const [value, unit] =
        minutes < 60
          ? [minutes, 'minute']
          : minutes < 48 * 60
            ? [Math.round(minutes / 60), 'hour']
            : [Math.round(minutes / 1440), 'day'];
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: unit === 'day' ? 'long' : 'short',
      }).format(value);
    },
    [locale],
  );
};

export const useDateTime = () => {
  const { intlLocale: locale } = useLocale();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      ),
    [locale],
  );
};

export const useOutcomeMessage = () => {
  const t = useT();
  return useCallback(
    (o: ImportOutcome): string => {
      switch (o.status) {
        case 'applied':
          return t('sync.outcome.applied', { office: o.office, count: o.count });
        case 'replayed':
          return t('sync.outcome.replayed', { office: o.office });
        case 'own':
          return t('sync.outcome.own');
        case 'incomplete':
          return t('sync.outcome.incomplete');
        case 'rejected': {
          const reason =
            o.reason === 'documents'
              ? `${t('sync.reason.documents', { count: o.documents?.length ?? 0 })} ${[
                  ...new Set(o.documents?.map((d) => t(`sync.reason.${d.reason}`))),
                ].join(', ')}`
              : t(`sync.reason.${o.reason}`);
          return t('sync.outcome.rejected', { reason });
        }
      }
    },
    [t],
  );
};
