/**
 * A shelter's beds on its service page: figures per population, their age, and a way to update
 * them for those whose role allows it for this shelter.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { freshness, servedPopulations } from '@shared/domain/capacity/rules';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { summarizeShelter } from '@shared/domain/capacity/summary';
import type { Service } from '@shared/domain/directory/schema';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { useSession } from '../accounts/session';
import { FigureAge } from './Age';
import { CapacityHistory } from './History';
import { useNow, useStaleAfterHours } from './hooks';

export const CapacityPanel = ({ service }: { service: Service }) => {
  const t = useT();
  const { repos } = useData();
  const { can } = useSession();
  const now = useNow();
  const staleAfterHours = useStaleAfterHours();
  const figures = useLiveQuery(
    async () => (await repos.capacity.figures(service.id)) ?? null,
    [repos, service.id],
  );
  // A role without capacity.view (a viewer) gets no figures: no panel rather than "never".
  if (service.category !== 'shelter' || figures === undefined || !can('capacity.view')) return null;
  const summary = summarizeShelter(
    { service, organization: undefined, locations: [] },
    figures ?? undefined,
  );
  const state = freshness(summary.lastUpdated, now, staleAfterHours);
  return (
    <section className="panel capacity-panel" aria-labelledby="capacity-panel-title">
      <div className="screen-head">
        <h2 id="capacity-panel-title">{t('capacity.panel.title')}</h2>
        {can('capacity.edit', { serviceIds: [service.id] }) && (
          <a className="button primary" href={href({ name: 'capacity', serviceId: service.id })}>
            {t('capacity.panel.update')}
          </a>
        )}
      </div>
      <p>
        {t(`capacity.status.${summary.status ?? 'none'}`)} ·{' '}
        <FigureAge stamp={summary.lastUpdated} now={now} staleAfterHours={staleAfterHours} />
      </p>
      {state !== 'fresh' && (
        <p className="warning">{t('capacity.staleHint', { hours: staleAfterHours })}</p>
      )}
      {servedPopulations(service).length === 0 ? (
        <p>{t('capacity.noPopulations')}</p>
      ) : (
        <FiguresTable summary={summary} now={now} staleAfterHours={staleAfterHours} />
      )}
      {summary.note && (
        <p className="capacity-note">
          <strong>{t('capacity.note')}</strong> <bdi>{summary.note}</bdi>
        </p>
      )}
      <details className="capacity-history-box">
        <summary>{t('capacity.history')}</summary>
        <CapacityHistory serviceId={service.id} now={now} limit={30} />
      </details>
    </section>
  );
};

const COLS = ['available', 'occupied', 'baseline', 'outOfService', 'waitlist'] as const;

/** The figures per population with their age: read-only, wherever they are shown. */
export const FiguresTable = ({
  summary,
  now,
  staleAfterHours,
}: {
  summary: ShelterSummary;
  now: number;
  staleAfterHours: number;
}) => {
  const t = useT();
  return (
    <table className="service-table capacity-table">
      <caption className="visually-hidden">{t('capacity.panel.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('capacity.col.population')}</th>
          {COLS.map((c) => (
            <th key={c} scope="col">
              {t(`capacity.${c}`)}
            </th>
          ))}
          <th scope="col">{t('capacity.col.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {summary.populations.map((p) => (
          <tr key={p.population}>
            <th scope="row">{t(`population.${p.population}`)}</th>
            {COLS.map((c) => (
              <td key={c} className={c === 'available' && p.overCapacity ? 'over' : undefined}>
                {p[c]}
              </td>
            ))}
            <td>
              <FigureAge stamp={p.lastUpdated} now={now} staleAfterHours={staleAfterHours} />
              {p.overCapacity && (
                <div className="warning">{t('capacity.overCapacity', { count: -p.available })}</div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
