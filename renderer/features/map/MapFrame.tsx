/**
 * A Leaflet map with Passerelle's basemap: the offline Natural Earth layers always, the online
 * tile layer only if switched on in Settings (and then under the boundaries and names, over the
 * offline fills, so that failing tiles leave the offline map in view). Translated zoom buttons,
 * an accessible name on the container, and the attribution as text, never HTML.
 */
import './map.css';
import 'leaflet/dist/leaflet.css';
import './rtl.css';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { LatLngBoundsExpression, Map as LeafletMap } from 'leaflet';
import { MapContainer, Pane, TileLayer, ZoomControl, useMap } from 'react-leaflet';
import { tileAttribution, tileUrlProblem } from '@shared/domain/map/tiles';
import type { Preferences } from '@shared/domain/settings/schema';
import { isRtl } from '@shared/i18n/define';
import { useLocale, useT } from '../../app/i18n';
import { Basemap } from './Basemap';

/** Above Leaflet's overlay pane (400), under its marker, tooltip and popup panes (600+). */
export const MARKERS_PANE = 'passerelle-markers';

const AccessibleName = ({ label }: { label: string }) => {
  const map = useMap();
  const t = useT();
  useEffect(() => {
    const el = map.getContainer();
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
    // Leaflet names its popups' close button in English; name it in the interface language.
    const onPopup = () =>
      el
        .querySelectorAll('.leaflet-popup-close-button')
        .forEach((b) => b.setAttribute('aria-label', t('map.closePopup')));
    map.on('popupopen', onPopup);
    return () => {
      map.off('popupopen', onPopup);
    };
  }, [map, label, t]);
  return null;
};

export type MapFrameProps = {
  label: string;
  bounds: LatLngBoundsExpression;
  prefs: Preferences | undefined;
  selectedRegion?: string;
  className?: string;
  /** Receives the Leaflet map, for controls outside it (a "near here" button). */
  mapRef?: (map: LeafletMap | null) => void;
  children?: ReactNode;
};

export const MapFrame = ({
  label,
  bounds,
  prefs,
  selectedRegion,
  className = '',
  mapRef,
  children,
}: MapFrameProps) => {
  const t = useT();
  const { locale } = useLocale();
  const [tilesFailed, setTilesFailed] = useState(false);
  const tiles = prefs?.onlineTiles && !tileUrlProblem(prefs.tileUrl) ? prefs.tileUrl : undefined;
  const credit = tiles && tileAttribution(tiles);
  return (
    <div className={`map-frame ${className}`}>
      <MapContainer
        ref={mapRef}
        bounds={bounds}
        className="map-canvas"
        zoomControl={false}
        attributionControl={false}
        minZoom={2}
        maxZoom={17}
        zoomSnap={0.25}
      >
        <AccessibleName label={label} />
        {/* At the start of the line: top right in right-to-left scripts. */}
        <ZoomControl
          key={locale}
          position={isRtl(locale) ? 'topright' : 'topleft'}
          zoomInTitle={t('map.zoomIn')}
          zoomOutTitle={t('map.zoomOut')}
        />
        {tiles && (
          <TileLayer
            key={tiles}
            url={tiles}
            referrerPolicy="no-referrer"
            eventHandlers={{
              tileerror: () => setTilesFailed(true),
              tileload: () => setTilesFailed(false),
            }}
          />
        )}
        <Basemap selectedRegion={selectedRegion} />
        {/* Created before the children, whose layers go into it. */}
        <Pane name={MARKERS_PANE} style={{ zIndex: '450' }} />
        {children}
      </MapContainer>
      <p className="map-attribution">
        {t('map.attribution.base')}
        {credit &&
          ` · ${credit.kind === 'osm' ? t('map.attribution.osm') : t('map.attribution.other', { host: credit.host })}`}
      </p>
      {tiles && tilesFailed && (
        <p role="status" className="map-tiles-failed">
          {t('map.tilesFailed')}
        </p>
      )}
    </div>
  );
};
