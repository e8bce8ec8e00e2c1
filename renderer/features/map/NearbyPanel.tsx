/**
 * "Services near this one", on a service's page: the nearest other services by great-circle
 * distance, narrowed by category if wanted. Distances use the same placed points as the map, so
 * for a user without the right a restricted service is measured (and measures) from its
 * region's centre, never its address.
 */
import { useId, useMemo, useState } from 'react';
import { areaByCode } from '@shared/domain/directory/areas';
import type { ServiceCategory } from '@shared/domain/directory/schema';
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import type { LatLon } from '@shared/domain/map/geo';
import { placeServices, servicesNear } from '@shared/domain/map/placement';
import { useT } from '../../app/i18n';
import { useSession } from '../accounts/session';
import { regionName, useDirectoryViews } from '../directory/useDirectory';
import { NearList } from './ServiceLists';
import { usePreferences } from './useMapData';

const SHOWN = 8;

export const NearbyPanel = ({ serviceId }: { serviceId: string }) => {
  const t = useT();
  const views = useDirectoryViews();
  const prefs = usePreferences();
  const { user } = useSession();
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const selectId = useId();
  const placed = useMemo(
    () => views && prefs && placeServices(views, prefs.restrictedLocations, user),
    [views, prefs, user],
  );
  const self = views?.find((v) => v.service.id === serviceId);
  const origin = useMemo((): { at: LatLon; fromCentre?: string } | undefined => {
    if (!placed || !self) return undefined;
    const own = placed.points.find((p) => p.serviceId === serviceId);
    if (own)
      return { at: [own.lat, own.lon], fromCentre: own.restricted ? own.regionCode : undefined };
    // Hidden restricted location: its region's centre still says "near here" honestly.
    const loc = self.locations.find((l) => l.visibility === 'restricted');
    const area = loc && areaByCode(loc.address.adminAreaCode);
    return area ? { at: area.center, fromCentre: area.code } : undefined;
  }, [placed, self, serviceId]);
  const ranked = useMemo(() => {
    if (!placed || !origin) return [];
    const points = category ? placed.points.filter((p) => p.category === category) : placed.points;
    return servicesNear(points, origin.at, { limit: SHOWN, exclude: serviceId });
  }, [placed, origin, category, serviceId]);

  if (!placed || !self) return null;
  if (!origin) {
    return (
      <section className="panel nearby-panel" aria-label={t('map.nearby.title')}>
        <h2>{t('map.nearby.title')}</h2>
        <p>{t('map.nearby.noPosition')}</p>
      </section>
    );
  }
  return (
    <div className="panel nearby-panel">
      <NearList
        title={t('map.nearby.title')}
        ranked={ranked}
        empty={t('map.nearby.empty')}
        fromCentre={origin.fromCentre !== undefined}
      >
        {origin.fromCentre && (
          <p className="muted">
            {t('map.nearby.fromCentre', { region: regionName(origin.fromCentre) })}
          </p>
        )}
        <div className="filter">
          <label htmlFor={selectId}>{t('filters.category')}</label>
          <select
            id={selectId}
            value={category}
            onChange={(e) => setCategory(e.target.value as ServiceCategory | '')}
          >
            <option value="">{t('filters.any')}</option>
            {SERVICE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </NearList>
    </div>
  );
};
