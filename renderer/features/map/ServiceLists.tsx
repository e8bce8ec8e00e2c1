/**
 * Lists of services beside the map: the ones in view (the keyboard and screen-reader way to the
 * markers) and the ones nearest a point, with their great-circle distance. Both are real lists
 * (<ul>/<ol>) named by their heading.
 */
import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Ranked } from '@shared/domain/map/geo';
import type { MapPoint } from '@shared/domain/map/placement';
import { useLocale, useT } from '../../app/i18n';
import { href } from '../../app/router';
import { SYMBOLS, symbolPath } from './symbols';

/** "850 m", "4,2 km", "212 km", in the interface language's number format. */
export const useFormatDistance = () => {
  const { intlLocale: locale } = useLocale();
  return useMemo(() => {
    const m = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'meter',
      maximumFractionDigits: 0,
    });
    const km1 = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilometer',
      maximumFractionDigits: 1,
    });
    const km0 = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilometer',
      maximumFractionDigits: 0,
    });
    return (km: number) =>
      km < 1 ? m.format(Math.round(km * 100) * 10) : (km < 10 ? km1 : km0).format(km);
  }, [locale]);
};

const SymbolIcon = ({ point }: { point: MapPoint }) => (
  <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="map-symbol">
    <path
      d={symbolPath(point.category)}
      fill={SYMBOLS[point.category].color}
      stroke="#fff"
      strokeWidth="1.5"
    />
  </svg>
);

/**
 * A distance to or from a restricted place is to its region's centre: shown with "≈", and two
 * such places (both at one centre) are "at the same region centre", not "0 m" apart.
 */
const ServiceLine = ({
  point,
  km,
  fromCentre = false,
  onShow,
}: {
  point: MapPoint;
  km?: number;
  fromCentre?: boolean;
  /** Centre the map on this service and open its popup: the keyboard's way to a marker. */
  onShow?: (serviceId: string) => void;
}) => {
  const t = useT();
  const formatDistance = useFormatDistance();
  const approximate = point.restricted || fromCentre;
  const distance =
    km === undefined
      ? undefined
      : point.restricted && fromCentre && km < 1
        ? t('map.sameCentre')
        : `${approximate ? '≈ ' : ''}${formatDistance(km)}`;
  return (
    <li className="map-list-item">
      <SymbolIcon point={point} />
      <div>
        <a href={href({ name: 'service', id: point.serviceId })}>
          <bdi>{point.name}</bdi>
        </a>
        <div className="muted">
          {t(`category.${point.category}`)}
          {distance !== undefined && (
            <>
              {' · '}
              <span className="map-distance">{distance}</span>
            </>
          )}
          {point.restricted && ` · ${t('map.approximate')}`}
        </div>
      </div>
      {onShow && (
        <button
          type="button"
          className="map-show"
          aria-label={t('ux.map.showNamed', { name: point.name })}
          onClick={() => onShow(point.serviceId)}
        >
          {t('ux.map.show')}
        </button>
      )}
    </li>
  );
};

export const NearList = ({
  title,
  ranked,
  empty,
  fromCentre,
  children,
  onShow,
}: {
  title: string;
  ranked: readonly Ranked<MapPoint>[];
  empty: string;
  onShow?: (serviceId: string) => void;
  /** The origin itself is a region's centre (a restricted place). */
  fromCentre?: boolean;
  children?: ReactNode;
}) => {
  const id = useId();
  return (
    <section className="panel map-list" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      {ranked.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className="plain" aria-labelledby={id}>
          {ranked.map(({ item, km }) => (
            <ServiceLine
              key={item.locationId}
              point={item}
              km={km}
              fromCentre={fromCentre}
              onShow={onShow}
            />
          ))}
        </ol>
      )}
    </section>
  );
};

export const InViewList = ({
  points,
  total,
  onShow,
}: {
  points: readonly MapPoint[];
  total: number;
  onShow?: (serviceId: string) => void;
}) => {
  const t = useT();
  const id = useId();
  return (
    <section className="panel map-list" aria-labelledby={id}>
      <h2 id={id}>{t('map.inView', { count: total })}</h2>
      {total === 0 ? (
        <p>{t('map.inViewNone')}</p>
      ) : (
        <ul className="plain" aria-labelledby={id}>
          {points.map((p) => (
            <ServiceLine key={p.locationId} point={p} onShow={onShow} />
          ))}
        </ul>
      )}
      {total > points.length && (
        <p className="muted">{t('map.inViewMore', { count: total - points.length })}</p>
      )}
    </section>
  );
};
