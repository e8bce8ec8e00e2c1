/**
 * A shelter's beds in a map popup: the badge, free beds per population, and how old the
 * figures are (flagged when stale), so nobody refers on a number they cannot date.
 */
import './capacity-popup.css';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { useT } from '../../app/i18n';
import { FigureAge } from './Age';
import { CapacityBadge } from './CapacityBadge';

export const ShelterBeds = ({
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
    <div className="capacity-popup">
      <CapacityBadge summary={summary} now={now} staleAfterHours={staleAfterHours} />
      {summary.populations.length > 0 && (
        <ul className="plain">
          {summary.populations.map((p) => (
            <li key={p.population}>
              {t('capacity.popup.population', {
                population: t(`population.${p.population}`),
                count: p.free,
              })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <FigureAge stamp={summary.lastUpdated} now={now} staleAfterHours={staleAfterHours} />
      </p>
    </div>
  );
};
