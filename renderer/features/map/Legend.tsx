/** What the symbols mean: one line per category, then clusters and restricted locations. */
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import type { RestrictedMode } from '@shared/domain/map/placement';
import { useT } from '../../app/i18n';
import { CLUSTER_COLOR, RESTRICTED_COLOR, SYMBOLS, symbolPath } from './symbols';

export const Legend = ({ restricted }: { restricted: RestrictedMode | undefined }) => {
  const t = useT();
  return (
    <details className="map-legend" open>
      <summary>{t('map.legend')}</summary>
      <ul className="plain">
        {SERVICE_CATEGORIES.map((c) => (
          <li key={c}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d={symbolPath(c)} fill={SYMBOLS[c].color} stroke="#fff" strokeWidth="1.5" />
            </svg>
            {t(`category.${c}`)}
          </li>
        ))}
        <li>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <circle cx="12" cy="12" r="10" fill={CLUSTER_COLOR} stroke="#fff" strokeWidth="2" />
            <text x="12" y="16" textAnchor="middle" fontSize="11" fontWeight="700" fill="#fff">
              12
            </text>
          </svg>
          {t('map.legend.cluster')}
        </li>
        {restricted === 'region-centre' && (
          <li>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <circle
                cx="12"
                cy="12"
                r="10"
                fill="#fff"
                stroke={RESTRICTED_COLOR}
                strokeWidth="2"
                strokeDasharray="3 2"
              />
              <path d={symbolPath('shelter', 5)} fill={SYMBOLS.shelter.color} />
            </svg>
            {t('map.legend.restricted')}
          </li>
        )}
      </ul>
    </details>
  );
};
