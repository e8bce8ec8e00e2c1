/**
 * Capacity as screens read it: live summaries of every shelter, the stale threshold, a clock
 * that ticks (a figure grows old while the screen stays open), and ages in the user's language.
 */
import { useCallback, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { bedAvailability } from '@shared/domain/capacity/summary';
import type { BedAvailability } from '@shared/domain/directory/filter';
import { useData } from '../../app/data';
import { useLocale } from '../../app/i18n';
import { dateTimeFormat, relativeTimeFormat } from '../../ui/intlCache';

const DEFAULT_STALE_HOURS = 48;

export { useNow } from '../../ui/clock';

export const useStaleAfterHours = (): number => {
  const { repos } = useData();
  const prefs = useLiveQuery(() => repos.settings.getPreferences(), [repos]);
  return prefs?.staleAfterHours ?? DEFAULT_STALE_HOURS;
};

/**
 * Every live shelter's summary, by service id (undefined while loading, or while not `wanted`:
 * a screen can subscribe once it needs them and keep the subscription while its rows come and go).
 */
export const useCapacitySummaries = (wanted = true): Map<string, ShelterSummary> | undefined => {
  const { repos } = useData();
  const list = useLiveQuery(
    () => (wanted ? repos.capacity.summaries() : undefined),
    [repos, wanted],
  );
  return useMemo(() => list && new Map(list.map((s) => [s.serviceId, s])), [list]);
};

/**
 * For the directory filter "free bed for …": service id → populations with a free bed now.
 * Only read while `wanted` (the filter is set), so capacity saves do not re-filter otherwise.
 */
export const useBedAvailability = (wanted: boolean): BedAvailability | undefined => {
  const summaries = useCapacitySummaries(wanted);
  return useMemo(
    () => (wanted && summaries ? bedAvailability(summaries.values()) : undefined),
    [wanted, summaries],
  );
};

/** "il y a 3 h", "3 hr. ago": the age of an instant, never in the future (clock skew). */
export const useFormatAge = (): ((at: string, now: number) => string) => {
  const { intlLocale: locale } = useLocale();
  // Elapsed time, not calendar words: "il y a 2 j", never "avant-hier" for 49 h ago.
  const rtf = relativeTimeFormat(locale, { numeric: 'always', style: 'short' });
  const auto = relativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  return useCallback(
    (at, now) => {
      const s = Math.max(0, (now - Date.parse(at)) / 1000);
      if (s < 60) return auto.format(0, 'second');
      if (s < 3600) return rtf.format(-Math.floor(s / 60), 'minute');
      if (s < 48 * 3600) return rtf.format(-Math.floor(s / 3600), 'hour');
      return rtf.format(-Math.floor(s / 86_400), 'day');
    },
    [rtf, auto],
  );
};

/** Date and time in full, for the title of an age ("2 mars 2026, 08:15"). */
export const useFormatDateTime = (): ((at: string) => string) => {
  const { intlLocale: locale } = useLocale();
  const f = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return useCallback((at) => f.format(new Date(at)), [f]);
};
