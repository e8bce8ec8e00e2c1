/**
 * A shelter's beds in a few words, for lists and map markers: free beds (or full, closed), and
 * whether the figures can be trusted (stale, never given). Colour is never the only signal.
 */
import './capacity.css';
import { useMemo } from 'react';
import { freshness } from '@shared/domain/capacity/rules';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { isClosed, isFull } from '@shared/domain/capacity/summary';
import type { Population } from '@shared/domain/directory/schema';
import { useT } from '../../app/i18n';
import { useCapacitySummaries, useFormatAge, useNow, useStaleAfterHours } from './hooks';

export const CapacityBadge = ({
  summary,
  now,
  staleAfterHours,
  population = '',
}: {
  summary: ShelterSummary;
  now: number;
  staleAfterHours: number;
  /** The "free bed for …" filter: the badge then counts that population's beds, as the map. */
  population?: Population | '';
}) => {
  const t = useT();
  const formatAge = useFormatAge();
  const fresh = freshness(summary.lastUpdated, now, staleAfterHours);
  let state: 'closed' | 'full' | 'free' | 'never';
  let text: string;
  if (isClosed(summary)) [state, text] = ['closed', t('capacity.badge.closed')];
  else if (fresh === 'never') [state, text] = ['never', t('capacity.badge.never')];
  else if (isFull(summary)) [state, text] = ['full', t('capacity.badge.full')];
  else {
    const free = population
      ? summary.populations
          .filter((p) => p.population === population)
          .reduce((n, p) => n + p.free, 0)
      : summary.free;
    [state, text] =
      free === 0
        ? ['full', t('capacity.freeBeds', { count: 0 })]
        : population
          ? [
              'free',
              t('ux.capacity.freeBedsFor', {
                count: free,
                population: t(`population.${population}`),
              }),
            ]
          : ['free', t('capacity.freeBeds', { count: free })];
  }
  const title = summary.lastUpdated
    ? t('capacity.updatedAgo', {
        ago: formatAge(summary.lastUpdated.at, now),
        by: summary.lastUpdated.by,
      })
    : undefined;
  return (
    <span className={`capacity-badge capacity-${state}`} title={title}>
      {text}
      {summary.overCapacity && state !== 'closed' && ` · ${t('capacity.badge.over')}`}
      {fresh === 'stale' && <span className="capacity-stale"> · {t('capacity.badge.stale')}</span>}
    </span>
  );
};

export type CapacityBadges = {
  summaries: Map<string, ShelterSummary> | undefined;
  now: number;
  staleAfterHours: number;
  /** Count only this population's free beds (the list's "free bed for …" filter). */
  population?: Population | '';
};

/** Everything a list of badges needs, read once per list rather than once per row. */
export const useCapacityBadges = (wanted = true): CapacityBadges => {
  const summaries = useCapacitySummaries(wanted);
  const now = useNow();
  const staleAfterHours = useStaleAfterHours();
  // One object while nothing changed, so memoised rows skip re-rendering on each keystroke.
  return useMemo(() => ({ summaries, now, staleAfterHours }), [summaries, now, staleAfterHours]);
};

/** The badge of one service, when it is a shelter with a summary. */
export const ShelterCapacity = ({
  serviceId,
  badges,
}: {
  serviceId: string;
  badges: CapacityBadges;
}) => {
  const summary = badges.summaries?.get(serviceId);
  return summary ? (
    <div>
      <CapacityBadge
        summary={summary}
        now={badges.now}
        staleAfterHours={badges.staleAfterHours}
        population={badges.population}
      />
    </div>
  ) : null;
};
