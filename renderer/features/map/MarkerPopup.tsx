/**
 * A marker's popup, built by React (react-leaflet renders it into the popup through a portal):
 * names from data are text, never HTML, so `<img src=x onerror=…>` shows as those characters.
 * A shelter's beds come from the capacity feature through `beds`.
 */
import type { ReactNode } from 'react';
import type { MapPoint } from '@shared/domain/map/placement';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { regionName } from '../directory/useDirectory';
import { SYMBOLS, symbolPath } from './symbols';

const SHOWN = 8;

export const MarkerPopup = ({
  points,
  onNear,
  beds,
}: {
  points: MapPoint[];
  onNear: () => void;
  /** A service's beds (capacity), or nothing when it is not a shelter with figures. */
  beds?: (serviceId: string) => ReactNode;
}) => {
  const t = useT();
  return (
    <div className="map-popup">
      {points.length > 1 && (
        <p className="map-popup-count">{t('map.here', { count: points.length })}</p>
      )}
      <ul className="plain">
        {points.slice(0, SHOWN).map((p) => (
          <li key={p.locationId}>
            <p className="map-popup-name">
              <bdi>{p.name}</bdi>
            </p>
            <p className="map-popup-category">
              <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                <path d={symbolPath(p.category)} fill={SYMBOLS[p.category].color} />
              </svg>{' '}
              {t(`category.${p.category}`)}
            </p>
            <p>
              {t('map.phone')}{' '}
              {p.phone ? (
                <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                  {p.phone}
                </a>
              ) : (
                t('service.none')
              )}
            </p>
            {beds?.(p.serviceId)}
            {p.restricted && (
              <p className="map-popup-restricted">
                {t('map.restrictedNote', { region: regionName(p.regionCode) })}
              </p>
            )}
            {p.confidential && <p className="map-popup-restricted">{t('map.confidentialNote')}</p>}
            <a href={href({ name: 'service', id: p.serviceId })}>
              {t('map.openDetail')}
              {/* Several popups' links would all read "open the record" without the name. */}
              <span className="visually-hidden">
                {' '}
                <bdi>{p.name}</bdi>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {points.length > SHOWN && <p>{t('map.more', { count: points.length - SHOWN })}</p>}
      <button type="button" onClick={onNear}>
        {t('map.nearHere')}
      </button>
    </div>
  );
};
