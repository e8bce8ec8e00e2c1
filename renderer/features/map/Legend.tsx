/**
 * What the symbols mean: one line per category, then clusters, shelters' bed badges and
 * restricted locations.
 */
import { isScoped } from '@shared/domain/accounts/permissions';
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import type { RestrictedMode } from '@shared/domain/map/placement';
import { useT } from '../../app/i18n';
import { useSession } from '../accounts/session';
import { CAPACITY_COLORS, CLUSTER_COLOR, RESTRICTED_COLOR, SYMBOLS, symbolPath } from './symbols';

/** The badge as drawn on the canvas (markerLayer.drawMark), beside a shelter's symbol. */
const BEDS = [
  ['free', '3', 'map.legend.bedsFree'],
  ['full', '0', 'map.legend.bedsFull'],
  ['closed', '×', 'map.legend.bedsClosed'],
  ['unknown', '?', 'map.legend.bedsUnknown'],
] as const;

export const Legend = ({ restricted }: { restricted: RestrictedMode | undefined }) => {
  const t = useT();
  const { user, can } = useSession();
  const beds = can('capacity.view');
  // Roles that see every restricted place where it is never meet the region-centre symbol.
  const seesAll = can('location.viewRestricted') && !isScoped(user, 'location.viewRestricted');
  return (
    <details className="panel map-legend" open>
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
        {beds &&
          BEDS.map(([tone, text, label]) => (
            <li key={tone}>
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <path
                  d={symbolPath('shelter', 6)}
                  transform="translate(-3 3)"
                  fill={SYMBOLS.shelter.color}
                />
                <rect x="10" y="1" width="13" height="13" rx="6.5" fill={CAPACITY_COLORS[tone]} />
                <text
                  x="16.5"
                  y="11"
                  textAnchor="middle"
                  fontSize="10"
                  fontWeight="700"
                  fill="#fff"
                >
                  {text}
                </text>
              </svg>
              {t(label)}
            </li>
          ))}
        {restricted === 'region-centre' && !seesAll && (
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
