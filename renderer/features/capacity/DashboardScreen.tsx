/**
 * The coordinators' dashboard (#/dashboard): free beds now by region and population, the
 * shelters full, closed, over capacity or with figures nobody should trust, and occupancy over
 * time. Every figure that could be old says so.
 */
import { useMemo } from 'react';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { aggregateDashboard, populationsIn } from '@shared/domain/capacity/summary';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { regionName } from '../directory/useDirectory';
import { FigureAge } from './Age';
import { useCapacitySummaries, useNow, useStaleAfterHours } from './hooks';
import { OccupancyChart } from './OccupancyChart';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const DashboardScreen = () => {
  const t = useT();
  const map = useCapacitySummaries();
  const now = useNow();
  const staleAfterHours = useStaleAfterHours();
  const summaries = useMemo(() => (map ? [...map.values()] : undefined), [map]);
  const dashboard = useMemo(
    () => summaries && aggregateDashboard(summaries, now, staleAfterHours),
    [summaries, now, staleAfterHours],
  );
  if (!summaries || !dashboard) return <p role="status">{t('status.loading')}</p>;
  const populations = populationsIn(summaries);
  const rows = [...dashboard.byRegion].sort((a, b) =>
    collator.compare(regionName(a.regionCode), regionName(b.regionCode)),
  );
  const region = (code: string) => (code ? regionName(code) : t('dashboard.noRegion'));

  const list = (title: string, items: ShelterSummary[], id: string, hint?: string) => (
    <section className="panel dashboard-list" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{items.length}</span>
      </h2>
      {hint && <p className="muted">{hint}</p>}
      {items.length === 0 ? (
        <p className="muted">{t('dashboard.none')}</p>
      ) : (
        <ul>
          {items.map((s) => (
            <li key={s.serviceId}>
              <a href={href({ name: 'service', id: s.serviceId })}>
                <bdi>{s.name}</bdi>
              </a>{' '}
              <span className="muted">
                {region(s.regionCode)} ·{' '}
                <FigureAge stamp={s.lastUpdated} now={now} staleAfterHours={staleAfterHours} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="dashboard">
      <h1 tabIndex={-1}>{t('dashboard.title')}</h1>
      {summaries.length === 0 ? (
        <p>{t('dashboard.noShelters')}</p>
      ) : (
        <>
          <dl className="dashboard-stats">
            {(
              [
                ['dashboard.freeNow', dashboard.total],
                ['dashboard.stale', dashboard.stale.length],
                ['dashboard.full', dashboard.full.length],
                ['dashboard.closed', dashboard.closed.length],
                ['dashboard.overCapacity', dashboard.overCapacity.length],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt>{t(label)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">{t('dashboard.shelterCount', { count: summaries.length })}</p>
          <table className="service-table dashboard-table">
            <caption>{t('dashboard.byRegion')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.region')}</th>
                {populations.map((p) => (
                  <th key={p} scope="col">
                    {t(`population.${p}`)}
                  </th>
                ))}
                <th scope="col">{t('dashboard.total')}</th>
                <th scope="col">{t('dashboard.shelters')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.regionCode}>
                  <th scope="row">{region(r.regionCode)}</th>
                  {populations.map((p) =>
                    // No shelter here serves them: not "0 free", which would read as "full".
                    r.serving[p] === 0 ? (
                      <td key={p} className="none" aria-label={t('dashboard.noneServing')}>
                        —
                      </td>
                    ) : (
                      <td key={p} className={r.free[p] === 0 ? 'zero' : undefined}>
                        {r.free[p]}
                      </td>
                    ),
                  )}
                  <td className="strong">{r.total}</td>
                  <td>{r.shelters}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dashboard.allRegions')}</th>
                {populations.map((p) => (
                  <td key={p}>{dashboard.totals[p]}</td>
                ))}
                <td className="strong">{dashboard.total}</td>
                <td>{summaries.length}</td>
              </tr>
            </tfoot>
          </table>
          <div className="dashboard-lists">
            {list(
              t('dashboard.stale'),
              dashboard.stale.map((s) => s.summary),
              'dashboard-stale',
              t('capacity.staleHint', { hours: staleAfterHours }),
            )}
            {list(t('dashboard.full'), dashboard.full, 'dashboard-full')}
            {list(t('dashboard.closed'), dashboard.closed, 'dashboard-closed')}
            {list(t('dashboard.overCapacity'), dashboard.overCapacity, 'dashboard-over')}
          </div>
          <OccupancyChart summaries={summaries} now={now} />
        </>
      )}
    </div>
  );
};
