/**
 * The directory's second face: every service the list shows (same filters, same search), on
 * an offline map by region. Clicking a region filters to it; a right-click or the "near here"
 * button lists services by distance.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LatLngBoundsExpression, Map as LeafletMap } from 'leaflet';
import { CircleMarker, useMap } from 'react-leaflet';
import { areaByCode, profileFor } from '@shared/domain/directory/areas';
import type { BBox, LatLon } from '@shared/domain/map/geo';
import { smallestBy } from '@shared/domain/map/geo';
import type { MapPoint } from '@shared/domain/map/placement';
import { servicesNear } from '@shared/domain/map/placement';
import { useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { Filters } from '../directory/Filters';
import { useFilters } from '../directory/filterState';
import { Legend } from './Legend';
import { MARKERS_PANE, MapFrame } from './MapFrame';
import { ServiceMarkers } from './ServiceMarkers';
import { InViewList, NearList } from './ServiceLists';
import { useFilteredViews, usePlacement, usePreferences } from './useMapData';

const IN_VIEW_SHOWN = 100;
const NEAR_SHOWN = 20;

export const toBounds = ([south, west, north, east]: BBox): LatLngBoundsExpression => [
  [south, west],
  [north, east],
];

/** Where the map was, for the session: back from a service's page, the map is where it was. */
let remembered: { center: [number, number]; zoom: number } | undefined;

const ViewController = ({ region, home }: { region: string; home: LatLngBoundsExpression }) => {
  const map = useMap();
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    const first = previous.current === undefined;
    const changed = previous.current !== region;
    previous.current = region;
    const area = region ? areaByCode(region) : undefined;
    if (area && changed) map.fitBounds(toBounds(area.bbox), { padding: [16, 16], maxZoom: 11 });
    else if (first && remembered)
      map.setView(remembered.center, remembered.zoom, { animate: false });
    else if (!region && changed && !first) map.fitBounds(home);
  }, [map, region, home]);
  useEffect(() => {
    const save = () => {
      const c = map.getCenter();
      remembered = { center: [c.lat, c.lng], zoom: map.getZoom() };
    };
    map.on('moveend', save);
    return () => {
      map.off('moveend', save);
    };
  }, [map]);
  return null;
};

type InView = { points: MapPoint[]; total: number };

/** The services inside the view, nearest the centre first, recomputed after each move. */
const ViewTracker = ({
  points,
  onChange,
}: {
  points: readonly MapPoint[];
  onChange: (v: InView) => void;
}) => {
  const map = useMap();
  useEffect(() => {
    const update = () => {
      const b = map.getBounds();
      const c = map.getCenter();
      const inside = points.filter((p) => b.contains([p.lat, p.lon]));
      const d = (p: MapPoint) => (p.lat - c.lat) ** 2 + (p.lon - c.lng) ** 2;
      onChange({ points: smallestBy(inside, d, IN_VIEW_SHOWN), total: inside.length });
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [map, points, onChange]);
  return null;
};

/** `serviceId`: open centred on that service with its popup open ("View on the map"). */
export const MapScreen = ({ serviceId }: { serviceId?: string }) => {
  const t = useT();
  const office = useOffice();
  const profile = profileFor(office.country);
  const prefs = usePreferences();
  const views = useFilteredViews();
  const data = usePlacement(views, prefs);
  const { filters, setFilters } = useFilters();
  const [map, setMap] = useState<LeafletMap | null>(null);
  const [near, setNear] = useState<LatLon>();
  const [inView, setInView] = useState<InView>({ points: [], total: 0 });
  // A service to centre on and open: from the route, or chosen in the side lists by keyboard.
  const [focus, setFocus] = useState(() => (serviceId ? { serviceId, nonce: 0 } : undefined));
  const show = useCallback(
    (id: string) => setFocus((f) => ({ serviceId: id, nonce: (f?.nonce ?? 0) + 1 })),
    [],
  );
  const home = useMemo(() => toBounds(profile?.bbox ?? [-60, -170, 75, 170]), [profile]);
  const onRegion = useCallback(
    (code: string) => {
      // The filter lists this office's regions only; a neighbour's region is not a filter.
      if (profile?.areas.some((a) => a.code === code)) setFilters({ region: code });
    },
    [profile, setFilters],
  );
  const onNear = useCallback((at: LatLon) => setNear(at), []);
  const ranked = useMemo(
    () => (near && data ? servicesNear(data.points, near, { limit: NEAR_SHOWN }) : []),
    [near, data],
  );
  const restricted = prefs?.restrictedLocations;
  const restrictedCount = data?.points.filter((p) => p.restricted).length ?? 0;

  return (
    <div className="map-screen">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('map.title')}</h1>
      </div>
      <Filters />
      <div className="map-layout">
        <div className="map-main">
          <div className="map-toolbar">
            <p role="status" className="result-count">
              {data ? t('map.summary', { count: data.points.length }) : t('status.loading')}
              {data && data.unplaced > 0 && ` · ${t('map.unplaced', { count: data.unplaced })}`}
              {restricted === 'region-centre' &&
                restrictedCount > 0 &&
                ` · ${t('map.restrictedShown', { count: restrictedCount })}`}
              {data && data.hidden > 0 && ` · ${t('map.restrictedHidden', { count: data.hidden })}`}
            </p>
            <button
              type="button"
              disabled={!map}
              onClick={() => map && setNear([map.getCenter().lat, map.getCenter().lng])}
            >
              {t('map.nearCentre')}
            </button>
          </div>
          <MapFrame
            label={t('map.label')}
            bounds={home}
            prefs={prefs}
            selectedRegion={filters.region}
            className="map-large"
            mapRef={setMap}
          >
            <ViewController region={filters.region} home={home} />
            {data && (
              <ServiceMarkers data={data} onRegion={onRegion} onNear={onNear} focus={focus} />
            )}
            {data && <ViewTracker points={data.points} onChange={setInView} />}
            {near && (
              <CircleMarker
                center={[near[0], near[1]]}
                radius={7}
                pane={MARKERS_PANE}
                interactive={false}
                pathOptions={{ color: '#1d2433', weight: 3, fillColor: '#fff', fillOpacity: 1 }}
              />
            )}
          </MapFrame>
          <p className="muted map-hint">{t('map.hint')}</p>
        </div>
        <aside className="map-side" aria-label={t('map.side')}>
          {near ? (
            <NearList
              title={t('map.nearTitle')}
              ranked={ranked}
              empty={t('map.nearEmpty')}
              onShow={show}
            >
              <button type="button" onClick={() => setNear(undefined)}>
                {t('map.nearClose')}
              </button>
            </NearList>
          ) : (
            <InViewList points={inView.points} total={inView.total} onShow={show} />
          )}
          <Legend restricted={restricted} />
        </aside>
      </div>
    </div>
  );
};
